import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { jobRows, jobRunners, jobs, jobSecrets } from "@/lib/db/schema/jobs";
import type { FinalRowState, JobKind, JobStatus, RowState } from "./kinds";

/**
 * Every database statement of the job runner. Rows move pending → running (claimed by one
 * runner) → one final state; a runner that dies leaves `running` rows behind, which `reconcile`
 * hands back as `pending` + `uncertain`, so the next attempt first checks what happened.
 */
export type JobRecord = typeof jobs.$inferSelect;

export interface NewJobRow {
  seq: number;
  label: string;
  input: Record<string, unknown>;
  phase?: number;
  weight?: number;
  /** Rows the dry run refused are stored as skipped, so the results cover the whole file. */
  skipped?: string;
  /** Encrypted secret (agent passwords) kept in job_secrets until the sheet is downloaded. */
  secret?: string;
}

export interface NewJob {
  kind: JobKind;
  title: string;
  options: Record<string, unknown>;
  owner: { id: number | null; username: string; role: string };
  rows: NewJobRow[];
  /** Agent jobs keep a password sheet. */
  withSheet?: boolean;
}

export interface ClaimedRow {
  id: number;
  jobId: string;
  seq: number;
  label: string;
  input: Record<string, unknown>;
  uncertain: boolean;
  attempts: number;
}

const INSERT_CHUNK = 500;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export async function createJob(db: Db, job: NewJob): Promise<string> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(jobs)
      .values({
        kind: job.kind,
        title: job.title,
        options: job.options,
        ownerId: job.owner.id,
        ownerUsername: job.owner.username,
        ownerRole: job.owner.role,
        totalRows: job.rows.length,
        sheet: job.withSheet ? "kept" : null,
      })
      .returning({ id: jobs.id });
    if (!created) throw new Error("job not created");
    for (let start = 0; start < job.rows.length; start += INSERT_CHUNK) {
      const chunk = job.rows.slice(start, start + INSERT_CHUNK);
      const inserted = await tx
        .insert(jobRows)
        .values(
          chunk.map((row) => ({
            jobId: created.id,
            seq: row.seq,
            label: row.label,
            input: row.input,
            phase: row.phase ?? 0,
            weight: row.weight ?? 1,
            state: (row.skipped === undefined ? "pending" : "skipped") as RowState,
            message: row.skipped ?? null,
          })),
        )
        .returning({ id: jobRows.id, seq: jobRows.seq });
      const idOf = new Map(inserted.map((r) => [r.seq, r.id]));
      const secrets = chunk.flatMap((row) => (row.secret && row.skipped === undefined ? [{ rowId: idOf.get(row.seq)!, jobId: created.id, ciphertext: row.secret }] : []));
      if (secrets.length > 0) await tx.insert(jobSecrets).values(secrets);
    }
    // A file whose every row was refused has nothing to run.
    await tx.execute(sql`
      update ${jobs} set status = 'completed', finished_at = now()
      where id = ${created.id} and not exists (select 1 from ${jobRows} where job_id = ${created.id} and state = 'pending')`);
    return created.id;
  });
}

export async function getJob(db: Db, id: string): Promise<JobRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row ?? null;
}

export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/** Running jobs that still have rows to send, oldest first. */
export async function runnableJobs(db: Db): Promise<JobRecord[]> {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.status, "running"), sql`exists (select 1 from ${jobRows} r where r.job_id = "jobs"."id" and r.state = 'pending')`))
    .orderBy(asc(jobs.createdAt));
}

/** Running jobs with nothing left to send (resumed after their last rows finished while paused). */
export async function idleRunningJobs(db: Db): Promise<JobRecord[]> {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.status, "running"), sql`not exists (select 1 from ${jobRows} r where r.job_id = "jobs"."id" and r.state in ('pending', 'running'))`));
}

/**
 * Claims the next rows of a running job for `runnerId`: at most `maxRows`, and together at most
 * `maxWeight` (copy_did's 2,000-character list), never a row of a later phase while an earlier
 * one is unfinished. SKIP LOCKED lets several instances claim from one job side by side without
 * ever taking the same row.
 */
