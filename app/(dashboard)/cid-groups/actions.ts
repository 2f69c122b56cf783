"use server";

import { runCommand } from "@/lib/actions/command";
import { fail, ok } from "@/lib/actions/result";
import { action } from "@/lib/actions/action";
import { getCidGroup, idleEntries, removeCidGroup, upsertCidGroup } from "@/lib/cid-groups/inventory";
import { addCidEntrySchema, addCidGroupSchema, deleteCidEntriesSchema, removeCidGroupSchema, updateCidEntriesSchema } from "@/lib/cid-groups/schemas";
import { addCidEntryCommand, deleteCidEntriesCommand, entries, refusedCid, updateCidEntriesCommand } from "@/lib/cid-groups/commands";
import { readCidEntries } from "@/lib/cid-groups/live-entries";


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
      if (live.code !== "NOT_FOUND") return refusedCid(live);
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
export const addCidEntryAction = action({ permission: "cid.write", schema: addCidEntrySchema, audit: "cid.add" }, runCommand(addCidEntryCommand));

/** Stage UPDATE of one entry, or of every entry of an area code (CID ---ALL---). */
export const updateCidEntriesAction = action(
  { permission: "cid.write", schema: updateCidEntriesSchema, audit: "cid.update" },
  runCommand(updateCidEntriesCommand),
);

/** Stage DELETE: one entry, every entry of an area code, or (typed group id) every entry of the group. */
export const deleteCidEntriesAction = action(
  { permission: "cid.write", schema: deleteCidEntriesSchema, audit: "cid.delete" },
  runCommand(deleteCidEntriesCommand),
);
