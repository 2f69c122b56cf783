import "server-only";
import type { z } from "zod";
import type { VicidialClient } from "./client";
import { DID_FIELD_TABLE, DID_FIELDS, type DidField, type FieldSpec } from "@/lib/dids/fields";
import { commaList, defineParams, oneOf, optional, text, yesNo, type InputOf } from "./encode";
import type { Subject } from "./errors";
import { defineOperation, performWith, successLine, type CallContext, type DataOf } from "./operation";
import { resultLines, type ResultLine } from "./parse";
import { byExistence, CHECKED, couldNotCheck, exists, noChangeProbe, sentValue } from "./reconcile";

/** `+` is a real character of did_pattern; the encoder sends it as %2B (contract 3). */
const didKey = { didPattern: text("did_pattern") };

/** A setting's parameter from its rule (lib/dids/fields.ts): VICIdial's exact values for the choices. */
type SettingParam<S extends FieldSpec> = S["rule"] extends { kind: "yesNo" }
  ? ReturnType<typeof yesNo>
  : S["rule"] extends { kind: "choice"; values: infer V extends readonly [string, ...string[]] }
    ? ReturnType<typeof oneOf<V>>
    : ReturnType<typeof text>;

type Optional<P extends { schema: z.ZodType }> = Omit<P, "schema"> & { schema: z.ZodOptional<P["schema"]> };

function settingParam({ api, rule }: FieldSpec) {
  if (rule.kind === "yesNo") return optional(yesNo(api));
  if (rule.kind === "choice") return optional(oneOf(api, rule.values));
  return optional(text(api));
}

/** The 18 optional settings add_did and update_did validate alike, in VICIdial's order (2.6, 2.8), keyed by form field. */
const didSettings = Object.fromEntries(DID_FIELDS.map((field) => [field, settingParam(DID_FIELD_TABLE[field])])) as unknown as {
  [K in DidField]: Optional<SettingParam<(typeof DID_FIELD_TABLE)[K]>>;
};

const addDidParams = defineParams({ ...didKey, ...didSettings });
/** Without any setting VICIdial answers NO_UPDATES. */
const updateDidParams = defineParams({ ...didKey, ...didSettings });
const deleteDidParams = defineParams(didKey);

/**
 * copy_did checks the description lazily, after it may already have added some DIDs, and then
 * stops without a final line (2.7); so a bad description is refused before sending.
 */
const copyDescription = text("did_description");
const copyDidParams = defineParams({
  sourceDidPattern: text("source_did_pattern"),
  newDids: commaList("new_dids", "did_pattern"),
  description: optional({
    ...copyDescription,
    schema: copyDescription.schema.refine((value) => value.length >= 6, "The DID description must be 6 to 50 characters"),
  }),
});

export type AddDidInput = InputOf<typeof addDidParams.spec>;
export type UpdateDidInput = InputOf<typeof updateDidParams.spec>;
export type DeleteDidInput = InputOf<typeof deleteDidParams.spec>;
export type CopyDidInput = InputOf<typeof copyDidParams.spec>;

const addSubject: Subject = { thing: "DID", things: "DIDs", right: "add DIDs", changesData: true };
const updateSubject: Subject = { thing: "DID", things: "DIDs", right: "change DIDs", changesData: true };

/** update_did with nothing to change: NO UPDATES when the DID exists, DOES NOT EXIST otherwise (2.8). */
export const didProbe = noChangeProbe("update_did", "DID");

const didOf = ([didPattern]: readonly string[]) => (didPattern === undefined ? undefined : { didPattern });

