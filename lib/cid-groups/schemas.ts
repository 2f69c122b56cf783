import { z } from "zod";
import { phoneNumberValue } from "@/lib/input/phone-number";
import { ALL_VALUES, charactersVicidialDrops, describeCharacters, type ApiParameter } from "@/lib/vicidial/parameters";

/**
 * CID groups (update_cid_group_entry, contract 2.9), one schema per operation. A campaign id
 * works wherever a CID group id does: its entries are the campaign's own areacode CID list.
 *
 * VICIdial deletes characters outside its whitelists and truncates to the column size without
 * saying so (1.3, 3), so each such case is an error on its field here, before anything is sent.
 */

/** VICIdial's "any" value for the areacode and outbound_cid filters. */
export const ALL = ALL_VALUES;

export { AREACODE_MAX, CID_MAX, CID_MIN, DESCRIPTION_MAX, GROUP_ID_MAX } from "@/lib/cid-groups/fields";
import { AREACODE_MAX, CID_MAX, CID_MIN, DESCRIPTION_MAX, GROUP_ID_MAX } from "@/lib/cid-groups/fields";

/**
 * A field that VICIdial whitelists: trimmed, a pasted phone number cleaned to digits
 * (lib/input), then refused if VICIdial would drop a character.
 */
function whitelisted(api: ApiParameter, rule: string) {
  return z
    .string({ error: "Required" })
    .trim()
    .transform((value) => phoneNumberValue(api, value))
    .superRefine((value, ctx) => {
      if (value === ALL) return;
      const dropped = charactersVicidialDrops(api, value);
      if (dropped.length > 0) ctx.addIssue({ code: "custom", message: `${rule}; VICIdial would silently remove ${describeCharacters(dropped)}` });
    });
}

export const groupIdSchema = whitelisted("cid_group_id", "Use only letters, digits, - and _")
  .refine((v) => v.length > 0, "Enter a CID group or campaign ID")
  .refine((v) => v !== ALL, "Enter one CID group or campaign ID, not ---ALL---")
  .refine((v) => v.length <= GROUP_ID_MAX, `A CID group ID is at most ${GROUP_ID_MAX} characters`);

/** An area code or a state: whatever the group's type keys on (VICIdial keeps 5 characters). */
function areacodeSchema(options: { allowAll: boolean }) {
  return whitelisted("areacode", "Use only letters and digits")
    .refine((v) => v.length > 0, "Enter an area code or state")
    .refine((v) => options.allowAll || v !== ALL, "Choose one area code or state, not ---ALL---")
    .refine((v) => v === ALL || v.length <= AREACODE_MAX, `VICIdial keeps only ${AREACODE_MAX} characters of an area code or state`);
}

/** A caller ID number to add: VICIdial refuses fewer than 4 digits and its column holds 20. */
const newCidSchema = whitelisted("outbound_cid", "The outbound CID may contain only digits")
  .refine((v) => v !== ALL, "Enter one caller ID number, not ---ALL---")
  .refine((v) => v.length >= CID_MIN, `The outbound CID must be at least ${CID_MIN} digits`)
  .refine((v) => v.length <= CID_MAX, `The outbound CID is at most ${CID_MAX} digits`);

/** The caller ID of an existing entry (looser: entries made in VICIdial's own screens may be shorter). */
const existingCidSchema = whitelisted("outbound_cid", "The outbound CID may contain only digits")
  .refine((v) => v.length > 0, "Enter the outbound CID of the entry")
  .refine((v) => v.length <= CID_MAX, `The outbound CID is at most ${CID_MAX} digits`);

const descriptionSchema = whitelisted("cid_description", "Use only letters, digits, spaces and . , - _").refine(
  (v) => v.length <= DESCRIPTION_MAX,
  `The description is at most ${DESCRIPTION_MAX} characters (VICIdial would cut the rest)`,
);

/** Put a group id on the dashboard's list (checked with INFO first; VICIdial's API cannot create one). */
export const addCidGroupSchema = z.object({ groupId: groupIdSchema });
export type AddCidGroupInput = z.input<typeof addCidGroupSchema>;

/** Take a group off the dashboard's list; nothing changes in VICIdial. */
export const removeCidGroupSchema = z.object({ groupId: groupIdSchema });
export type RemoveCidGroupInput = z.input<typeof removeCidGroupSchema>;

/** Stage ADD: one entry. An empty description is simply not sent. */
export const addCidEntrySchema = z.object({
  groupId: groupIdSchema,
  areacode: areacodeSchema({ allowAll: false }),
  outboundCid: newCidSchema,
  description: descriptionSchema,
  active: z.boolean(),
});
export type AddCidEntryInput = z.input<typeof addCidEntrySchema>;
export type AddCidEntry = z.output<typeof addCidEntrySchema>;

/**
 * Stage UPDATE: one entry (`outboundCid` a number) or every entry of an area code
 * (`outboundCid` = ---ALL---). Only an area code, never the whole group: a group-wide update
 * with a description would overwrite every description at once.
 */
export const updateCidEntriesSchema = z
  .object({
    groupId: groupIdSchema,
    areacode: areacodeSchema({ allowAll: false }),
    outboundCid: existingCidSchema,
    active: z.boolean().optional(),
    /** VICIdial's API can replace a description but never clear it (2.9). */
    description: descriptionSchema
      .refine((v) => v.length > 0, "Enter a new description; VICIdial's API cannot clear a description")
      .optional(),
  })
  .refine((v) => v.active !== undefined || v.description !== undefined, {
    message: "Nothing to change: set active or a new description",
    path: ["description"],
  });
export type UpdateCidEntriesInput = z.input<typeof updateCidEntriesSchema>;
export type UpdateCidEntries = z.output<typeof updateCidEntriesSchema>;

/**
 * Stage DELETE: every entry matching the area code (or ---ALL---) and the CID (absent: any).
 * Area code ---ALL--- with no CID wipes the whole group (contract 3), so that request is only
 * valid when `confirmGroupId` repeats the group id, as the user typed it.
 */
export const deleteCidEntriesSchema = z
  .object({
    groupId: groupIdSchema,
    areacode: areacodeSchema({ allowAll: true }),
    outboundCid: existingCidSchema.optional(),
    confirmGroupId: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outboundCid === ALL) {
      ctx.addIssue({ code: "custom", path: ["outboundCid"], message: "Leave the CID empty to delete every CID of the area code" });
    }
    if (isWholeGroupDelete(v) && v.confirmGroupId !== v.groupId) {
      ctx.addIssue({
        code: "custom",
        path: ["confirmGroupId"],
        message: `Type the group ID ${v.groupId} to delete every entry of the group`,
      });
    }
  });
export type DeleteCidEntriesInput = z.input<typeof deleteCidEntriesSchema>;
export type DeleteCidEntries = z.output<typeof deleteCidEntriesSchema>;

export function isWholeGroupDelete(v: { areacode: string; outboundCid?: string }): boolean {
  return v.areacode === ALL && !v.outboundCid;
}
