import { z } from "zod";
import { FLAG_REASONS, FLAG_STATES } from "@/lib/db/schema/call-flag-values";
import { FLAG_NOTES_MAX } from "./flag-labels";

export { FLAG_NOTES_MAX, FLAG_REASON_LABELS } from "./flag-labels";

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
