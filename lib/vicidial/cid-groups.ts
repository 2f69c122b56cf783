import "server-only";
import { z } from "zod";
import type { VicidialClient } from "./client";
import { defineParams, optional, text, yesNo, type InputOf } from "./encode";
import type { WireParameters } from "./encode";
import { failure, type Reconciliation, type Subject, type VicidialFailure } from "./errors";
import { defineOperation, performWith, successLine, type CallContext, type DataOf, type Read } from "./operation";
import { ALL_VALUES } from "./parameters";
import { splitLines } from "./parse";
import { CHECKED, couldNotCheck, sentValue } from "./reconcile";

/** `areacode` (and `outboundCid` in filters) meaning "any" (2.9). */
export const ANY_AREACODE = ALL_VALUES;

const group = { cidGroupId: text("cid_group_id") };
/** An area code, or ANY_AREACODE in filters. */
const areacode = text("areacode");
/** Digits; empty or ANY_AREACODE in a filter means any caller ID. */
const outboundCid = text("outbound_cid");
const description = text("cid_description");

const infoParams = defineParams({ ...group, areacode: optional(areacode), outboundCid: optional(outboundCid) });
const addParams = defineParams({
  ...group,
  areacode,
  outboundCid,
  /** `false` is stored as blank and shown as N (2.9). */
  active: yesNo("active"),
  description: optional(description),
});
/** VICIdial cannot clear a description; give active and/or description (2.9). */
const updateParams = defineParams({
  ...group,
  areacode,
  outboundCid: optional(outboundCid),
  active: optional(yesNo("active")),
  description: optional(description),
});
const deleteParams = defineParams({ ...group, areacode, outboundCid: optional(outboundCid) });

export type CidGroupInfoInput = InputOf<typeof infoParams.spec>;
export type AddCidEntryInput = InputOf<typeof addParams.spec>;
export type UpdateCidEntriesInput = InputOf<typeof updateParams.spec>;
export type DeleteCidEntriesInput = InputOf<typeof deleteParams.spec> & {
  /** Required to delete with areacode ANY_AREACODE and no outboundCid: that empties the whole group. */
  confirmWholeGroup?: boolean;
};

const readSubject: Subject = { thing: "CID group", things: "CID groups", right: "view or change CID groups", changesData: false };
const writeSubject: Subject = { ...readSubject, changesData: true };

/** `{n}|{areacode}|{outbound_cid}|{active}|{cid_description}|{call_count_today}` after the header (2.9). */
const ROW = /^(\d+)\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|(-?\d+)$/;

const cidRow = z
  .tuple([z.string(), z.string(), z.string(), z.string(), z.string(), z.string()])
  .transform(([, areacodeValue, cid, active, descriptionValue, calls]) => ({
    areacode: areacodeValue,
    outboundCid: cid,
    /** VICIdial stores inactive as blank and prints N (2.9). */
    active: active === "Y",
    description: descriptionValue,
    callCountToday: Number(calls),
  }));

export type CidGroupRow = z.output<typeof cidRow>;

const HEADER = "CID GROUP INFO AS FOLLOWS ";

export const cidGroupInfoOperation = defineOperation({
  apiFunction: "update_cid_group_entry",
  subject: readSubject,
  read: true,
  fixed: [["stage", "INFO"]],
  verdict: "first",
  success(body, lines) {
    const header = lines[0];
    if (!header || header.status !== "SUCCESS" || !header.reason.startsWith(HEADER)) return undefined;
    const expected = Number(header.data[2]);
    const rowLines = splitLines(body).filter((line) => ROW.test(line));
    // A row count that disagrees with the header means a cut-off answer, not a shorter list.
    if (!Number.isInteger(expected) || rowLines.length !== expected) return undefined;
    const rows = rowLines.map((line) => cidRow.parse(ROW.exec(line)!.slice(1)));
    return { data: { cidGroupId: header.reason.slice(HEADER.length), rows }, rawLines: [header.text, ...rowLines] };
  },
});

/** The entries a change aimed at, read back with INFO and the same filter; [] for NO ENTRIES. */
async function entriesNow(sent: WireParameters, read: Read): Promise<CidGroupRow[] | VicidialFailure> {
  const filter: [string, string][] = [
    ["cid_group_id", sentValue(sent, "cid_group_id") ?? ""],
    ["areacode", sentValue(sent, "areacode") ?? ""],
  ];
  const cid = sentValue(sent, "outbound_cid");
  if (cid !== undefined) filter.push(["outbound_cid", cid]);
  const result = await read(cidGroupInfoOperation, filter);
  if (result.ok) return result.data.rows;
  return result.code === "NO_ENTRIES" ? [] : result;
}

/** Whether a row holds what was sent; an ADD without a description stores a blank one (2.9). */
function holdsSent(sent: WireParameters, blankDescription: boolean) {
  const active = sentValue(sent, "active");
  const description = sentValue(sent, "cid_description") ?? (blankDescription ? "" : undefined);
  return (row: CidGroupRow) =>
    (active === undefined || row.active === (active === "Y")) && (description === undefined || row.description === description);
}

