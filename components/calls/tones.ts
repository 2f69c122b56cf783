import type { LookupState } from "@/lib/calls/outcome";

/** Badge colour of each lookup result, the same in the recent list and the batch table. */
export const STATE_TONES: Record<LookupState, "green" | "amber" | "red" | "neutral"> = {
  found: "green",
  not_found: "neutral",
  log_missing: "amber",
  invalid: "neutral",
  failed: "red",
};
