import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { AuditRow } from "@/lib/audit/queries";
import type { Permission, Role } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema/audit";
import { jobs } from "@/lib/db/schema/jobs";
import type { FileJobKind } from "@/lib/jobs/kinds";
import { kickJobRunner } from "@/lib/jobs/runner/process-runner";
import { createJob, type JobRecord, type NewJobRow } from "@/lib/jobs/store";
import { failed, retryOf, type JobOperation, type RowOutcome } from "@/lib/jobs/operation";
import type { VicidialErrorCode } from "@/lib/vicidial/errors";
import { currentRecords, type CurrentRecords } from "./current";
import type { UndoPlan } from "./types";
import { applyUndo, planUndo, undoneBy } from "./undo";
import { UNDO_PERMISSION } from "./undoable";

/**
 * Undo of a bulk job as a whole: a new job (kind "undo") with one row per successful row of the
 * original, each undoing that row's audit entry. Rows changed since are skipped and listed, in
 * the dry run and again when their turn comes (the check runs at both times).
 */
export const JOB_UNDO_PERMISSION: Record<FileJobKind, Permission> = {
  dids: UNDO_PERMISSION.did,
  "did-copy": UNDO_PERMISSION.did,
  cid: UNDO_PERMISSION.cid,
  agents: UNDO_PERMISSION.phone,
};

export interface UndoJobOptions {
  undoJobId: string;
  undoJobTitle: string;
}

export interface UndoJobRowInput {
  entryId: number;
  resource: string;
}

export interface JobUndoPreviewRow {
  seq: number;
  label: string;
  entryId: number;
  /** Why this row will be skipped; absent: it will be undone. */
  skip?: string;
}

export interface JobUndoPreview {
  jobId: string;
  title: string;
  rows: JobUndoPreviewRow[];
  toUndo: number;
  skipped: number;
}

/** The successful change entries of a job's rows, in row order (their params carry job and row). */
export async function jobChangeEntries(jobId: string): Promise<AuditRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        sql`${auditLog.params}->>'job' = ${jobId}`,
        eq(auditLog.outcome, "success"),
        inArray(auditLog.resource, ["did", "phone", "alias", "cid"]),
        sql`${auditLog.undoOf} is null`,
      ),
    )
    .orderBy(asc(auditLog.id));
}

/** Why a plan cannot run unattended: something changed since, or nothing is left to do. */
function skipReason(plan: UndoPlan | string): string | undefined {
  if (typeof plan === "string") return plan;
  if (!plan.conflicts) return undefined;
  const changed = plan.steps.flatMap((step) => step.fields.filter((f) => f.changed).map((f) => `${f.label} is now ${f.current || "empty"} (was set to ${f.after || "empty"})`));
  return `Changed since: ${changed.join("; ")}`;
}

const rowOf = (entry: AuditRow) => Number((entry.params as Record<string, unknown> | null)?.row ?? 0);

/** The dry run: each successful row, and whether it will be undone or why not. */
export async function previewJobUndo(job: JobRecord, records: CurrentRecords): Promise<JobUndoPreview> {
  const entries = await jobChangeEntries(job.id);
  const undone = await undoneBy(entries.map((e) => e.id));
  const rows: JobUndoPreviewRow[] = [];
  for (const entry of entries) {
    const by = undone.get(entry.id);
    const skip = by !== undefined ? `Already undone (entry ${by})` : skipReason(await planUndo(entry, records));
    rows.push({ seq: rowOf(entry), label: entry.target ?? `entry ${entry.id}`, entryId: entry.id, skip });
  }
  const skipped = rows.filter((row) => row.skip).length;
  return { jobId: job.id, title: job.title, rows, toUndo: rows.length - skipped, skipped };
}

/** The undo job of `job`, if one was started. */
export async function undoJobOf(jobId: string): Promise<{ id: string; title: string } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: jobs.id, title: jobs.title })
    .from(jobs)
    .where(and(eq(jobs.kind, "undo"), sql`${jobs.options}->>'undoJobId' = ${jobId}`))
    .limit(1);
  return row ?? null;
}

export async function startJobUndo(job: JobRecord, owner: { id: number; username: string; role: Role }, source: string): Promise<{ jobId: string; preview: JobUndoPreview }> {
  const preview = await previewJobUndo(job, currentRecords({ username: owner.username, source }));
  const entries = new Map((await jobChangeEntries(job.id)).map((e) => [e.id, e]));
  // Phones go after the aliases that name them; everything else in the original order.
  const rows: NewJobRow[] = preview.rows.map((row, index) => ({
    seq: index + 1,
    label: row.label,
    input: { entryId: row.entryId, resource: entries.get(row.entryId)?.resource ?? "" } satisfies UndoJobRowInput,
    phase: entries.get(row.entryId)?.resource === "phone" ? 1 : 0,
    skipped: row.skip === undefined ? undefined : `Not undone: ${row.skip}`,
  }));
  const options: UndoJobOptions = { undoJobId: job.id, undoJobTitle: job.title };
  const jobId = await createJob(await getDb(), { kind: "undo", title: `Undo: ${job.title}`, options: { ...options }, owner, rows });
  kickJobRunner();
  return { jobId, preview };
}

/** One row: plan again now, skip if anything changed since the dry run, otherwise undo. */
export const undoJobOperation: JobOperation = {
  async run([row], { job, source, client, answered }) {
    if (!row) return [];
    const { entryId } = row.input as unknown as UndoJobRowInput;
    const db = await getDb();
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.id, entryId)).limit(1);
    if (!entry) return [{ rowId: row.id, state: "failed", message: `Audit entry ${entryId} no longer exists` }];
    const ctx = { username: job.ownerUsername, source, client };
    const undone = (await undoneBy([entry.id])).get(entry.id);
    const plan = await planUndo(entry, currentRecords(ctx));
    const skip = undone !== undefined ? `Already undone (entry ${undone})` : skipReason(plan);
    if (skip !== undefined || typeof plan === "string") {
      answered();
      return [{ rowId: row.id, state: "skipped", message: `Not undone: ${skip}` }];
    }
    const run = await applyUndo(entry, plan, "anyway", { ...ctx, actor: { id: job.ownerId, username: job.ownerUsername, role: job.ownerRole as Role } });
    answered();
    const audit = { action: `${entry.resource}.undo`, target: plan.target, params: { entryId, undoes: entry.action }, before: run.before, after: run.after, undoOf: entry.id };
    const failure = run.results.find((r) => r.state === "failed");
    if (failure) {
      const code = failure.error?.code as VicidialErrorCode | undefined;
      const vicidial = code ? { ok: false as const, code, message: failure.message, raw: failure.raw ?? "" } : undefined;
      const outcome: RowOutcome = vicidial ? failed(row.id, vicidial, audit) : { rowId: row.id, state: "failed", message: failure.message, raw: failure.raw, audit };
      // A lost answer is not retried blindly: the next attempt plans again and sees what happened.
      return [vicidial && retryOf(row.id, vicidial) ? retryOf(row.id, vicidial)! : outcome];
    }
    const done = run.results.filter((r) => r.state === "done");
    if (done.length === 0) return [{ rowId: row.id, state: "skipped", message: `Not undone: ${run.results.map((r) => r.message).join("; ")}` }];
    return [{ rowId: row.id, state: "done", message: done.map((r) => r.message).join("; "), raw: run.raw, audit }];
  },
};
