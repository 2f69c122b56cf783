import "server-only";
import { fromVicidial } from "@/lib/actions/from-vicidial";
import { fail, ok } from "@/lib/actions/result";
import type { NamedAuditDraft } from "@/lib/audit/record";
import type { CommandContext, CommandOutcome } from "@/lib/actions/command";
import { forgetGoneRecord, type GoneRecord } from "@/lib/actions/gone-record";
import { writeBatch } from "@/lib/db/write-batch";
import { didFields, getDid, removeDid, upsertDid, upsertDids, type DidRow } from "@/lib/dids/inventory";
import { ADD_DID_DEFAULTS, DID_FIELD_FOR_PARAMETER, type AddDid, type CopyDid, type DidFields, type UpdateDid } from "@/lib/dids/schemas";
import { countOf } from "@/lib/text/plural";
import { addDid, copyDid, deleteDid, parseCopyDidLines, updateDid, type CopiedDid } from "@/lib/vicidial/dids";
import { resultLines } from "@/lib/vicidial/parse";
import type { VicidialFailure } from "@/lib/vicidial/errors";

/** The DID use cases: the actions, the bulk jobs and undo call these (DESIGN "one command per use case"). */

const NOT_AUDITED = new Set<string>(["updatedAt", "updatedBy", "target", "searchText"]);

/** What the audit log keeps of a DID: the inventory row without bookkeeping and derived columns. */
export function didAuditView(row: DidRow | undefined | null) {
  if (!row) return null;
  return Object.fromEntries(Object.entries(row).filter(([column]) => !NOT_AUDITED.has(column)));
}

/** Adds finishing close together (a CSV job's rows) are written to the inventory in one statement. */
const saveDid = writeBatch(upsertDids);

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

const addAudit = (input: AddDid) => ({ action: "did.add", target: input.didPattern, params: { ...input }, before: null });

/** The form and the CSV job's rows add a DID through this one use case. */
export async function addDidCommand(input: AddDid, ctx: CommandContext): Promise<CommandOutcome<{ didPattern: string }>> {
  const { didPattern, ...fields } = input;
  const result = await addDid({ didPattern, ...fields }, { source: ctx.source }, ctx.client);
  ctx.answered?.();
  if (!result.ok) {
    const error = fromVicidial(result, DID_FIELD_FOR_PARAMETER);
    // The pattern is what collides, so say it beside the pattern too.
    if (result.code === "DID_EXISTS") error.error.fieldErrors = { didPattern: [result.message] };
    return { result: error, audit: { ...addAudit(input), raw: result.raw } };
  }
  const audit = await didAdded(input, ctx.username, result.raw);
  return { result: ok({ didPattern }, audit.message), audit };
}

/**
 * Lists a DID VICIdial has just added, with VICIdial's column defaults for what was not sent
 * (2.6): after add_did, or for a job's row whose earlier, unanswered add_did is found to have landed.
 */
export async function didAdded(input: AddDid, username: string, raw: string, message = `DID ${input.didPattern} added`) {
  const { didPattern, ...fields } = input;
  const saved = await saveDid({ pattern: didPattern, fields: { ...ADD_DID_DEFAULTS, ...fields }, updatedBy: username });
  return { ...addAudit(input), after: didAuditView(saved), raw, message };
}

/** Sends only the fields present in the input. */
export async function updateDidCommand(
  input: UpdateDid,
  ctx: CommandContext,
): Promise<CommandOutcome<{ didPattern: string; changed: string[] }>> {
  const { username, source, client } = ctx;
  const { didPattern, ...changes } = input;
  const before = didAuditView(await getDid(didPattern));
  const result = await updateDid({ didPattern, ...changes }, { source }, client);
  if (!result.ok) return { result: await refusedDid(result, didPattern, before, ctx), audit: { action: "did.update", target: didPattern, before, raw: result.raw } };
  const saved = await upsertDid(didPattern, changes, username);
  return {
    result: ok({ didPattern, changed: Object.keys(changes) }, `DID ${didPattern} updated`),
    audit: { action: "did.update", target: didPattern, before, after: didAuditView(saved), raw: result.raw },
  };
}

export async function deleteDidCommand({ didPattern }: { didPattern: string }, ctx: CommandContext): Promise<CommandOutcome<{ didPattern: string }>> {
  const { source, client } = ctx;
  const before = didAuditView(await getDid(didPattern));
  const result = await deleteDid({ didPattern }, { source }, client);
  if (!result.ok) return { result: await refusedDid(result, didPattern, before, ctx), audit: { action: "did.delete", target: didPattern, before, raw: result.raw } };
  await removeDid(didPattern);
  return { result: ok({ didPattern }, `DID ${didPattern} deleted`), audit: { action: "did.delete", target: didPattern, before, after: null, raw: result.raw } };
}

