import { z } from "zod";
import { BATCH_CHUNK_SIZE, BATCH_MAX_IDS, callIdProblem, normalizeCallId, splitBatchText } from "./call-id";

export {
  BATCH_CHUNK_SIZE,
  BATCH_MAX_IDS,
  CALL_ID_MAX_LENGTH,
  CALL_ID_MIN_LENGTH,
  CALL_ID_PREFIX_LIST,
  CALL_ID_PREFIXES,
  callIdProblem,
  normalizeCallId,
  splitBatchText,
  type BatchItem,
} from "./call-id";

/** A pasted call ID: cleaned, then checked; the output is exactly what is sent to VICIdial. */
export const callIdSchema = z
  .string({ error: "Enter a call ID" })
  .transform(normalizeCallId)
  .superRefine((callId, ctx) => {
    const problem = callIdProblem(callId);
    if (problem) ctx.addIssue(problem);
  });

/** The search box on /calls and the deep link /calls/[callId]. */
export const lookupCallSchema = z.object({ callId: callIdSchema });
export type LookupCallInput = z.input<typeof lookupCallSchema>;

/**
 * One chunk of a batch, as the batch page sends it. Each ID is checked on its own by the action
 * (callIdProblem), so one bad ID is reported in its row instead of failing the chunk.
 */
export const lookupCallBatchSchema = z.object({
  callIds: z
    .array(z.string().max(200, "A call ID is never this long"))
    .min(1, "Send at least one call ID")
    .max(BATCH_CHUNK_SIZE, `Send at most ${BATCH_CHUNK_SIZE} call IDs at a time`),
});
export type LookupCallBatchInput = z.input<typeof lookupCallBatchSchema>;

/** The batch form: the pasted text, at least one and at most BATCH_MAX_IDS items. */
export const batchTextSchema = z.object({
  text: z.string().superRefine((text, ctx) => {
    const count = splitBatchText(text).length;
    if (count === 0) ctx.addIssue("Paste at least one call ID");
    if (count > BATCH_MAX_IDS) ctx.addIssue(`Paste at most ${BATCH_MAX_IDS} call IDs; this has ${count}`);
  }),
});
export type BatchTextInput = z.infer<typeof batchTextSchema>;