/** CID group entries can be read in full, so the outcome of a change is known after INFO. */
function reconcileEntries(kind: "add" | "update" | "delete") {
  return async (sent: WireParameters, read: Read): Promise<Reconciliation> => {
    const rows = await entriesNow(sent, read);
    if (!Array.isArray(rows)) return couldNotCheck();
    const holding = rows.filter(holdsSent(sent, kind === "add"));
    if (kind === "delete") {
      return rows.length === 0
        ? { state: "done", message: `${CHECKED} no matching entry is left, so the entries were deleted.` }
        : { state: "not_done", message: `${CHECKED} the entries are still there, so nothing was deleted; it is safe to try again.` };
    }
    if (rows.length === 0) {
      return kind === "add"
        ? { state: "not_done", message: `${CHECKED} the entry is not in the group, so nothing was added; it is safe to try again.` }
        : { state: "not_done", message: `${CHECKED} no entry matches any more, so nothing was changed.` };
    }
    if (kind === "add" ? holding.length > 0 : holding.length === rows.length) {
      return { state: "done", message: `${CHECKED} the group holds the ${kind === "add" ? "new entry" : "new values"}, so the change was made.` };
    }
    if (holding.length === 0) {
      return kind === "add"
        ? { state: "exists", message: `${CHECKED} an entry with this area code and caller ID exists, but with other values.` }
        : { state: "not_done", message: `${CHECKED} the entries still have their old values, so nothing was changed; it is safe to try again.` };
    }
    return { state: "exists", message: `${CHECKED} only some of the matching entries have the new values; send the change again (repeating it is safe).` };
  };
}

const entryChange = ([cidGroupId, areacodeValue, cid, count]: readonly string[]) =>
  cidGroupId === undefined || count === undefined || !/^\d+$/.test(count)
    ? undefined
    : { cidGroupId, areacode: areacodeValue ?? "", outboundCid: cid ?? "", count: Number(count) };

export const addCidEntryOperation = defineOperation({
  apiFunction: "update_cid_group_entry",
  subject: writeSubject,
  read: false,
  fixed: [["stage", "ADD"]],
  verdict: "first",
  success: successLine("CID GROUP ENTRY HAS BEEN ADDED", entryChange),
  reconcile: reconcileEntries("add"),
});

/** `count` is MySQL's changed-rows count, so a repeated update reports 0 (2.9). */
export const updateCidEntriesOperation = defineOperation({
  apiFunction: "update_cid_group_entry",
  subject: writeSubject,
  read: false,
  fixed: [["stage", "UPDATE"]],
  verdict: "first",
  success: successLine("CID GROUP ENTRIES HAVE BEEN UPDATED", entryChange),
  reconcile: reconcileEntries("update"),
});

export const deleteCidEntriesOperation = defineOperation({
  apiFunction: "update_cid_group_entry",
  subject: writeSubject,
  read: false,
  fixed: [["stage", "DELETE"]],
  verdict: "first",
  success: successLine("CID GROUP ENTRIES HAVE BEEN DELETED", entryChange),
  reconcile: reconcileEntries("delete"),
});

export type CidGroupInfo = DataOf<typeof cidGroupInfoOperation>;
export type CidEntryChange = DataOf<typeof addCidEntryOperation>;

/** The group's entries, filtered by areacode (default: any) and caller ID. NO_ENTRIES when none match. */
export function cidGroupInfo(input: CidGroupInfoInput, context: CallContext, client?: VicidialClient) {
  return performWith(cidGroupInfoOperation, infoParams, { ...input, areacode: input.areacode ?? ANY_AREACODE }, context, client);
}

export function addCidEntry(input: AddCidEntryInput, context: CallContext, client?: VicidialClient) {
  return performWith(addCidEntryOperation, addParams, input, context, client);
}

/** Updates every entry matching the filter. */
export function updateCidEntries(input: UpdateCidEntriesInput, context: CallContext, client?: VicidialClient) {
  return performWith(updateCidEntriesOperation, updateParams, input, context, client);
}

/** Deletes every entry matching the filter; emptying the whole group needs confirmWholeGroup (contract 3). */
export async function deleteCidEntries(input: DeleteCidEntriesInput, context: CallContext, client?: VicidialClient) {
  const { confirmWholeGroup, ...filter } = input;
  const anyCid = filter.outboundCid === undefined || filter.outboundCid === "" || filter.outboundCid === ANY_AREACODE;
  if (filter.areacode === ANY_AREACODE && anyCid && confirmWholeGroup !== true) {
    return failure(
      "INVALID_FIELD",
      "This would delete every entry of the CID group; confirm deleting the whole group first",
      "",
      "areacode",
    );
  }
  return performWith(deleteCidEntriesOperation, deleteParams, filter, context, client);
}
