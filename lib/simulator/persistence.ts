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
  return parsed.state;
}

export function saveState(path: string, state: SimulatorState): void {
  const file: StateFile = { format: FORMAT, version: VERSION, state };
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(file, null, 1)}\n`);
  renameSync(temporary, path);
}