export async function claimRows(db: Db, options: { jobId: string; runnerId: string; maxRows: number; maxWeight: number }): Promise<ClaimedRow[]> {
  const { jobId, runnerId, maxRows, maxWeight } = options;
  const result = await db.execute(sql`
    with candidates as (
      select r.id, r.seq, r.weight from ${jobRows} r
      where r.job_id = ${jobId} and r.state = 'pending' and (r.not_before is null or r.not_before <= now())
        and r.phase = (select min(p.phase) from ${jobRows} p where p.job_id = ${jobId} and p.state in ('pending', 'running'))
        and exists (select 1 from ${jobs} j where j.id = ${jobId} and j.status = 'running')
      order by r.seq
      limit ${maxRows}
      for update of r skip locked
    ), picked as (
      select id from (select id, sum(weight) over (order by seq) as total, row_number() over (order by seq) as n from candidates) c
      where c.total <= ${maxWeight} or c.n = 1
    )
    update ${jobRows} set state = 'running', claimed_by = ${runnerId}, claimed_at = now(), attempts = attempts + 1
    where id in (select id from picked)
    returning id, job_id as "jobId", seq, label, input, uncertain, attempts`);
  return rowsOf<ClaimedRow>(result)
    .map((row) => ({ ...row, id: Number(row.id) }))
    .sort((a, b) => a.seq - b.seq);
}

export interface RowFinish {
  rowId: number;
  state: FinalRowState;
  message: string;
  raw?: string | null;
}

/**
 * Records the final states of several rows in one statement, except rows meanwhile reconciled
 * away from this runner. Returns the ids it recorded.
 */
export async function finishRows(db: Db, runnerId: string, rows: readonly RowFinish[]): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const values = sql.join(
    rows.map((row) => sql`(${row.rowId}::bigint, ${row.state}::text, ${row.message}::text, ${row.raw ?? null}::text)`),
    sql`, `,
  );
  const result = await db.execute(sql`
    update ${jobRows} r set state = v.state, message = v.message, raw = v.raw, finished_at = now(), uncertain = false, claimed_by = null
    from (values ${values}) as v(id, state, message, raw)
    where r.id = v.id and r.state = 'running' and r.claimed_by = ${runnerId}
    returning r.id`);
  return new Set(rowsOf<{ id: number | string }>(result).map((row) => Number(row.id)));
}

/**
 * Puts a row back to pending. `uncertain`: the attempt may have reached VICIdial, so the next one
 * checks first. `countAttempt` false: the attempt did not count (refused before it was sent).
 */
export async function releaseRow(
  db: Db,
  options: { rowId: number; runnerId: string; uncertain: boolean; countAttempt: boolean; delayMs?: number; message?: string | null; raw?: string | null },
): Promise<void> {
  await db
    .update(jobRows)
    .set({
      state: "pending",
      uncertain: options.uncertain,
      claimedBy: null,
      notBefore: options.delayMs ? new Date(Date.now() + options.delayMs) : null,
      attempts: options.countAttempt ? jobRows.attempts : sql`greatest(${jobRows.attempts} - 1, 0)`,
      message: options.message ?? null,
      raw: options.raw ?? null,
    })
    .where(and(eq(jobRows.id, options.rowId), eq(jobRows.state, "running"), eq(jobRows.claimedBy, options.runnerId)));
}

/**
 * Hands back rows a runner claimed but did not send (its queue, when the job stopped running or
 * the runner stops): pending again, or skipped if the job was cancelled meanwhile.
 */
export async function returnRows(db: Db, rowIds: readonly number[], runnerId: string): Promise<void> {
  if (rowIds.length === 0) return;
  await db.execute(sql`
    update ${jobRows} r set
      state = case when j.status = 'cancelled' then 'skipped' else 'pending' end,
      message = case when j.status = 'cancelled' then 'Not sent: the job was cancelled' else r.message end,
      claimed_by = null,
      attempts = greatest(r.attempts - 1, 0)
    from ${jobs} j
    where j.id = r.job_id and r.state = 'running' and r.claimed_by = ${runnerId}
      and r.id in (${sql.join(rowIds.map((rowId) => sql`${rowId}`), sql`, `)})`);
}

export async function jobStatuses(db: Db, jobIds: readonly string[]): Promise<Map<string, JobStatus>> {
  if (jobIds.length === 0) return new Map();
  const rows = await db.select({ id: jobs.id, status: jobs.status }).from(jobs).where(inArray(jobs.id, [...jobIds]));
  return new Map(rows.map((row) => [row.id, row.status]));
}

export async function setJobStatus(db: Db, jobId: string, from: readonly JobStatus[], to: JobStatus, pauseReason: string | null = null): Promise<JobRecord | null> {
  const now = new Date();
  const [updated] = await db
    .update(jobs)
    .set({
      status: to,
      pauseReason: to === "paused" ? pauseReason : null,
      updatedAt: now,
      ...(to === "running" ? { runningSince: now } : {}),
      ...(to === "cancelled" || to === "completed" ? { finishedAt: now } : {}),
    })
    .where(and(eq(jobs.id, jobId), sql`${jobs.status} in (${sql.join(from.map((s) => sql`${s}`), sql`, `)})`))
    .returning();
  return updated ?? null;
}

