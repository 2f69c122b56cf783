"use server";

import { fromVicidial } from "@/lib/actions/from-vicidial";
import { fail, ok } from "@/lib/actions/result";
import { action } from "@/lib/auth/action";
import { getCidGroup, idleEntries, removeCidGroup, upsertCidGroup } from "@/lib/inventory/cid-groups";
import {
  addCidEntrySchema,
  addCidGroupSchema,
  ALL,
  deleteCidEntriesSchema,
  isWholeGroupDelete,
  removeCidGroupSchema,
  updateCidEntriesSchema,
} from "@/lib/schemas/cid-group";
import { addCidEntry, deleteCidEntries, updateCidEntries, type CidGroupRow } from "@/lib/vicidial/cid-groups";
import type { VicidialFailure } from "@/lib/vicidial/errors";
import { readCidEntries } from "./live-entries";

/** VICIdial's parameter names to the form's field names, so its errors land on the right field. */
const FIELDS = { cid_group_id: "groupId", areacode: "areacode", outbound_cid: "outboundCid", cid_description: "description", active: "active" };

const refused = (failure: VicidialFailure) => fromVicidial(failure, FIELDS);

function entries(n: number): string {
  return n === 1 ? "1 entry" : `${n} entries`;
}

/**
 * Puts a group id on the dashboard's list after INFO found it: VICIdial's API cannot create or
 * list CID groups. "No entries" is a real, empty group; "does not exist" is refused.
 */
export const addCidGroupAction = action(
  { permission: "cid.write", schema: addCidGroupSchema, audit: "cid.group_add" },
  async ({ groupId }, { user, source, audit }) => {
    audit.target = groupId;
    const known = await getCidGroup(groupId);
    if (known) {
      return fail("conflict", `${known.id} is already on the list`, { fieldErrors: { groupId: [`${known.id} is already on the list`] } });
    }
    const live = await readCidEntries(groupId, {}, source);
    audit.raw = live.raw;
    if (!live.ok) {
      if (live.code !== "NOT_FOUND") return refused(live);
      const message = "VICIdial has no CID group or campaign with this ID (or the API user may not see it), so it was not added";
      return fail("vicidial", message, { code: live.code, raw: live.raw, fieldErrors: { groupId: [message] } });
    }
    audit.before = null;
    const saved = await upsertCidGroup({ id: groupId, entryCount: live.data.length, idleEntryCount: idleEntries(live.data), updatedBy: user.username });
    audit.after = { id: saved.id, entryCount: saved.entryCount };
    return ok({ id: saved.id, entryCount: live.data.length }, `${saved.id} is on the list (${entries(live.data.length)} in VICIdial)`);
  },
);

/** Takes a group off the dashboard's list. Nothing is sent to VICIdial, where the group stays as it is. */
export const removeCidGroupAction = action(
  { permission: "cid.write", schema: removeCidGroupSchema, audit: "cid.group_remove" },
  async ({ groupId }, { audit }) => {
    audit.target = groupId;
    const removed = await removeCidGroup(groupId);
    if (!removed) return fail("validation", `${groupId} is not on the list`, { fieldErrors: { groupId: [`${groupId} is not on the list`] } });
    audit.before = { id: removed.id, entryCount: removed.entryCount };
    audit.after = null;
    return ok({ id: removed.id }, `${removed.id} is off the dashboard's list; nothing changed in VICIdial`);
  },
);

/** Stage ADD. `audit.before` holds the area code's entries as they were. */
export const addCidEntryAction = action(
  { permission: "cid.write", schema: addCidEntrySchema, audit: "cid.add" },
  async (input, { source, audit }) => {
    audit.target = input.groupId;
    const before = await readCidEntries(input.groupId, { areacode: input.areacode }, source);
    if (!before.ok) return refused(before);
    audit.before = before.data;

    const result = await addCidEntry(
      { cidGroupId: input.groupId, areacode: input.areacode, outboundCid: input.outboundCid, active: input.active, description: input.description || undefined },
      { source },
    );
    audit.raw = result.raw;
    if (!result.ok) {
      if (result.code !== "ENTRY_EXISTS") return refused(result);
      const message = `${input.outboundCid} is already an entry of area code ${input.areacode} in this group`;
      return fail("conflict", message, { code: result.code, raw: result.raw, fieldErrors: { outboundCid: [message] } });
    }
    const added: CidGroupRow = { areacode: input.areacode, outboundCid: input.outboundCid, active: input.active, description: input.description, callCountToday: 0 };
    audit.after = [...before.data, added];
    return ok(added, `Added ${input.outboundCid} to area code ${input.areacode}${input.active ? "" : " (inactive)"}`);
  },
);

/**
 * Stage UPDATE of one entry, or of every entry of an area code (CID ---ALL---). VICIdial reports
 * the rows it actually changed, so an entry that already had the value is not counted.
 */
export const updateCidEntriesAction = action(
  { permission: "cid.write", schema: updateCidEntriesSchema, audit: "cid.update" },
  async (input, { source, audit }) => {
    audit.target = input.groupId;
    const before = await readCidEntries(input.groupId, { areacode: input.areacode, outboundCid: input.outboundCid }, source);
    if (!before.ok) return refused(before);
    audit.before = before.data;

    const result = await updateCidEntries(
      { cidGroupId: input.groupId, areacode: input.areacode, outboundCid: input.outboundCid, active: input.active, description: input.description },
      { source },
    );
    audit.raw = result.raw;
    if (!result.ok) return refused(result);
    audit.after = before.data.map((row) => ({
      ...row,
      ...(input.active === undefined ? {} : { active: input.active }),
      ...(input.description === undefined ? {} : { description: input.description }),
    }));

    const changed = { changed: result.data.count, matched: before.data.length };
    if (input.outboundCid === ALL) {
      const verb = input.active ? "Activated" : input.active === false ? "Deactivated" : "Updated";
      return ok(changed, `${verb} area code ${input.areacode}: VICIdial changed ${changed.changed} of ${entries(changed.matched)}`);
    }
    if (input.description !== undefined) return ok(changed, `Saved the description of ${input.outboundCid}`);
    return ok(changed, `${input.outboundCid} is now ${input.active ? "active" : "inactive"}`);
  },
);

/**
 * Stage DELETE: one entry, every entry of an area code, or (only with the group id typed in
 * `confirmGroupId`, which the schema checks) every entry of the group.
 */
export const deleteCidEntriesAction = action(
  { permission: "cid.write", schema: deleteCidEntriesSchema, audit: "cid.delete" },
  async (input, { source, audit }) => {
    audit.target = input.groupId;
    const wholeGroup = isWholeGroupDelete(input);
    const before = await readCidEntries(input.groupId, { areacode: input.areacode, outboundCid: input.outboundCid }, source);
    if (!before.ok) return refused(before);
    audit.before = before.data;

    const result = await deleteCidEntries(
      { cidGroupId: input.groupId, areacode: input.areacode, outboundCid: input.outboundCid, confirmWholeGroup: wholeGroup },
      { source },
    );
    audit.raw = result.raw;
    if (!result.ok) return refused(result);
    audit.after = [];

    const deleted = { deleted: result.data.count };
    if (wholeGroup) return ok(deleted, `Deleted all ${entries(deleted.deleted)} of ${input.groupId}`);
    if (input.outboundCid) return ok(deleted, `Deleted ${input.outboundCid} from area code ${input.areacode}`);
    return ok(deleted, `Deleted ${entries(deleted.deleted)} of area code ${input.areacode}`);
  },
);
