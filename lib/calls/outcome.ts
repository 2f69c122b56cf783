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
  log_missing: "without call log",
  not_found: "not found",
  invalid: "invalid",
  failed: "failed",
};

/** "7 found, 2 not found, 1 invalid" (always in this order): the batch's audit message and closing words. */
export function summarizeBatch(rows: readonly BatchRow[]): string {
  const counts = new Map<LookupState, number>();
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  return (Object.keys(SUMMARY_WORDS) as LookupState[])
    .filter((state) => counts.has(state))
    .map((state) => `${counts.get(state)} ${SUMMARY_WORDS[state]}`)
    .join(", ");
}
