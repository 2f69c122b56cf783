// The values alone, without drizzle: the flag form lists the reasons in the browser.

/** Why a call was flagged: the dispute's kind, for the list's filter and the export. */
export const FLAG_REASONS = ["customer_dispute", "agent_conduct", "compliance", "wrong_status", "recording_problem", "other"] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export const FLAG_STATES = ["open", "resolved"] as const;
export type FlagState = (typeof FLAG_STATES)[number];
