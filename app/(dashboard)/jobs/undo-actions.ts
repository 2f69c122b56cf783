"use server";

import { z } from "zod";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { action, type ActionContext } from "@/lib/actions/action";
import type { Permission } from "@/lib/auth/permissions";
import { isFileJobKind, isFinished } from "@/lib/jobs/kinds";
import { findJobFor } from "@/lib/jobs/queries";
import type { JobRecord } from "@/lib/jobs/store";
import { currentRecords } from "@/lib/undo/current";
import { JOB_UNDO_PERMISSION, previewJobUndo, startJobUndo, undoJobOf, type JobUndoPreview } from "@/lib/undo/job";

/**
 * Undo of a whole bulk job: the dry run (which rows would be undone, which were changed since)
 * and the start of the undo job. Each needs the undo right of what the job changed.
 */
const jobIdSchema = z.object({ jobId: z.uuid({ error: "Not a job" }) });

const NOT_FOUND = "This job does not exist, or it is not yours.";

async function undoableJob(jobId: string, permission: Permission, { user, audit }: ActionContext): Promise<JobRecord | ActionResult<never>> {
  audit.target = jobId;
  const job = await findJobFor(user, jobId);
  if (!job) return fail("forbidden", NOT_FOUND);
  if (!isFileJobKind(job.kind)) return fail("conflict", "Only a job started from a file can be undone as a whole; undo this job's changes one by one in the audit log.");
  if (JOB_UNDO_PERMISSION[job.kind] !== permission) return fail("forbidden", "Your role may not undo this kind of job.");
  if (!isFinished(job.status)) return fail("conflict", "A job can be undone once it has finished or been cancelled.");
  const undo = await undoJobOf(job.id);
  if (undo) return fail("conflict", `This job was already undone by the job “${undo.title}”.`);
  return job;
}

const isResult = (value: JobRecord | ActionResult<never>): value is ActionResult<never> => "ok" in value;

function jobUndoActions(permission: Permission) {
  const preview = action({ permission, schema: jobIdSchema }, async ({ jobId }, ctx): Promise<ActionResult<JobUndoPreview>> => {
    const job = await undoableJob(jobId, permission, ctx);
    if (isResult(job)) return job;
    const result = await previewJobUndo(job, currentRecords({ username: ctx.user.username, source: ctx.source }));
    if (result.rows.length === 0) return fail("conflict", "This job changed nothing that could be undone.");
    return ok(result, `${result.toUndo} of ${result.rows.length} changes can be undone`);
  });
  const start = action({ permission, schema: jobIdSchema, audit: "job.undo" }, async ({ jobId }, ctx): Promise<ActionResult<{ jobId: string }>> => {
    const job = await undoableJob(jobId, permission, ctx);
    if (isResult(job)) return job;
    const started = await startJobUndo(job, ctx.user, ctx.source);
    if (started.preview.toUndo === 0 && started.preview.rows.length === 0) return fail("conflict", "This job changed nothing that could be undone.");
    ctx.audit.params = { undoJobId: job.id };
    ctx.audit.after = { jobId: started.jobId, toUndo: started.preview.toUndo, skipped: started.preview.skipped };
    return ok({ jobId: started.jobId }, `Started: Undo: ${job.title}`);
  });
  return { preview, start };
}

const dids = jobUndoActions("undo.dids");
const phones = jobUndoActions("undo.phones");
const cid = jobUndoActions("undo.cid");

export const previewDidJobUndoAction = dids.preview;
export const startDidJobUndoAction = dids.start;
export const previewPhoneJobUndoAction = phones.preview;
export const startPhoneJobUndoAction = phones.start;
export const previewCidJobUndoAction = cid.preview;
export const startCidJobUndoAction = cid.start;
