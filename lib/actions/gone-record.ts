import "server-only";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { clusterReader } from "@/lib/cluster/reader";
import type { ClusterReader } from "@/lib/cluster/types";
import type { VicidialFailure } from "@/lib/vicidial/errors";
import type { CommandContext } from "./command";
import { fail, type ActionResult } from "./result";

/**
 * A record the list holds that VICIdial answers "DOES NOT EXIST" for (update_did DID DOES NOT
 * EXIST, update_phone PHONE DOES NOT EXIST ON THIS SERVER, update_phone_alias PHONE ALIAS DOES NOT
 * EXIST, update_cid_group_entry CID GROUP DOES NOT EXIST) was deleted outside the dashboard:
 * keeping it listed would leave a row that can never be edited or deleted (issue 13). It comes
 * off the list, with an audit entry saying why, and the user is told in plain words.
 *
 * The API answers the same for a record its user may not see (contract 1.5, admin_viewable_groups).
 * With database access the record is looked up there first: still in the database means hidden,
 * not gone, and it stays listed.
 */
export interface GoneRecord {
  /** The audit action: `did.gone`, `phone.gone`, `alias.gone`, `cid.group_gone`. */
  action: GoneAction;
  /** "DID 7275550100", "Phone 1001 on 10.10.10.15". */
  name: string;
  target: string;
  /** The list's row as it was (the audit entry's before); null when the list did not hold it. */
  before: unknown;
  /** Whether VICIdial's database still holds it (called only when the dashboard can read it). */
  inDatabase(reader: ClusterReader): Promise<boolean>;
  /** Takes it off the list. */
  remove(): Promise<unknown>;
}

export type GoneAction = "did.gone" | "phone.gone" | "alias.gone" | "cid.group_gone";

/** Whether this answer means the record itself is missing (not a server, login or entry). */
export function saysDoesNotExist(failure: VicidialFailure): boolean {
  return failure.code === "NOT_FOUND";
}

async function stillInDatabase(record: GoneRecord): Promise<boolean> {
  try {
    const reader = clusterReader();
    return reader ? await record.inDatabase(reader) : false;
  } catch (error) {
    // The API's answer stands on its own; a database that cannot be read changes nothing.
    console.error(`checking ${record.name} in VICIdial's database failed`, error);
    return false;
  }
}

/**
 * The result for a DOES NOT EXIST answer about a listed record, or null when the ordinary error
 * applies (another answer, or a record the list does not hold).
 */
export async function forgetGoneRecord(failure: VicidialFailure, record: GoneRecord, ctx: CommandContext): Promise<ActionResult<never> | null> {
  if (!saysDoesNotExist(failure) || record.before === null || record.before === undefined) return null;
  if (await stillInDatabase(record)) {
    return fail(
      "vicidial",
      `VICIdial's API says ${record.name} does not exist, but VICIdial's database still holds it: the API user is probably not allowed to see it (its user group). It stays on the list.`,
      { code: failure.code, raw: failure.raw },
    );
  }
  await record.remove();
  const message = `${record.name} no longer exists in VICIdial (it was deleted outside the dashboard), so it was removed from the list.`;
  const actor: AuditActor = ctx.actor ?? { id: null, username: ctx.username, role: null };
  await recordAudit({ actor, action: record.action, target: record.target, before: record.before, after: null, outcome: "success", message, raw: failure.raw });
  return fail("vicidial", message, { code: failure.code, raw: failure.raw, removedFromList: true });
}
