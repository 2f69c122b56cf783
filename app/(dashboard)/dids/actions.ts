"use server";

import { fromVicidial } from "@/lib/actions/from-vicidial";
import { fail, ok } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import { action } from "@/lib/auth/action";
import { didFields, getDid, removeDid, upsertDid, type DidRow } from "@/lib/inventory/dids";
import {
  ADD_DID_DEFAULTS,
  addDidSchema,
  copyDidSchema,
  deleteDidSchema,
  DID_FIELD_FOR_PARAMETER,
  updateDidSchema,
  type DidFields,
} from "@/lib/schemas/did";
import { addDid, copyDid, deleteDid, parseCopyDidLines, updateDid, type CopiedDid } from "@/lib/vicidial/dids";
import { countOf } from "@/lib/text/plural";

/** The client names the description after VICIdial's parameter (did_description). */
function clientFields({ description, ...rest }: DidFields) {
  return { ...rest, didDescription: description };
}

const NOT_AUDITED = new Set<string>(["updatedAt", "updatedBy", "target", "searchText"]);

/** What the audit log keeps of a DID: the inventory row without bookkeeping and derived columns. */
function auditView(row: DidRow | undefined | null) {
  if (!row) return null;
  return Object.fromEntries(Object.entries(row).filter(([column]) => !NOT_AUDITED.has(column)));
}

function patterns(list: readonly CopiedDid[], outcome: CopiedDid["outcome"]): string[] {
  return list.filter((did) => did.outcome === outcome).map((did) => did.pattern);
}

export const addDidAction = action({ permission: "dids.write", schema: addDidSchema, audit: "did.add" }, async (input, { user, source, audit }) => {
  const { didPattern, ...fields } = input;
  audit.target = didPattern;
  const result = await addDid({ didPattern, ...clientFields(fields) }, { source });
  audit.raw = result.raw;
  if (!result.ok) {
    const error = fromVicidial(result, DID_FIELD_FOR_PARAMETER);
    // The pattern is what collides, so say it beside the pattern too.
    if (result.code === "DID_EXISTS") error.error.fieldErrors = { didPattern: [result.message] };
    return error;
  }
  // VICIdial fills what was not sent with its column defaults (2.6); the list shows what it holds.
  const saved = await upsertDid(didPattern, { ...ADD_DID_DEFAULTS, ...fields }, user.username);
  audit.after = auditView(saved);
  return ok({ didPattern }, `DID ${didPattern} added`);
});

/** Sends only the fields present in the input: the form sends only what changed. */
export const updateDidAction = action({ permission: "dids.write", schema: updateDidSchema, audit: "did.update" }, async (input, { user, source, audit }) => {
  const { didPattern, ...changes } = input;
  const before = await getDid(didPattern);
  audit.target = didPattern;
  audit.before = auditView(before);
  const result = await updateDid({ didPattern, ...clientFields(changes) }, { source });
  audit.raw = result.raw;
  if (!result.ok) return fromVicidial(result, DID_FIELD_FOR_PARAMETER);
  const saved = await upsertDid(didPattern, changes, user.username);
  audit.after = auditView(saved);
  return ok({ didPattern, changed: Object.keys(changes) }, `DID ${didPattern} updated`);
});

export const deleteDidAction = action({ permission: "dids.delete", schema: deleteDidSchema, audit: "did.delete" }, async ({ didPattern }, { source, audit }) => {
  audit.target = didPattern;
  audit.before = auditView(await getDid(didPattern));
  const result = await deleteDid({ didPattern }, { source });
  audit.raw = result.raw;
  if (!result.ok) return fromVicidial(result, DID_FIELD_FOR_PARAMETER);
  await removeDid(didPattern);
  audit.after = null;
  return ok({ didPattern }, `DID ${didPattern} deleted`);
});

export interface CopyDidResult {
  sourceDidPattern: string;
  dids: CopiedDid[];
  added: number;
  alreadyExisted: number;
}

/**
 * Copies to each new DID; the result lists each one as added or already existing. Whatever
 * VICIdial confirmed as added is recorded, even when its final line is a failure.
 */
export const copyDidAction = action({ permission: "dids.write", schema: copyDidSchema, audit: "did.copy" }, async (input, { user, source, audit }) => {
  const { sourceDidPattern, newDids, description } = input;
  const sourceRow = await getDid(sourceDidPattern);
  audit.target = sourceDidPattern;
  audit.before = auditView(sourceRow);
  const result = await copyDid({ sourceDidPattern, newDids: [...newDids], didDescription: description }, { source });
  audit.raw = result.raw;

  const reported = result.ok ? result.data.dids : parseCopyDidLines(result.raw);
  const settings: DidFields = { ...(sourceRow ? didFields(sourceRow) : {}), ...(description ? { description } : {}) };
  const added = reported.filter((did) => did.outcome === "added");
  for (const did of added) {
    const saved = await upsertDid(did.pattern, { ...settings, ...(did.didId !== undefined ? { didId: did.didId } : {}) }, user.username);
    // One entry per new DID as well, so that each DID's own history starts with its creation.
    await recordAudit({
      actor: { id: user.id, username: user.username, role: user.role },
      action: "did.copy",
      target: did.pattern,
      params: { sourceDidPattern, description },
      before: null,
      after: auditView(saved),
      outcome: "success",
      message: `Copied from ${sourceDidPattern}`,
    });
  }
  audit.after = { added: patterns(reported, "added"), alreadyExisted: patterns(reported, "exists") };

  if (!result.ok) {
    if (result.code === "NO_DIDS_ADDED") {
      const existing = patterns(reported, "exists");
      return fail("conflict", `No DID was added: ${existing.length === 1 ? `${existing[0]} already exists` : `all ${existing.length} already exist`} in VICIdial`, {
        code: result.code,
        raw: result.raw,
      });
    }
    return fromVicidial(result, DID_FIELD_FOR_PARAMETER);
  }
  const data: CopyDidResult = { sourceDidPattern, dids: result.data.dids, added: result.data.added, alreadyExisted: result.data.alreadyExisted };
  const message =
    data.alreadyExisted === 0
      ? `Copied ${sourceDidPattern} to ${countOf(data.added, "new DID")}`
      : `Copied ${sourceDidPattern} to ${countOf(data.added, "new DID")}; ${data.alreadyExisted} already existed`;
  return ok(data, message);
});
