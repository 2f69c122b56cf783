import "server-only";
import { and, asc, count, desc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import { can, type Role } from "@/lib/auth/permissions";
import { getDb, type Db } from "@/lib/db";
import { jobRows, jobs } from "@/lib/db/schema/jobs";
import { safeText, toCsv } from "./csv";
import { JOB_KINDS, JOB_STATUSES, ROW_STATE_LABELS, type JobKind, type JobStatus, type RowState } from "./kinds";
import { getJob, rowCounts, type JobRecord } from "./store";
import { expireSheets, sheetExpiry } from "./sheet";
import type { JobProgress, JobRowPage, JobSnapshot, RowFilter } from "./views";

/**
 * Reads for the job pages and route handlers. A job is visible to its owner and to admins only;
 * a user who may not see a job gets the same answer as for a job that does not exist.
 */
export interface Viewer {
  username: string;
  role: Role;
}

export function canSeeAllJobs(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

export function canViewJob(viewer: Viewer, job: Pick<JobRecord, "ownerUsername">): boolean {
  return can(viewer.role, "jobs.run") && (canSeeAllJobs(viewer) || job.ownerUsername === viewer.username);
}

export async function findJobFor(viewer: Viewer, id: string): Promise<JobRecord | null> {
  const job = await getJob(await getDb(), id);
  return job && canViewJob(viewer, job) ? job : null;
}

const RATE_WINDOW_MS = 30_000;

type Reader = Pick<Db, "select">;

async function progressOf(db: Reader, job: JobRecord, now: Date): Promise<JobProgress> {
  const counts = await rowCounts(db as Db, job.id);
  const remaining = counts.pending + counts.running;
  let ratePerSecond: number | null = null;
  let etaSeconds: number | null = null;
  if (job.status === "running") {
    const since = new Date(Math.max(now.getTime() - RATE_WINDOW_MS, (job.runningSince ?? job.createdAt).getTime()));
    const [recent] = await db
      .select({ n: count() })
      .from(jobRows)
      .where(and(eq(jobRows.jobId, job.id), inArray(jobRows.state, ["done", "exists", "failed"]), gte(jobRows.finishedAt, since)));
    const seconds = (now.getTime() - since.getTime()) / 1000;
    if (seconds >= 1 && (recent?.n ?? 0) > 0) {
      ratePerSecond = (recent?.n ?? 0) / seconds;
      etaSeconds = remaining / ratePerSecond;
    }
  }
  return {
    id: job.id,
    kind: job.kind,
    title: job.title,
    status: job.status,
    pauseReason: job.pauseReason,
    owner: job.ownerUsername,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    total: job.totalRows,
    counts,
    remaining,
    ratePerSecond,
    etaSeconds,
    sheet: job.sheet,
    sheetDownloadedAt: job.sheetDownloadedAt?.toISOString() ?? null,
    sheetExpiresAt: sheetExpiry(job)?.toISOString() ?? null,
  };
}

const FILTER_STATES: Record<RowFilter, readonly RowState[] | undefined> = {
  all: undefined,
  failed: ["failed"],
  problems: ["failed", "skipped"],
  done: ["done"],
  exists: ["exists"],
  skipped: ["skipped"],
  pending: ["pending", "running"],
};

export const JOB_ROWS_PAGE_SIZE = 50;

async function rowPageOf(db: Reader, jobId: string, filter: RowFilter, page: number, pageSize: number): Promise<JobRowPage> {
  const states = FILTER_STATES[filter];
  const where = and(eq(jobRows.jobId, jobId), states ? inArray(jobRows.state, [...states]) : undefined);
  const rows = await db
    .select({
      seq: jobRows.seq,
      phase: jobRows.phase,
      label: jobRows.label,
      state: jobRows.state,
      message: jobRows.message,
      raw: jobRows.raw,
      uncertain: jobRows.uncertain,
      finishedAt: jobRows.finishedAt,
    })
    .from(jobRows)
    .where(where)
    .orderBy(asc(jobRows.phase), asc(jobRows.seq))
    .limit(pageSize)
    .offset((Math.max(1, page) - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(jobRows).where(where);
  return {
    rows: rows.map((row) => ({ ...row, finishedAt: row.finishedAt?.toISOString() ?? null })),
    total: total?.n ?? 0,
    page: Math.max(1, page),
    pageSize,
  };
}

/**
 * The job page's one read: the job's state, its counts and the page of rows on screen, all from
 * one database snapshot. Read separately, a counter could lag rows already shown as done, or a
 * "Completed" job could still list rows as waiting; from one snapshot they cannot disagree.
 * A sheet past its time is purged before it is described (purge on read).
 */
export async function jobSnapshot(
  jobId: string,
  view: { filter: RowFilter; page: number; pageSize?: number },
  now: Date = new Date(),
): Promise<JobSnapshot | null> {
  const db = await getDb();
  await expireSheets(db, now, jobId);
  return db.transaction(
    async (tx) => {
      const job = await getJob(tx as unknown as Db, jobId);
      if (!job) return null;
      const progress = await progressOf(tx, job, now);
      const rows = await rowPageOf(tx, jobId, view.filter, view.page, view.pageSize ?? JOB_ROWS_PAGE_SIZE);
      return { progress, rows, filter: view.filter };
    },
    // Repeatable read: every statement sees the same snapshot, even while the runner writes.
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** The results of every row, for download. Never holds a password (those are only in the sheet). */
export async function resultsCsv(job: JobRecord): Promise<string> {
  const db = await getDb();
  const rows = await db
    .select({ seq: jobRows.seq, phase: jobRows.phase, label: jobRows.label, state: jobRows.state, message: jobRows.message, raw: jobRows.raw })
    .from(jobRows)
    .where(eq(jobRows.jobId, job.id))
    .orderBy(asc(jobRows.phase), asc(jobRows.seq));
  return toCsv(
    ["row", "item", "result", "message", "vicidial_answer"],
    rows.map((row) => [row.phase === 0 ? row.seq : "", row.label, ROW_STATE_LABELS[row.state], safeText(row.message), safeText(row.raw)]),
  );
}

export const JOB_SORTS = ["created", "title", "kind", "status", "owner"] as const;
export type JobSort = (typeof JOB_SORTS)[number];

export interface JobListQuery {
  status?: JobStatus;
  kind?: JobKind;
  sort?: JobSort;
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
}

export interface JobListRow {
  id: string;
  kind: JobKind;
  title: string;
  status: JobStatus;
  owner: string;
  createdAt: Date;
  finishedAt: Date | null;
  total: number;
  done: number;
  exists: number;
  failed: number;
  skipped: number;
}

export const JOB_PAGE_SIZE = 25;

const SORT_COLUMNS: Record<JobSort, SQL> = {
  created: sql`${jobs.createdAt}`,
  title: sql`${jobs.title}`,
  kind: sql`${jobs.kind}`,
  status: sql`${jobs.status}`,
  owner: sql`${jobs.ownerUsername}`,
};

export function parseJobListQuery(params: Record<string, string | undefined>): JobListQuery {
  const pick = <T extends string>(value: string | undefined, allowed: readonly T[]) => (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
  const page = Number(params.page);
  return {
    status: pick(params.status, JOB_STATUSES),
    kind: pick(params.kind, JOB_KINDS),
    sort: pick(params.sort, JOB_SORTS) ?? "created",
    dir: params.dir === "asc" ? "asc" : params.dir === "desc" ? "desc" : params.sort && params.sort !== "created" ? "asc" : "desc",
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The viewer's jobs (every job for an admin), with their counts, one page. */
export async function listJobs(viewer: Viewer, query: JobListQuery): Promise<{ rows: JobListRow[]; total: number }> {
  const db = await getDb();
  const pageSize = query.pageSize ?? JOB_PAGE_SIZE;
  const where = and(
    canSeeAllJobs(viewer) ? undefined : eq(jobs.ownerUsername, viewer.username),
    query.status ? eq(jobs.status, query.status) : undefined,
    query.kind ? eq(jobs.kind, query.kind) : undefined,
  );
  const column = SORT_COLUMNS[query.sort ?? "created"];
  // Spelled out: inside a select list Drizzle would print the column unqualified, and r.id is a column too.
  const stateCount = (state: RowState) => sql<number>`(select count(*)::int from ${jobRows} r where r.job_id = "jobs"."id" and r.state = ${state})`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: jobs.id,
        kind: jobs.kind,
        title: jobs.title,
        status: jobs.status,
        owner: jobs.ownerUsername,
        createdAt: jobs.createdAt,
        finishedAt: jobs.finishedAt,
        total: jobs.totalRows,
        done: stateCount("done"),
        exists: stateCount("exists"),
        failed: stateCount("failed"),
        skipped: stateCount("skipped"),
      })
      .from(jobs)
      .where(where)
      .orderBy(query.dir === "asc" ? asc(column) : desc(column), ...(query.sort === "created" ? [] : [desc(jobs.createdAt)]))
      .limit(pageSize)
      .offset(((query.page ?? 1) - 1) * pageSize),
    db.select({ n: count() }).from(jobs).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
