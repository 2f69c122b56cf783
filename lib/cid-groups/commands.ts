import "server-only";
import type { CommandContext, CommandOutcome } from "@/lib/actions/command";
import { fromVicidial } from "@/lib/actions/from-vicidial";
import { forgetGoneRecord, type GoneRecord } from "@/lib/actions/gone-record";
import { CID_FIELD_FOR_PARAMETER } from "@/lib/cid-groups/fields";
import { getCidGroup, removeCidGroup, type KnownCidGroup } from "@/lib/cid-groups/inventory";
import { fail, ok } from "@/lib/actions/result";
import { ALL, isWholeGroupDelete, type AddCidEntry, type DeleteCidEntries, type UpdateCidEntries } from "@/lib/cid-groups/schemas";
import { addCidEntry, deleteCidEntries, updateCidEntries, type CidGroupRow } from "@/lib/vicidial/cid-groups";
import type { VicidialFailure } from "@/lib/vicidial/errors";
import { readCidEntries } from "./live-entries";

/**
 * The CID entry use cases: the actions and undo call these (DESIGN "one command per use case").
 * Each reads the entries it touches first (INFO), so the audit entry's "before" is VICIdial's own.
 */

export const refusedCid = (failure: VicidialFailure) => fromVicidial(failure, CID_FIELD_FOR_PARAMETER);

function goneCidGroup(groupId: string, listed: KnownCidGroup | null): GoneRecord {
  const id = listed?.id ?? groupId;
  return {
    action: "cid.group_gone",
    name: `CID group ${id}`,
    target: id,
    before: listed ? { id: listed.id, entryCount: listed.entryCount } : null,
    inDatabase: async (reader) => (await reader.cidGroupsById([groupId])).length > 0,
    remove: () => removeCidGroup(id),
  };
}

/** VICIdial's refusal; a listed group VICIdial answers CID GROUP DOES NOT EXIST for leaves the list. */
async function refusedCidGroup(failure: VicidialFailure, groupId: string, ctx: CommandContext) {
  return (await forgetGoneRecord(failure, goneCidGroup(groupId, await getCidGroup(groupId)), ctx)) ?? refusedCid(failure);
}

/**
 * UPDATE or DELETE of one named entry answered THIS CID GROUP HAS NO ENTRIES: the entry was
 * deleted outside the dashboard. The entries shown are VICIdial's own (read live), so saying so
 * is what is left to do.
 */
function refusedEntryChange(failure: VicidialFailure, input: { areacode: string; outboundCid?: string }) {
  if (failure.code !== "NO_ENTRIES") return refusedCid(failure);
  const what =
    input.outboundCid && input.outboundCid !== ALL
      ? `${input.outboundCid} (area code ${input.areacode})`
      : input.areacode === ALL
        ? "The group's entries"
        : `Area code ${input.areacode}`;
  return fail("vicidial", `${what} no longer exists in VICIdial (it was deleted outside the dashboard); the entries shown are VICIdial's as they are now.`, {
    code: failure.code,
    raw: failure.raw,
    removedFromList: true,
  });
}

export function entries(n: number): string {
  return n === 1 ? "1 entry" : `${n} entries`;
}

export interface AddCidEntryOptions {
  /**
   * false: no INFO read before the ADD (a CSV job's rows, one request each instead of two). ADD's
   * own answer still tells an existing entry (ENTRY_EXISTS) and an unknown group (NOT_FOUND); the
   * audit entry then holds the added entry alone, as `after`, instead of the area code's entries
   * before and after (undo reads either shape, lib/undo/resources/cid.ts).
   */
  readBefore?: boolean;
}

/** Stage ADD. `before` holds the area code's entries as they were, unless told not to read them. */
export async function addCidEntryCommand(input: AddCidEntry, ctx: CommandContext, { readBefore = true }: AddCidEntryOptions = {}): Promise<CommandOutcome<CidGroupRow>> {
  const { source, client } = ctx;
  const target = input.groupId;
  const params = { ...input };
  const before = readBefore ? await readCidEntries(input.groupId, { areacode: input.areacode }, source, client) : undefined;
  if (before && !before.ok) return { result: await refusedCidGroup(before, input.groupId, ctx), audit: { action: "cid.add", target, params, raw: before.raw } };
  const result = await addCidEntry(
    { cidGroupId: input.groupId, areacode: input.areacode, outboundCid: input.outboundCid, active: input.active, description: input.description || undefined },
    { source },
    client,
  );
  ctx.answered?.();
  const audit = { action: "cid.add", target, params, ...(before ? { before: before.data } : {}), raw: result.raw };
  if (!result.ok) {
    if (result.code !== "ENTRY_EXISTS") return { result: await refusedCidGroup(result, input.groupId, ctx), audit };
    const message = `${input.outboundCid} is already an entry of area code ${input.areacode} in this group`;
    return { result: fail("conflict", message, { code: result.code, raw: result.raw, fieldErrors: { outboundCid: [message] } }), audit };
  }
  const added = cidEntryAdded(input);
  return {
    result: ok(added, `Added ${input.outboundCid} to area code ${input.areacode}${input.active ? "" : " (inactive)"}`),
    audit: { ...audit, after: before ? [...before.data, added] : added },
  };
}

