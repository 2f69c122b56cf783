import "server-only";
import { fromVicidial } from "@/lib/actions/from-vicidial";
import { ok } from "@/lib/actions/result";
import type { CommandContext, CommandOutcome } from "@/lib/actions/command";
import { forgetGoneRecord, type GoneRecord } from "@/lib/actions/gone-record";
import { getDid, removeDid, upsertDid, type DidRow } from "@/lib/inventory/dids";
import { ADD_DID_DEFAULTS, DID_FIELD_FOR_PARAMETER, type AddDid, type DidFields, type UpdateDid } from "@/lib/schemas/did";
import { addDid, deleteDid, updateDid } from "@/lib/vicidial/dids";
import type { VicidialFailure } from "@/lib/vicidial/errors";

/** The DID use cases: the actions and undo call these (DESIGN "one command per use case"). */

/** The client names the description after VICIdial's parameter (did_description). */
function clientFields({ description, ...rest }: DidFields) {
  return { ...rest, didDescription: description };
}

const NOT_AUDITED = new Set<string>(["updatedAt", "updatedBy", "target", "searchText"]);

/** What the audit log keeps of a DID: the inventory row without bookkeeping and derived columns. */
export function didAuditView(row: DidRow | undefined | null) {
  if (!row) return null;
  return Object.fromEntries(Object.entries(row).filter(([column]) => !NOT_AUDITED.has(column)));
}

function goneDid(didPattern: string, before: unknown): GoneRecord {
  return {
    action: "did.gone",
    name: `DID ${didPattern}`,
    target: didPattern,
    before,
    inDatabase: async (reader) => (await reader.didsByPattern([didPattern])).length > 0,
    remove: () => removeDid(didPattern),
  };
}

/** VICIdial's refusal as the action's error; a listed DID VICIdial no longer has leaves the list. */
async function refusedDid(failure: VicidialFailure, didPattern: string, before: unknown, ctx: CommandContext) {
  return (await forgetGoneRecord(failure, goneDid(didPattern, before), ctx)) ?? fromVicidial(failure, DID_FIELD_FOR_PARAMETER);
}

export async function addDidCommand(input: AddDid, { username, source, client }: CommandContext): Promise<CommandOutcome<{ didPattern: string }>> {
  const { didPattern, ...fields } = input;
  const result = await addDid({ didPattern, ...clientFields(fields) }, { source }, client);
  if (!result.ok) {
    const error = fromVicidial(result, DID_FIELD_FOR_PARAMETER);
    // The pattern is what collides, so say it beside the pattern too.
    if (result.code === "DID_EXISTS") error.error.fieldErrors = { didPattern: [result.message] };
    return { result: error, audit: { target: didPattern, raw: result.raw } };
  }
  // VICIdial fills what was not sent with its column defaults (2.6); the list shows what it holds.
  const saved = await upsertDid(didPattern, { ...ADD_DID_DEFAULTS, ...fields }, username);
  return { result: ok({ didPattern }, `DID ${didPattern} added`), audit: { target: didPattern, before: null, after: didAuditView(saved), raw: result.raw } };
}

/** Sends only the fields present in the input. */
export async function updateDidCommand(
  input: UpdateDid,
  ctx: CommandContext,
): Promise<CommandOutcome<{ didPattern: string; changed: string[] }>> {
  const { username, source, client } = ctx;
  const { didPattern, ...changes } = input;
  const before = didAuditView(await getDid(didPattern));
  const result = await updateDid({ didPattern, ...clientFields(changes) }, { source }, client);
  if (!result.ok) return { result: await refusedDid(result, didPattern, before, ctx), audit: { target: didPattern, before, raw: result.raw } };
  const saved = await upsertDid(didPattern, changes, username);
  return {
    result: ok({ didPattern, changed: Object.keys(changes) }, `DID ${didPattern} updated`),
    audit: { target: didPattern, before, after: didAuditView(saved), raw: result.raw },
  };
}

export async function deleteDidCommand({ didPattern }: { didPattern: string }, ctx: CommandContext): Promise<CommandOutcome<{ didPattern: string }>> {
  const { source, client } = ctx;
  const before = didAuditView(await getDid(didPattern));
  const result = await deleteDid({ didPattern }, { source }, client);
  if (!result.ok) return { result: await refusedDid(result, didPattern, before, ctx), audit: { target: didPattern, before, raw: result.raw } };
  await removeDid(didPattern);
  return { result: ok({ didPattern }, `DID ${didPattern} deleted`), audit: { target: didPattern, before, after: null, raw: result.raw } };
}
