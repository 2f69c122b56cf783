import type { ActionError } from "@/lib/actions/result";
import type { CallInfo } from "@/lib/vicidial/calls";

export type { CallInfo } from "@/lib/vicidial/calls";

/**
 * What one lookup came to. "not_found" (VICIdial has no such call ID) and "log_missing" (it has
 * the ID but no call-log row) are different answers for a reviewer, so they are kept apart.
 */
export type LookupState = "found" | "not_found" | "log_missing" | "invalid" | "failed";

export const LOOKUP_STATE_LABELS: Record<LookupState, string> = {
  found: "Found",
  not_found: "Not found",
  log_missing: "Call log missing",
  invalid: "Invalid call ID",
  failed: "Lookup failed",
};

/** The state of a failed lookup, from the action error VICIdial's answer became. */
export function stateOfError(error: Pick<ActionError, "kind" | "code">): Exclude<LookupState, "found"> {
  if (error.kind === "validation" || error.code === "INVALID_FIELD") return "invalid";
  if (error.code === "NOT_FOUND") return "not_found";
  if (error.code === "CALL_LOG_NOT_FOUND") return "log_missing";
  return "failed";
}

/** One row of a batch: the call ID (as sent) and what its lookup came to. */
export type BatchRow =
  | { callId: string; state: "found"; call: CallInfo }
  | { callId: string; state: Exclude<LookupState, "found">; message: string; raw?: string };

const SUMMARY_WORDS: Record<LookupState, string> = {
  found: "found",
  not_found: "not found",
  log_missing: "without call log",
  invalid: "invalid",
  failed: "failed",
};

/** "7 found, 2 not found, 1 invalid": the batch's audit message and its closing toast. */
export function summarizeBatch(rows: readonly BatchRow[]): string {
  const counts = new Map<LookupState, number>();
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  return [...counts].map(([state, n]) => `${n} ${SUMMARY_WORDS[state]}`).join(", ");
}
