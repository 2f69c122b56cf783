import "server-only";
import type { Db } from "@/lib/db";
import type { JobKind } from "../kinds";
import type { JobOperation } from "../operation";
import { claimRows, jobStatuses, returnRows, runnableJobs, type ClaimedRow, type JobRecord } from "../store";

/** One request's worth of rows: one row, or a batch for operations that send many at once. */
export interface Work {
  job: JobRecord;
  operation: JobOperation;
  rows: ClaimedRow[];
}

/** How often a scheduler holding claimed rows checks that their jobs still run. */
const STATUS_CHECK_MS = 500;

/**
 * The rows one runner has claimed and not sent yet, per job, and the requests in flight per job.
 * Claiming a few rows at once saves a query per row; jobs take turns so one big job does not
 * starve the rest, and a batch job (copy_did) sends one request at a time.
 */
export interface Scheduler {
  /**
   * Time to claim more: half the rows claimed ahead are sent. The claim runs while the other half
   * is sent, so a claim slowed by a busy database (pages being served) does not leave slots idle.
   */
  lowOnRows(): boolean;
  /** The next work to send, taking the jobs in turn. */
  next(): Work | undefined;
  /** Claims more rows from the database; false when there were none. */
  refill(db: Db): Promise<boolean>;
  /** Hands back to the database the rows of these jobs (all jobs when absent) not sent yet. */
  unqueue(db: Db, jobId?: string): Promise<void>;
  /** Rows claimed for jobs paused or cancelled (here or elsewhere) go back. */
  dropStoppedJobs(db: Db): Promise<void>;
  holds(jobId: string): boolean;
  /** A request of this job leaves / is answered. */
  sent(jobId: string): void;
  answered(jobId: string): void;
}

export function createScheduler(options: {
  runnerId: string;
  operations: Partial<Record<JobKind, JobOperation>>;
  concurrency: number;
  stopping: () => boolean;
}): Scheduler {
  const queued = new Map<string, Work[]>();
  const busy = new Map<string, number>();
  const prefetch = options.concurrency * 8;
  let cursor = 0;
  let statusCheckedAt = 0;
  const busyOf = (jobId: string) => busy.get(jobId) ?? 0;

  async function unqueue(db: Db, jobId?: string) {
    const ids = jobId === undefined ? [...queued.keys()] : [jobId];
    const rowIds = ids.flatMap((key) => (queued.get(key) ?? []).flatMap((work) => work.rows.map((row) => row.id)));
    for (const key of ids) queued.delete(key);
    await returnRows(db, rowIds, options.runnerId);
  }

  return {
    lowOnRows() {
      let waiting = 0;
      for (const list of queued.values()) waiting += list.length;
      return waiting <= prefetch / 2;
    },
    next() {
      const ids = [...queued.keys()];
      for (let i = 0; i < ids.length; i += 1) {
        const jobId = ids[(cursor + i) % ids.length]!;
        const list = queued.get(jobId)!;
        if (list[0]!.operation.batch && busyOf(jobId) > 0) continue;
        const work = list.shift()!;
        if (list.length === 0) queued.delete(jobId);
        cursor += 1;
        return work;
      }
      return undefined;
    },
    async refill(db) {
      let claimed = false;
      for (const job of await runnableJobs(db)) {
        const operation = options.operations[job.kind];
        const waiting = queued.get(job.id)?.length ?? 0;
        if (!operation || options.stopping()) continue;
        if (operation.batch) {
          if (waiting > 0 || busyOf(job.id) > 0) continue;
          const rows = await claimRows(db, { jobId: job.id, runnerId: options.runnerId, ...operation.batch });
          if (rows.length > 0) queued.set(job.id, [{ job, operation, rows }]);
          claimed ||= rows.length > 0;
        } else {
          const wanted = prefetch - waiting;
          if (wanted <= options.concurrency) continue;
          const rows = await claimRows(db, { jobId: job.id, runnerId: options.runnerId, maxRows: wanted, maxWeight: wanted });
          if (rows.length > 0) queued.set(job.id, [...(queued.get(job.id) ?? []), ...rows.map((row) => ({ job, operation, rows: [row] }))]);
          claimed ||= rows.length > 0;
        }
      }
      return claimed;
    },
    unqueue,
    async dropStoppedJobs(db) {
      if (queued.size === 0 || Date.now() - statusCheckedAt < STATUS_CHECK_MS) return;
      statusCheckedAt = Date.now();
      const statuses = await jobStatuses(db, [...queued.keys()]);
      for (const jobId of [...queued.keys()]) if (statuses.get(jobId) !== "running") await unqueue(db, jobId);
    },
    holds: (jobId) => queued.has(jobId),
    sent: (jobId) => void busy.set(jobId, busyOf(jobId) + 1),
    answered(jobId) {
      const left = busyOf(jobId) - 1;
      if (left > 0) busy.set(jobId, left);
      else busy.delete(jobId);
    },
  };
}
