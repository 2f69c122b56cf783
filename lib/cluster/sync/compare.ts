import type { LocalRow, SyncedResource } from "./resource";

/**
 * How VICIdial's row stands against ours. Pure: the full pass and the admin-log reader decide
 * the same way.
 * - same: nothing to write.
 * - quiet: only what nobody changed by hand differs (SIP status, a setting we never knew): refresh
 *   without an audit entry and without moving the row's last change.
 * - drift: someone changed the record outside the dashboard: `changed` names the columns.
 */
export type Comparison = { kind: "new" } | { kind: "same" } | { kind: "quiet" } | { kind: "drift"; changed: string[] };

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

export function compareRow(resource: Pick<SyncedResource<unknown>, "tracked" | "live">, local: LocalRow | undefined, remote: LocalRow): Comparison {
  if (!local) return { kind: "new" };
  let quiet = false;
  const changed: string[] = [];
  for (const column of resource.tracked) {
    if (text(local[column]) === text(remote[column])) continue;
    // A column we never knew (a row added by hand, a setting the dashboard's form leaves out) is
    // learnt, not changed: nobody can say what it was before.
    if (local[column] === null || local[column] === undefined || local.settingsKnown === false) quiet = true;
    else changed.push(column);
  }
  for (const column of resource.live) if (text(local[column]) !== text(remote[column])) quiet = true;
  if (changed.length > 0) return { kind: "drift", changed };
  return quiet || local.settingsKnown === false ? { kind: "quiet" } : { kind: "same" };
}

/** The named columns of a row: an audit snapshot holds only what changed (and the key). */
export function pick(row: LocalRow, columns: readonly string[]): LocalRow {
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
}
