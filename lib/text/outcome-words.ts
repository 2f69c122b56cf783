/**
 * The words for how something turned out, in one place: an audit entry's outcome and a bulk
 * job row's state use the same words for the same thing ("Done", "Failed"), on every page.
 */
export const OUTCOME_WORDS = {
  success: "Done",
  failed: "Failed",
  unknown: "Outcome unknown",
} as const;

export const ROW_STATE_WORDS = {
  pending: "Waiting",
  running: "Sending",
  done: OUTCOME_WORDS.success,
  exists: "Already existed",
  failed: OUTCOME_WORDS.failed,
  skipped: "Skipped",
} as const;

/** The colour of each outcome, for badges and chart bars alike. */
export const OUTCOME_TONES = { success: "green", failed: "red", unknown: "amber" } as const;