/** The entry an ADD made, as INFO lists it (no calls yet). */
export function cidEntryAdded(input: AddCidEntry): CidGroupRow {
  return { areacode: input.areacode, outboundCid: input.outboundCid, active: input.active, description: input.description, callCountToday: 0 };
}

/**
 * Stage UPDATE of one entry, or of every entry of an area code (CID ---ALL---). VICIdial reports
 * the rows it actually changed, so an entry that already had the value is not counted.
 */
export async function updateCidEntriesCommand(input: UpdateCidEntries, ctx: CommandContext): Promise<CommandOutcome<{ changed: number; matched: number }>> {
  const { source, client } = ctx;
  const target = input.groupId;
  const before = await readCidEntries(input.groupId, { areacode: input.areacode, outboundCid: input.outboundCid }, source, client);
  if (!before.ok) return { result: await refusedCidGroup(before, input.groupId, ctx), audit: { action: "cid.update", target, raw: before.raw } };
  const result = await updateCidEntries(
    { cidGroupId: input.groupId, areacode: input.areacode, outboundCid: input.outboundCid, active: input.active, description: input.description },
    { source },
    client,
  );
  const audit = { action: "cid.update", target, before: before.data, raw: result.raw };
  if (!result.ok) return { result: result.code === "NOT_FOUND" ? await refusedCidGroup(result, input.groupId, ctx) : refusedEntryChange(result, input), audit };
  const after = before.data.map((row) => ({
    ...row,
    ...(input.active === undefined ? {} : { active: input.active }),
    ...(input.description === undefined ? {} : { description: input.description }),
  }));
  const changed = { changed: result.data.count, matched: before.data.length };
  const done = (message: string) => ({ result: ok(changed, message), audit: { ...audit, after } });
  if (input.outboundCid === ALL) {
    const verb = input.active ? "Activated" : input.active === false ? "Deactivated" : "Updated";
    return done(`${verb} area code ${input.areacode}: VICIdial changed ${changed.changed} of ${entries(changed.matched)}`);
  }
  if (input.description !== undefined) return done(`Saved the description of ${input.outboundCid}`);
  return done(`${input.outboundCid} is now ${input.active ? "active" : "inactive"}`);
}

/**
 * Stage DELETE: one entry, every entry of an area code, or (only with the group id typed in
 * `confirmGroupId`, which the schema checks) every entry of the group.
 */
export async function deleteCidEntriesCommand(input: DeleteCidEntries, ctx: CommandContext): Promise<CommandOutcome<{ deleted: number }>> {
  const { source, client } = ctx;
  const target = input.groupId;
  const wholeGroup = isWholeGroupDelete(input);
  const before = await readCidEntries(input.groupId, { areacode: input.areacode, outboundCid: input.outboundCid }, source, client);
  if (!before.ok) return { result: await refusedCidGroup(before, input.groupId, ctx), audit: { action: "cid.delete", target, raw: before.raw } };
  const result = await deleteCidEntries(
    { cidGroupId: input.groupId, areacode: input.areacode, outboundCid: input.outboundCid, confirmWholeGroup: wholeGroup },
    { source },
    client,
  );
  const audit = { action: "cid.delete", target, before: before.data, raw: result.raw };
  if (!result.ok) return { result: result.code === "NOT_FOUND" ? await refusedCidGroup(result, input.groupId, ctx) : refusedEntryChange(result, input), audit };
  const deleted = { deleted: result.data.count };
  const done = (message: string) => ({ result: ok(deleted, message), audit: { ...audit, after: [] } });
  if (wholeGroup) return done(`Deleted all ${entries(deleted.deleted)} of ${input.groupId}`);
  if (input.outboundCid) return done(`Deleted ${input.outboundCid} from area code ${input.areacode}`);
  return done(`Deleted ${entries(deleted.deleted)} of area code ${input.areacode}`);
}
