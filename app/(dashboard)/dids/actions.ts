"use server";

import { commandContext } from "@/lib/actions/command";
import { fromVicidial } from "@/lib/actions/from-vicidial";
import { fail, ok } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import { action } from "@/lib/auth/action";
import { addDidCommand, deleteDidCommand, didAuditView, updateDidCommand } from "@/lib/dids/commands";
import { didFields, getDid, upsertDid } from "@/lib/inventory/dids";
import { addDidSchema, copyDidSchema, deleteDidSchema, DID_FIELD_FOR_PARAMETER, updateDidSchema, type DidFields } from "@/lib/schemas/did";
import { copyDid, parseCopyDidLines, type CopiedDid } from "@/lib/vicidial/dids";
import { countOf } from "@/lib/text/plural";

function patterns(list: readonly CopiedDid[], outcome: CopiedDid["outcome"]): string[] {
  return list.filter((did) => did.outcome === outcome).map((did) => did.pattern);
}

export const addDidAction = action({ permission: "dids.write", schema: addDidSchema, audit: "did.add" }, async (input, { user, source, audit }) => {
  const outcome = await addDidCommand(input, commandContext({ user, source }));
  Object.assign(audit, outcome.audit);
  return outcome.result;
});

/** Sends only the fields present in the input: the form sends only what changed. */
export const updateDidAction = action({ permission: "dids.write", schema: updateDidSchema, audit: "did.update" }, async (input, { user, source, audit }) => {
  const outcome = await updateDidCommand(input, commandContext({ user, source }));
  Object.assign(audit, outcome.audit);
  return outcome.result;
});

export const deleteDidAction = action({ permission: "dids.delete", schema: deleteDidSchema, audit: "did.delete" }, async (input, { user, source, audit }) => {
  const outcome = await deleteDidCommand(input, commandContext({ user, source }));
  Object.assign(audit, outcome.audit);
  return outcome.result;
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
  audit.before = didAuditView(sourceRow);
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
      after: didAuditView(saved),
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
