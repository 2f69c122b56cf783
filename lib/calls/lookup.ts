import "server-only";
import { fromVicidial } from "@/lib/actions/from-vicidial";
import { ok, type ActionResult } from "@/lib/actions/result";
import { outcomeOf } from "@/lib/audit/outcome";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { AuditDraft } from "@/lib/audit/record";
import { clientInfo } from "@/lib/auth/request-info";
import { callIdProblem, normalizeCallId } from "@/lib/calls/schemas";
import { callInfo, getVicidialClient } from "@/lib/vicidial";
import { mapBounded } from "./bounded";
import { stateOfError, type BatchRow, type CallInfo, type LookupState } from "./outcome";

/** Every lookup's audit action; the recent-lookups list reads these entries back. */
export const LOOKUP_AUDIT_ACTION = "call.lookup";
/** One entry per batch request (the individual lookups have their own). */
export const BATCH_AUDIT_ACTION = "call.lookup_batch";

/** Lookups of one batch request in flight at once; never more than the VICIdial client allows. */
export const BATCH_CONCURRENCY = 4;

/** What a lookup leaves in the audit entry: the call it showed, or why there was none. */
export interface LookupAuditAfter {
  state: LookupState;
  call?: CallInfo;
}

/** One callid_info lookup of an already validated call ID, as an action result. */
export async function lookupCall(callId: string, source: string): Promise<ActionResult<CallInfo>> {
  const result = await callInfo({ callId }, { source });
  if (!result.ok) return fromVicidial(result, { call_id: "callId" });
  return ok(result.data, `Found call ${callId}`);
}

/** The audit draft of one lookup: target = call ID, after = what the reviewer was shown. */
export function lookupAuditDraft(callId: string, result: ActionResult<CallInfo>): AuditDraft {
  const after: LookupAuditAfter = result.ok ? { state: "found", call: result.data } : { state: stateOfError(result.error) };
  return { target: callId, params: { callId }, after, raw: result.ok ? undefined : result.error.raw };
}

/**
 * The lookups of one batch request. Each ID is checked on its own (an invalid one is marked and
 * never sent), duplicates are looked up once, and at most BATCH_CONCURRENCY lookups run at a
 * time. Every lookup is audited as `call.lookup`, exactly like a single one.
 */
export async function lookupBatch(callIds: readonly string[], who: { actor: AuditActor; source: string }): Promise<BatchRow[]> {
  const unique = [...new Set(callIds.map(normalizeCallId))];
  const request = await clientInfo();
  const limit = Math.min(BATCH_CONCURRENCY, getVicidialClient().endpoint.maxInFlight);
  return mapBounded(unique, limit, async (callId): Promise<BatchRow> => {
    const problem = callIdProblem(callId);
    if (problem) return { callId, state: "invalid", message: problem };

    const started = performance.now();
    const result = await lookupCall(callId, who.source);
    const draft = lookupAuditDraft(callId, result);
    try {
      await recordAudit({
        actor: who.actor,
        action: LOOKUP_AUDIT_ACTION,
        ...draft,
        outcome: outcomeOf(result),
        message: result.ok ? result.message : result.error.message,
        ...request,
        durationMs: performance.now() - started,
      });
    } catch (error) {
      // The lookup itself is done; a lost audit entry must not hide its result.
      console.error(`audit entry for ${LOOKUP_AUDIT_ACTION} ${callId} not written`, error);
    }
    return result.ok
      ? { callId, state: "found", call: result.data }
      : { callId, state: stateOfError(result.error), message: result.error.message, raw: result.error.raw };
  });
}