function integer(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

export const addDidOperation = defineOperation({
  apiFunction: "add_did",
  subject: addSubject,
  read: false,
  verdict: "first",
  success: successLine("DID HAS BEEN ADDED", didOf),
  reconcile: byExistence("add", didProbe, "did_pattern", "DID"),
});

export const updateDidOperation = defineOperation({
  apiFunction: "update_did",
  subject: updateSubject,
  read: false,
  verdict: "first",
  success: successLine("DID HAS BEEN UPDATED", didOf),
  reconcile: byExistence("update", didProbe, "did_pattern", "DID"),
});

/** Exactly `Y`: `y` falls through to the update path (contract 3). */
export const deleteDidOperation = defineOperation({
  apiFunction: "update_did",
  subject: updateSubject,
  read: false,
  fixed: [["delete_did", "Y"]],
  verdict: "first",
  success: successLine("DID HAS BEEN DELETED", ([didPattern, didId]) =>
    didPattern === undefined ? undefined : { didPattern, didId: integer(didId) },
  ),
  reconcile: byExistence("delete", didProbe, "did_pattern", "DID"),
});

export type CopiedDid = { pattern: string; outcome: "added" | "exists"; didId?: number };

/** One per-DID NOTICE line of copy_did, or undefined for any other line (2.7). */
function copiedDid(line: ResultLine): CopiedDid | undefined {
  const [pattern, , didId, inserted] = line.data;
  if (line.status !== "NOTICE" || line.apiFunction !== "copy_did" || pattern === undefined) return undefined;
  if (line.reason.startsWith("DID ALREADY EXISTS")) return { pattern, outcome: "exists" };
  if (!line.reason.startsWith("DID HAS BEEN ADDED")) return undefined;
  // INSERT IGNORE reports 0 rows when another request created the DID first.
  if (inserted === "0") return { pattern, outcome: "exists" };
  const id = integer(didId);
  return id === undefined ? { pattern, outcome: "added" } : { pattern, outcome: "added", didId: id };
}

/**
 * The per-DID lines of a copy_did answer. Also works on the `raw` of a failed copy (NO_DIDS_ADDED
 * lists every DID as already existing), which is how a retried copy is reconciled (contract 3).
 */
export function parseCopyDidLines(text: string): CopiedDid[] {
  return resultLines(text).flatMap((line) => copiedDid(line) ?? []);
}

export const copyDidOperation = defineOperation({
  apiFunction: "copy_did",
  subject: { ...addSubject, right: "add (copy) DIDs" },
  read: false,
  verdict: "last",
  success(_body, lines) {
    const final = lines.at(-1);
    if (!final || final.status !== "SUCCESS" || !final.reason.startsWith("DIDS HAVE BEEN ADDED")) return undefined;
    const [sourceDidPattern, added, alreadyExisted] = final.data;
    const addedCount = integer(added);
    const existedCount = integer(alreadyExisted);
    if (sourceDidPattern === undefined || addedCount === undefined || existedCount === undefined) return undefined;
    const dids = lines.flatMap((line) => copiedDid(line) ?? []);
    const rawLines = lines.filter((line) => line === final || copiedDid(line)).map((line) => line.text);
    return { data: { sourceDidPattern, dids, added: addedCount, alreadyExisted: existedCount }, rawLines };
  },
  /** Which of the new DIDs exist now; their copied settings cannot be read back. */
  async reconcile(sent, read) {
    const patterns = (sentValue(sent, "new_dids") ?? "").split(",");
    const found: string[] = [];
    for (const pattern of patterns) {
      const answer = await exists(read, didProbe, [["did_pattern", pattern]]);
      if (typeof answer !== "boolean") return couldNotCheck();
      if (answer) found.push(pattern);
    }
    if (found.length === 0) {
      return { state: "not_done", message: `${CHECKED} none of the new DIDs exists in VICIdial, so nothing was copied; it is safe to try again.` };
    }
    const which = found.length === patterns.length ? "every new DID exists" : `only ${found.join(", ")} of the new DIDs exist`;
    return {
      state: "exists",
      message: `${CHECKED} ${which} in VICIdial; whether they hold the copied settings cannot be read back through the API.`,
    };
  },
});

export type AddedDid = DataOf<typeof addDidOperation>;
export type DeletedDid = DataOf<typeof deleteDidOperation>;
export type CopyDidOutcome = DataOf<typeof copyDidOperation>;

export function addDid(input: AddDidInput, context: CallContext, client?: VicidialClient) {
  return performWith(addDidOperation, addDidParams, input, context, client);
}

export function updateDid(input: UpdateDidInput, context: CallContext, client?: VicidialClient) {
  return performWith(updateDidOperation, updateDidParams, input, context, client);
}

export function deleteDid(input: DeleteDidInput, context: CallContext, client?: VicidialClient) {
  return performWith(deleteDidOperation, deleteDidParams, input, context, client);
}

/**
 * Copies the source DID's settings to each new DID. Not idempotent: a retry ends in
 * NO_DIDS_ADDED, whose `raw` still carries the per-DID lines (parseCopyDidLines).
 */
export function copyDid(input: CopyDidInput, context: CallContext, client?: VicidialClient) {
  return performWith(copyDidOperation, copyDidParams, input, context, client);
}
