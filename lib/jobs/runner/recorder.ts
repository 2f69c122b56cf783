import "server-only";
import { recordAudit, recordAudits, type AuditActor, type AuditEntry } from "@/lib/audit/record";
import type { Role } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db";
import { writeBatch } from "@/lib/db/write-batch";
import type { RowOutcome } from "../operation";
import { finishRows, pauseJob, releaseRow, rowCounts, type ClaimedRow, type JobRecord, type RowFinish } from "../store";
import { UNCLEAR_PAUSE, type RetryPolicy } from "./retry-policy";

/**
 * Writes down what became of each row: its state, its audit entry (the actor is always the job's
 * owner), and the job's pauses and end.
 */
export interface Recorder {
  record(job: JobRecord, row: ClaimedRow, outcome: RowOutcome): Promise<void>;
  /** The job's closing entry, with its counts. */
  auditJobEnd(job: JobRecord): Promise<void>;
  /** A job-level entry (pause, resume); a lost entry is logged, never stops the job. */
  audit(job: JobRecord, entry: Omit<AuditEntry, "actor">): Promise<void>;
}

export function actorOf(job: JobRecord): AuditActor {
  return { id: job.ownerId, username: job.ownerUsername, role: job.ownerRole as Role };
}

export function createRecorder(options: {
  runnerId: string;
  database: () => Db;
  policy: RetryPolicy;
  /** A runner stopped without waiting behaves as a crashed one: its rows are left to reconciliation. */
  abandoned: () => boolean;
  /** The job paused: hand back its rows claimed here and not sent yet. */
  unqueue: (jobId: string) => Promise<void>;
}): Recorder {
  const { runnerId, database, policy } = options;

  /**
   * Final states are written in batches, each row's audit entry in the same transaction (a row
   * is never final without its entry). The request slot is already free, so the wait costs no
   * throughput, and two statements replace dozens (DESIGN "Scale").
   */
  const finish = writeBatch((rows: (RowFinish & { audit?: AuditEntry })[]) =>
    database().transaction(async (tx) => {
      if (options.abandoned()) return rows.map(() => false);
      const recorded = await finishRows(tx, runnerId, rows);
      await recordAudits(rows.flatMap((row) => (row.audit && recorded.has(row.rowId) ? [row.audit] : [])), tx);
      return rows.map((row) => recorded.has(row.rowId));
    }),
  );

  async function audit(job: JobRecord, entry: Omit<AuditEntry, "actor">) {
    try {
      await recordAudit({ actor: actorOf(job), ...entry });
    } catch (error) {
      // The row's state is recorded; a lost audit entry must not stop the job.
      console.error(`job runner: audit entry ${entry.action} not written`, error);
    }
  }

  async function pause(job: JobRecord, message: string, raw: string | undefined, shown = message) {
    if (!(await pauseJob(database(), job.id, message))) return false;
    await options.unqueue(job.id);
    await audit(job, { action: "job.pause", target: job.id, outcome: "failed", message: `Paused: ${shown}`, raw });
    return true;
  }

  async function record(job: JobRecord, row: ClaimedRow, outcome: RowOutcome) {
    const db = database();
    if (outcome.state !== "retry") {
      policy.cleared(job.id);
      const entry = outcome.audit && {
        actor: actorOf(job),
        action: outcome.audit.action,
        target: outcome.audit.target,
        params: { ...outcome.audit.params, job: job.id, row: row.seq },
        before: outcome.audit.before,
        after: outcome.audit.after,
        undoOf: outcome.audit.undoOf,
        outcome: outcome.state === "done" ? ("success" as const) : ("failed" as const),
        message: outcome.message,
        raw: outcome.raw,
      };
      await finish({ rowId: row.id, state: outcome.state, message: outcome.message, raw: outcome.raw, audit: entry });
      return;
    }

    const { why, failure: cause } = outcome;
    if (why === "pause") {
      await releaseRow(db, { rowId: row.id, runnerId, uncertain: row.uncertain, countAttempt: false, message: cause.message, raw: cause.raw });
      await pause(job, cause.message, cause.raw);
      return;
    }

    // Paused before the row is released, so no runner claims it again in between.
    if (policy.shouldPause(job.id) && (await pause(job, `${UNCLEAR_PAUSE} Last answer: ${cause.message}`, cause.raw, UNCLEAR_PAUSE))) policy.paused(job.id);
    if (why === "unknown" && policy.givesUp(row)) {
      const message = `${cause.message} No clear answer after ${row.attempts} attempts: check in VICIdial whether ${row.label} exists before adding it again.`;
      const entry: AuditEntry = { actor: actorOf(job), action: "job.row_unclear", target: job.id, params: { job: job.id, row: row.seq, label: row.label }, outcome: "unknown", message, raw: cause.raw };
      await finish({ rowId: row.id, state: "failed", message, raw: cause.raw, audit: entry });
    } else {
      await releaseRow(db, {
        rowId: row.id,
        runnerId,
        uncertain: row.uncertain || why === "unknown",
        countAttempt: why === "unknown",
        delayMs: policy.delayMs(row),
        message: cause.message,
        raw: cause.raw,
      });
    }
  }

  async function auditJobEnd(job: JobRecord) {
    const counts = await rowCounts(database(), job.id);
    await audit(job, {
      action: "job.finish",
      target: job.id,
      params: { kind: job.kind, title: job.title },
      after: counts,
      outcome: counts.failed > 0 ? "failed" : "success",
      message: `${job.title}: ${counts.done} done, ${counts.exists} already existed, ${counts.failed} failed, ${counts.skipped} skipped`,
    });
  }

  return { record, auditJobEnd, audit };
}
