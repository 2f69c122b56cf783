// The optional state file: the whole SimulatorState as JSON, written atomically and
// synchronously so that the file is current before the answer leaves.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { SimulatorState } from "./state";

const FORMAT = "vicidial-simulator-state";
const VERSION = 1;

interface StateFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  state: SimulatorState;
}

function isStateFile(value: unknown): value is StateFile {
  if (typeof value !== "object" || value === null) return false;
  const file = value as Partial<StateFile>;
  return file.format === FORMAT && file.version === VERSION && typeof file.state === "object" && file.state !== null;
}

/** The saved state, or undefined when there is no file yet. A foreign file is an error, not a reset. */
export function loadState(path: string): SimulatorState | undefined {
  if (!existsSync(path)) return undefined;
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (!isStateFile(parsed)) throw new Error(`${path} is not a ${FORMAT} v${VERSION} file`);
  return withNewColumns(parsed.state);
}

/**
 * A file written before a column was modelled gets the column's default, as ALTER TABLE … ADD
 * COLUMN would give existing rows: a demo's saved state keeps working after an upgrade.
 */
function withNewColumns(state: SimulatorState): SimulatorState {
  for (const phone of state.phones) {
    phone.phone_type ??= "";
    phone.peer_status ??= "UNKNOWN";
    phone.ping_time ??= null;
  }
  for (const campaign of state.campaigns) campaign.user_group ??= "---ALL---";
  let id = 0;
  for (const row of state.adminLog) {
    row.admin_log_id ??= ++id;
    row.event_notes ??= "";
    id = Math.max(id, row.admin_log_id);
  }
  state.nextAdminLogId ??= id + 1;
  return state;
}

export function saveState(path: string, state: SimulatorState): void {
  const file: StateFile = { format: FORMAT, version: VERSION, state };
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(file, null, 1)}\n`);
  renameSync(temporary, path);
}
