import "server-only";
import type { WireParameters } from "./encode";
import { OUTCOME_UNKNOWN, type Reconciliation, type VicidialFailure } from "./errors";
import { defineOperation, type Read } from "./operation";

/**
 * Reading VICIdial back after an unknown outcome (an HTTP 500, even one carrying SUCCESS:
 * contract 4). Phones, DIDs and aliases cannot be listed or read through the API; what can be
 * read is whether one exists, with the no-change probe: an update with nothing to change
 * answers NO UPDATES when the record exists and DOES NOT EXIST when it does not, and changes
 * nothing (2.5, 2.8). CID group entries can be read in full (INFO, cid-groups.ts).
 */

export const CHECKED = "Checked afterwards:";

/** The last value sent for `name`, as VICIdial saw it. */
export function sentValue(sent: WireParameters, name: string): string | undefined {
  return sent.findLast(([key]) => key === name)?.[1];
}

/** Whether anything beyond the record's key was sent (settings VICIdial cannot show back). */
export function sentMoreThan(sent: WireParameters, keys: readonly string[]): boolean {
  return sent.some(([name]) => !keys.includes(name));
}

/** The read-back failed as well. */
export function couldNotCheck(): Reconciliation {
  return { state: "unchecked", message: `Reading it back failed too. ${OUTCOME_UNKNOWN}` };
}

/** An update with nothing to change (plus `fixed`, such as delete_alias=N), sent as a read. */
export function noChangeProbe(apiFunction: string, thing: string, fixed: WireParameters = []) {
  return defineOperation<never>({
    apiFunction,
    subject: { thing, things: `${thing}s`, right: `read ${thing}s`, changesData: false },
    read: true,
    fixed,
    verdict: "first",
    success: () => undefined,
  });
}

/** true: exists; false: does not exist; a failure: the probe itself failed. */
export async function exists(read: Read, probe: ReturnType<typeof noChangeProbe>, key: WireParameters): Promise<boolean | VicidialFailure> {
  const result = await read(probe, key);
  if (result.ok) return true;
  if (result.code === "NO_UPDATES") return true;
  if (result.code === "NOT_FOUND") return false;
  return result;
}

/** The sentences of an add, an update and a delete, once existence is known. */
export function existenceVerdict(
  kind: "add" | "update" | "delete",
  found: boolean,
  what: { thing: string; onlyKeySent: boolean },
): Reconciliation {
  const the = `the ${what.thing}`;
  switch (kind) {
    case "add":
      if (!found) return { state: "not_done", message: `${CHECKED} ${the} does not exist in VICIdial, so nothing was added; it is safe to try again.` };
      // Worded without "so it was added": the answer may have been ALREADY EXISTS.
      return what.onlyKeySent
        ? { state: "done", message: `${CHECKED} ${the} exists in VICIdial.` }
        : {
            state: "exists",
            message: `${CHECKED} ${the} exists in VICIdial, but its settings cannot be read back through the API; check them in VICIdial's admin.`,
          };
    case "update":
      return found
        ? {
            state: "exists",
            message: `${CHECKED} ${the} exists, but whether the new values were stored cannot be read back through the API; check in VICIdial's admin, or send the change again (repeating it is safe).`,
          }
        : { state: "not_done", message: `${CHECKED} ${the} does not exist in VICIdial, so nothing was changed.` };
    case "delete":
      return found
        ? { state: "not_done", message: `${CHECKED} ${the} still exists in VICIdial, so nothing was deleted; it is safe to try again.` }
        : { state: "done", message: `${CHECKED} ${the} no longer exists in VICIdial, so it was deleted.` };
  }
}

/** The reconciler of a record known by one key parameter, through its no-change probe. */
export function byExistence(
  kind: "add" | "update" | "delete",
  probe: ReturnType<typeof noChangeProbe>,
  key: string,
  thing: string,
) {
  return async (sent: WireParameters, read: Read): Promise<Reconciliation> => {
    const value = sentValue(sent, key) ?? "";
    const found = await exists(read, probe, [[key, value]]);
    if (typeof found !== "boolean") return couldNotCheck();
    return existenceVerdict(kind, found, { thing, onlyKeySent: !sentMoreThan(sent, [key]) });
  };
}
