"use server";

import { ok } from "@/lib/actions/result";
import { action } from "@/lib/actions/action";
import { BATCH_AUDIT_ACTION, LOOKUP_AUDIT_ACTION, lookupAuditDraft, lookupBatch, lookupCall } from "@/lib/calls/lookup";
import { summarizeBatch } from "@/lib/calls/outcome";
import { lookupCallBatchSchema, lookupCallSchema } from "@/lib/calls/schemas";
import { countOf } from "@/lib/text/plural";

/** One call by ID (the deep link /calls/[callId] renders through this). Audited as `call.lookup`. */
export const lookupCallAction = action(
  { permission: "calls.lookup", schema: lookupCallSchema, audit: LOOKUP_AUDIT_ACTION },
  async ({ callId }, { source, audit }) => {
    const result = await lookupCall(callId, source);
    Object.assign(audit, lookupAuditDraft(callId, result));
    return result;
  },
);

/**
 * One chunk of a batch lookup. The batch's own entry names the chunk; each lookup in it is
 * audited as `call.lookup` too, so "who looked up which call" holds for batches as well.
 */
export const lookupCallBatchAction = action(
  { permission: "calls.lookup", schema: lookupCallBatchSchema, audit: BATCH_AUDIT_ACTION },
  async ({ callIds }, { user, source, audit }) => {
    const rows = await lookupBatch(callIds, { actor: { id: user.id, username: user.username, role: user.role }, source });
    const summary = summarizeBatch(rows);
    audit.target = countOf(rows.length, "call ID");
    audit.after = { summary };
    return ok({ rows }, summary);
  },
);
