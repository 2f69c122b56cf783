import type { ActionResult } from "@/lib/actions/result";
import type { AuditOutcome } from "@/lib/db/schema/audit-outcomes";
import { OUTCOME_WORDS } from "@/lib/text/outcome-words";

export { AUDIT_OUTCOMES, type AuditOutcome } from "@/lib/db/schema/audit-outcomes";

/**
 * VICIdial client codes after which nobody knows whether the change happened (the request may
 * have arrived): such entries are "unknown", to be reconciled, never "failed".
 */
const UNKNOWN_CODES = new Set(["TIMEOUT", "HTTP_ERROR", "EMPTY_RESPONSE"]);

export function outcomeOf(result: ActionResult<unknown>): AuditOutcome {
  if (result.ok) return "success";
  // Read back after the unknown outcome and found unchanged: it failed, nothing to reconcile.
  if (result.error.reconciled?.state === "not_done") return "failed";
  return result.error.code && UNKNOWN_CODES.has(result.error.code) ? "unknown" : "failed";
}

export const OUTCOME_LABELS: Record<AuditOutcome, string> = OUTCOME_WORDS;
