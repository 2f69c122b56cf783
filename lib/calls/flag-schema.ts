import { z } from "zod";
import { FLAG_REASONS, FLAG_STATES } from "@/lib/db/schema/call-flags";

/** The reasons in words, for the form, the list and the export. */
export const FLAG_REASON_LABELS: Record<(typeof FLAG_REASONS)[number], string> = {
  customer_dispute: "Customer dispute",
  agent_conduct: "Agent conduct",
  compliance: "Compliance (script, consent, do-not-call)",
  wrong_status: "Wrong status",
  recording_problem: "Recording missing or unclear",
  other: "Other",
};

export const FLAG_NOTES_MAX = 2000;

export const flagCallSchema = z.object({
  direction: z.enum(["inbound", "outbound"]),
  key: z.string().trim().min(1).max(50),
  reason: z.enum(FLAG_REASONS, { message: "Choose why the call is flagged" }),
  notes: z.string().trim().max(FLAG_NOTES_MAX, `Notes have at most ${FLAG_NOTES_MAX} characters`),
});
export type FlagCallInput = z.input<typeof flagCallSchema>;

export const resolveFlagSchema = z.object({ flagId: z.coerce.number().int().positive() });

/** The flag list's filters, from the URL. */
export const flagFiltersSchema = z.object({
  reason: z.enum(FLAG_REASONS).optional().catch(undefined),
  state: z.enum(FLAG_STATES).optional().catch(undefined),
  agent: z.string().trim().max(20).optional().catch(undefined),
  flaggedBy: z.string().trim().max(100).optional().catch(undefined),
  /** A phone number or a call ID, as pasted. */
  q: z.string().trim().max(60).optional().catch(undefined),
});
export type FlagFilters = z.infer<typeof flagFiltersSchema>;
