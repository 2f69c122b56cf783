"use server";

import { z } from "zod";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { action, type ActionContext } from "@/lib/actions/action";
import { getDb } from "@/lib/db";
import { createJobFromFile } from "@/lib/jobs/create";
import { isFinished, JOB_KIND_INFO, type FileJobKind } from "@/lib/jobs/kinds";
import { JOB_SPECS } from "@/lib/jobs/prepare";
import { canViewJob } from "@/lib/jobs/queries";
import { jobStoppedHere, kickJobRunner } from "@/lib/jobs/runner/process-runner";
import { discardSheet, readSheet } from "@/lib/jobs/sheet";
import { countOf } from "@/lib/text/plural";
import { cancelJob, getJob, pauseJob, resumeJob, type JobRecord } from "@/lib/jobs/store";

/**
 * Starting a job needs the right of what it changes (DIDs, CID groups, phones); pausing,
 * resuming and cancelling belong to the job's owner or an admin; the password sheet to its owner.
 */

/** A CSV of 5,000 rows fits with room to spare. */
const MAX_FILE_CHARACTERS = 3_000_000;

function startSchema<K extends FileJobKind>(kind: K) {
  return z.object({
    text: z.string({ error: "Upload or paste the file" }).min(1, "Upload or paste the file").max(MAX_FILE_CHARACTERS, "The file is too large for one job"),
    hasHeader: z.boolean(),
    mapping: z.record(z.string(), z.number().int().min(0).nullable()),
    options: JOB_SPECS[kind].optionsSchema,
  });
}

function starter<K extends FileJobKind>(kind: K) {
  const schema = startSchema(kind);
  return action({ permission: JOB_KIND_INFO[kind].permission, schema, audit: "job.start" }, async (input, { user, audit }): Promise<ActionResult<{ jobId: string }>> => {
    audit.params = { kind, hasHeader: input.hasHeader, mapping: input.mapping, options: input.options, characters: input.text.length };
    const created = await createJobFromFile(kind, { text: input.text, hasHeader: input.hasHeader, mapping: input.mapping, options: input.options }, user);
    if (!created.ok) {
      const { fileError, fieldErrors } = created.dryRun;
      const message = fileError ?? (Object.keys(fieldErrors).length > 0 ? "Some settings need attention." : "No row of the file can be sent.");
      return fail("validation", message, { fieldErrors: Object.fromEntries(Object.entries(fieldErrors).map(([key, text]) => [key, [text]])) });
    }
    audit.target = created.jobId;
    audit.after = { title: created.title, rows: created.dryRun.total, toSend: created.dryRun.toSend, skipped: created.dryRun.total - created.dryRun.valid };
    return ok({ jobId: created.jobId }, `Started: ${created.title}`);
  });
}

export const startDidJobAction = starter("dids");
export const startDidCopyJobAction = starter("did-copy");
export const startCidJobAction = starter("cid");
export const startAgentJobAction = starter("agents");

const jobIdSchema = z.object({ jobId: z.uuid({ error: "Not a job" }) });

const NOT_FOUND = "This job does not exist, or it is not yours.";

/** The job, if the user may manage it (owner or admin). */
async function ownJob(jobId: string, { user, audit }: ActionContext): Promise<JobRecord | null> {
  audit.target = jobId;
  const job = await getJob(await getDb(), jobId);
  return job && canViewJob(user, job) ? job : null;
}

export const pauseJobAction = action({ permission: "jobs.run", schema: jobIdSchema, audit: "job.pause" }, async ({ jobId }, ctx) => {
  const job = await ownJob(jobId, ctx);
  if (!job) return fail("forbidden", NOT_FOUND);
  const paused = await pauseJob(await getDb(), jobId, `Paused by ${ctx.user.displayName}`);
  if (!paused) return fail("conflict", `The job is ${job.status}; only a running job can be paused.`);
  await jobStoppedHere(jobId);
  return ok({ jobId }, "Paused. Rows already being sent finish; no new row is sent until you resume.");
});

export const resumeJobAction = action({ permission: "jobs.run", schema: jobIdSchema, audit: "job.resume" }, async ({ jobId }, ctx) => {
  const job = await ownJob(jobId, ctx);
  if (!job) return fail("forbidden", NOT_FOUND);
  ctx.audit.before = { pauseReason: job.pauseReason };
  const resumed = await resumeJob(await getDb(), jobId);
  if (!resumed) return fail("conflict", `The job is ${job.status}; only a paused job can be resumed.`);
  kickJobRunner();
  return ok({ jobId }, "Resumed.");
});

export const cancelJobAction = action({ permission: "jobs.run", schema: jobIdSchema, audit: "job.cancel" }, async ({ jobId }, ctx) => {
  const job = await ownJob(jobId, ctx);
  if (!job) return fail("forbidden", NOT_FOUND);
  const cancelled = await cancelJob(await getDb(), jobId, `Not sent: the job was cancelled by ${ctx.user.displayName}`);
  if (!cancelled) return fail("conflict", `The job is already ${job.status}.`);
  await jobStoppedHere(jobId);
  return ok({ jobId }, "Cancelled. Rows not sent yet are skipped; rows already being sent finish.");
});

/**
 * The password sheet belongs to the job's creator alone (not even an admin reads someone else's
 * passwords); anyone else gets the answer of a job that does not exist.
 */
async function ownSheet(jobId: string, ctx: ActionContext): Promise<JobRecord | null> {
  const job = await ownJob(jobId, ctx);
  return job && job.ownerUsername === ctx.user.username ? job : null;
}

/**
 * The password sheet, as often as needed while it is kept. The audit entry records the
 * download, never the passwords.
 */
export const downloadSheetAction = action({ permission: "phones.write", schema: jobIdSchema, audit: "job.sheet_download" }, async ({ jobId }, ctx) => {
  const job = await ownSheet(jobId, ctx);
  if (!job) return fail("forbidden", NOT_FOUND);
  if (!isFinished(job.status)) return fail("conflict", "The sheet can be downloaded once the job has finished or been cancelled.");
  const sheet = await readSheet(await getDb(), jobId);
  if (!sheet.ok) return fail("conflict", sheet.message);
  ctx.audit.after = { phones: sheet.phones, passwordsKept: true };
  return ok(
    { filename: sheet.filename, csv: sheet.csv },
    `Downloaded the passwords of ${countOf(sheet.phones, "phone")}. Once the file is saved, confirm it to discard them here.`,
  );
});

/** The creator has the sheet safe: the passwords are discarded now instead of at expiry. */
export const confirmSheetSavedAction = action({ permission: "phones.write", schema: jobIdSchema, audit: "job.sheet_saved" }, async ({ jobId }, ctx) => {
  const job = await ownSheet(jobId, ctx);
  if (!job) return fail("forbidden", NOT_FOUND);
  const discarded = await discardSheet(await getDb(), jobId);
  if (!discarded.ok) return fail("conflict", discarded.message);
  ctx.audit.after = { passwordsKept: false };
  return ok({ jobId }, "The passwords are discarded; the dashboard no longer keeps them.");
});
