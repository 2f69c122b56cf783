import type { FlagReason } from "@/lib/db/schema/call-flag-values";

// Without zod: the flag form shows these in the browser (its schema is in flag-schema.ts).

/** The reasons in words, for the form, the list and the export. */
export const FLAG_REASON_LABELS: Record<FlagReason, string> = {
  customer_dispute: "Customer dispute",
  agent_conduct: "Agent conduct",
  compliance: "Compliance (script, consent, do-not-call)",
  wrong_status: "Wrong status",
  recording_problem: "Recording missing or unclear",
  other: "Other",
};

export const FLAG_NOTES_MAX = 2000;
