import "server-only";
import { idleEntries, recordCidEntryCount } from "@/lib/cid-groups/inventory";
import type { VicidialClient } from "@/lib/vicidial/client";
import { cidGroupInfo, type CidGroupRow } from "@/lib/vicidial/cid-groups";
import type { VicidialResult } from "@/lib/vicidial/errors";

export interface EntryFilter {
  /** One area code or state; absent: every area code. */
  areacode?: string;
  /** One caller ID; absent: every caller ID. */
  outboundCid?: string;
}

/**
 * A group's entries straight from VICIdial (INFO). "This CID group has no entries" is an empty
 * list, not an error: an empty group, or a filter nothing matches. An unknown group stays
 * NOT_FOUND.
 */
export async function readCidEntries(groupId: string, filter: EntryFilter, source: string, client?: VicidialClient): Promise<VicidialResult<CidGroupRow[]>> {
  const result = await cidGroupInfo({ cidGroupId: groupId, ...filter }, { source }, client);
  if (result.ok) return { ok: true, data: result.data.rows, raw: result.raw };
  if (result.code === "NO_ENTRIES") return { ok: true, data: [], raw: result.raw };
  return result;
}

/** Every entry of the group; the count on the dashboard's list follows each such read. */
export async function readWholeGroup(groupId: string, source: string): Promise<VicidialResult<CidGroupRow[]>> {
  const result = await readCidEntries(groupId, {}, source);
  if (result.ok) await recordCidEntryCount(groupId, result.data.length, idleEntries(result.data));
  return result;
}
