"use server";

import { z } from "zod";
import { ok } from "@/lib/actions/result";
import { action } from "@/lib/actions/action";
import { createBulkJob, type BulkRowInput } from "@/lib/jobs/bulk";
import { BULK_ACTIONS, MAX_BULK_SELECTION, type BulkAction } from "@/lib/jobs/bulk-actions";
import type { BulkJobKind } from "@/lib/jobs/kinds";
import { deleteDidSchema } from "@/lib/dids/schemas";
import { phoneKeySchema } from "@/lib/phones/schemas";

/**
 * Rows selected in the DID or phone list, changed as a job with progress (the job page). The
 * permission is the one each change needs on its own: deleting DIDs is a right of its own.
 */
const selection = <T extends z.ZodType>(item: T, noun: string) =>
  z
    .array(item)
    .min(1, `Select at least one ${noun}`)
    .max(MAX_BULK_SELECTION, `Select at most ${MAX_BULK_SELECTION} ${noun}s at a time`);

const didSelection = selection(deleteDidSchema.shape.didPattern, "DID");
const didChangeSchema = z.object({ action: z.enum(["activate", "deactivate"]), didPatterns: didSelection });
const didDeleteSchema = z.object({ didPatterns: didSelection });
const phoneBulkSchema = z.object({ action: z.enum(BULK_ACTIONS), phones: selection(phoneKeySchema, "phone") });

async function start(kind: BulkJobKind, bulkAction: BulkAction, rows: BulkRowInput[], owner: { id: number; username: string; role: string }, audit: { target?: string; after?: unknown }) {
  const { jobId, title } = await createBulkJob(kind, bulkAction, rows, owner);
  audit.target = jobId;
  audit.after = { title, rows: rows.length };
  return ok({ jobId }, `Started: ${title}`);
}

export const bulkChangeDidsAction = action({ permission: "dids.write", schema: didChangeSchema, audit: "job.start" }, async (input, { user, audit }) =>
  start("did-bulk", input.action, input.didPatterns.map((didPattern) => ({ action: input.action, resource: "did", didPattern })), user, audit),
);

export const bulkDeleteDidsAction = action({ permission: "dids.delete", schema: didDeleteSchema, audit: "job.start" }, async (input, { user, audit }) =>
  start("did-bulk", "delete", input.didPatterns.map((didPattern) => ({ action: "delete", resource: "did", didPattern })), user, audit),
);

export const bulkPhonesAction = action({ permission: "phones.write", schema: phoneBulkSchema, audit: "job.start" }, async (input, { user, audit }) =>
  start("phone-bulk", input.action, input.phones.map((key) => ({ action: input.action, resource: "phone", ...key })), user, audit),
);