export interface CopyDidResult {
  sourceDidPattern: string;
  dids: CopiedDid[];
  added: number;
  alreadyExisted: number;
}

/** One new DID of a copy: what VICIdial said of it, its own answer line and, once listed, its audit entry. */
export interface CopyTarget extends CopiedDid {
  raw: string;
  /** Reported as existing, and made by the earlier copy that `mayHaveLanded` names. */
  landed?: true;
  audit?: NamedAuditDraft;
}

export interface CopyOptions {
  /**
   * New DIDs an earlier copy, whose answer was lost, may have made: "already exists" for one of
   * them means that copy added it (a job's rows read back as absent before this send).
   */
  mayHaveLanded?: ReadonlySet<string>;
}

/**
 * copy_did: the form and the copy job's chunks alike. Each new DID's outcome is read from its own
 * NOTICE line, also when the final line is a failure (NO DIDS ADDED lists every DID as existing):
 * whatever VICIdial confirmed as added is listed with the source's settings and gets its own audit
 * entry, so that each DID's history starts with its creation.
 */
export async function copyDidCommand(
  input: CopyDid,
  ctx: CommandContext,
  { mayHaveLanded = new Set() }: CopyOptions = {},
): Promise<CommandOutcome<CopyDidResult> & { targets: CopyTarget[] }> {
  const { sourceDidPattern, newDids, description } = input;
  const sourceRow = await getDid(sourceDidPattern);
  const result = await copyDid({ sourceDidPattern, newDids: [...newDids], description }, { source: ctx.source }, ctx.client);
  ctx.answered?.();
  const reported = result.ok ? result.data.dids : parseCopyDidLines(result.raw);
  const settings = copySettings(sourceRow, description);
  const lines = resultLines(result.raw);
  const targets: CopyTarget[] = [];
  for (const did of reported) {
    if (targets.some((target) => target.pattern === did.pattern)) continue;
    const raw = lines.find((line) => line.apiFunction === "copy_did" && line.status === "NOTICE" && line.data[0] === did.pattern)?.text ?? result.raw;
    const landed = did.outcome === "exists" && mayHaveLanded.has(did.pattern);
    if (did.outcome === "added" || landed) {
      const audit = await didCopied(input, did.pattern, ctx.username, { settings, didId: did.didId, raw });
      targets.push({ ...did, outcome: "added", raw, audit, ...(landed ? { landed } : {}) });
    } else targets.push({ ...did, raw });
  }
  const audit = {
    action: "did.copy",
    target: sourceDidPattern,
    before: didAuditView(sourceRow),
    after: { added: patterns(reported, "added"), alreadyExisted: patterns(reported, "exists") },
    raw: result.raw,
  };
  if (!result.ok) {
    if (result.code === "NO_DIDS_ADDED") {
      const existing = patterns(reported, "exists");
      const message = `No DID was added: ${existing.length === 1 ? `${existing[0]} already exists` : `all ${existing.length} already exist`} in VICIdial`;
      return { result: fail("conflict", message, { code: result.code, raw: result.raw }), audit, targets };
    }
    return { result: fromVicidial(result, DID_FIELD_FOR_PARAMETER), audit, targets };
  }
  const data: CopyDidResult = { sourceDidPattern, dids: result.data.dids, added: result.data.added, alreadyExisted: result.data.alreadyExisted };
  const copied = `Copied ${sourceDidPattern} to ${countOf(data.added, "new DID")}`;
  return { result: ok(data, data.alreadyExisted === 0 ? copied : `${copied}; ${data.alreadyExisted} already existed`), audit, targets };
}

/**
 * Lists a new DID a copy made, holding the source's known settings (2.7) and the copy's own
 * description; also for a copy job's row read back as present after its answer was lost.
 */
export async function didCopied(
  { sourceDidPattern, description }: Pick<CopyDid, "sourceDidPattern" | "description">,
  pattern: string,
  username: string,
  known: { settings?: DidFields; didId?: number; raw?: string } = {},
) {
  const settings = known.settings ?? copySettings(await getDid(sourceDidPattern), description);
  const saved = await upsertDid(pattern, { ...settings, ...(known.didId !== undefined ? { didId: known.didId } : {}) }, username);
  return { action: "did.copy", target: pattern, params: { sourceDidPattern, description }, before: null, after: didAuditView(saved), raw: known.raw, message: `Copied from ${sourceDidPattern}` };
}

function copySettings(sourceRow: DidRow | undefined, description: string | undefined): DidFields {
  return { ...(sourceRow ? didFields(sourceRow) : {}), ...(description ? { description } : {}) };
}

function patterns(list: readonly CopiedDid[], outcome: CopiedDid["outcome"]): string[] {
  return list.filter((did) => did.outcome === outcome).map((did) => did.pattern);
}