export function pauseJob(db: Db, jobId: string, reason: string): Promise<JobRecord | null> {
  return setJobStatus(db, jobId, ["running"], "paused", reason);
}

/**
 * A resumed job starts its rows' attempt counts afresh: answers lost during the outage that
 * paused it must not use up the attempts a row gets before it is given up.
 */
export async function resumeJob(db: Db, jobId: string): Promise<JobRecord | null> {
  return db.transaction(async (tx) => {
    const resumed = await setJobStatus(tx as unknown as Db, jobId, ["paused"], "running");
    if (resumed) await tx.update(jobRows).set({ attempts: 0, notBefore: null }).where(and(eq(jobRows.jobId, jobId), eq(jobRows.state, "pending")));
    return resumed;
  });
}

/** Paused jobs whose reason starts with `reason` (the runner's own pauses, which it may lift). */
export async function pausedJobsWithReason(db: Db, reason: string): Promise<JobRecord[]> {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.status, "paused"), sql`starts_with(${jobs.pauseReason}, ${reason})`));
}

/** Cancels a running or paused job: rows not yet sent become skipped; rows in flight finish. */
export async function cancelJob(db: Db, jobId: string, message: string): Promise<JobRecord | null> {
  return db.transaction(async (tx) => {
    const cancelled = await setJobStatus(tx as unknown as Db, jobId, ["running", "paused"], "cancelled");
    if (!cancelled) return null;
    await tx
      .update(jobRows)
      .set({ state: "skipped", message, uncertain: false })
      .where(and(eq(jobRows.jobId, jobId), eq(jobRows.state, "pending")));
    return cancelled;
  });
}

/** Marks a running job completed once no row is pending or in flight. Returns whether it did. */
export async function completeIfDone(db: Db, jobId: string): Promise<boolean> {
  const result = await db.execute(sql`
    update ${jobs} set status = 'completed', finished_at = now(), updated_at = now()
    where id = ${jobId} and status = 'running'
      and not exists (select 1 from ${jobRows} where job_id = ${jobId} and state in ('pending', 'running'))
    returning id`);
  return rowsOf(result).length > 0;
}

export type RowCounts = Record<RowState, number>;

export async function rowCounts(db: Db, jobId: string): Promise<RowCounts> {
  const rows = await db
    .select({ state: jobRows.state, n: sql<number>`count(*)::int` })
    .from(jobRows)
    .where(eq(jobRows.jobId, jobId))
    .groupBy(jobRows.state);
  const counts: RowCounts = { pending: 0, running: 0, done: 0, exists: 0, failed: 0, skipped: 0 };
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Runner liveness

export async function registerRunner(db: Db, runnerId: string): Promise<void> {
  await db.insert(jobRunners).values({ id: runnerId }).onConflictDoUpdate({ target: jobRunners.id, set: { heartbeatAt: new Date() } });
}

export async function heartbeat(db: Db, runnerId: string): Promise<void> {
  await registerRunner(db, runnerId);
}

export async function unregisterRunner(db: Db, runnerId: string): Promise<void> {
  await db.delete(jobRunners).where(eq(jobRunners.id, runnerId));
}

/**
 * Rows left `running` by a runner that is gone go back to pending, marked uncertain: the request
 * may or may not have reached VICIdial, so it is checked before anything is sent again.
 * `exclusive`: this process is the only one on the database (PGlite), so every other runner is
 * gone; otherwise a runner is gone when its heartbeat is older than `staleAfterMs`.
 */
export async function reconcile(db: Db, options: { runnerId: string; exclusive: boolean; staleAfterMs: number }): Promise<number> {
  const { runnerId, exclusive, staleAfterMs } = options;
  const stale = new Date(Date.now() - staleAfterMs);
  return db.transaction(async (tx) => {
    if (exclusive) await tx.delete(jobRunners).where(sql`${jobRunners.id} <> ${runnerId}`);
    else await tx.delete(jobRunners).where(and(sql`${jobRunners.id} <> ${runnerId}`, sql`${jobRunners.heartbeatAt} < ${stale}`));
    const result = await tx.execute(sql`
      update ${jobRows} set state = 'pending', uncertain = true, claimed_by = null, not_before = null,
        message = 'The dashboard stopped while this row was being sent; it is checked before anything is sent again'
      where state = 'running' and (claimed_by is null or claimed_by not in (select id from ${jobRunners}))
      returning id`);
    return rowsOf(result).length;
  });
}
