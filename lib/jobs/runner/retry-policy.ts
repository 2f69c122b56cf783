import "server-only";
import type { ClaimedRow } from "../store";

/**
 * When a row without a clear answer is tried again, given up, or pauses its job. The streak of
 * unclear answers per job is a heuristic only: losing it on restart is harmless.
 */
export interface RetryPolicyOptions {
  /** Unclear answers in a row, within one job, before the job pauses (VICIdial is down). */
  unclearLimit: number;
  /** Attempts without a clear answer before a row is given up as failed. */
  maxUnclearAttempts: number;
  /** Wait before a row with an unclear answer is tried again, times its attempts. */
  retryDelayMs: number;
}

export const UNCLEAR_PAUSE =
  "VICIdial is not giving clear answers, so the job is waiting instead of trying row after row. Rows whose answer was lost are marked unknown and are checked in VICIdial before anything is sent again. The job goes on by itself once VICIdial answers again (or resume it yourself).";

export interface RetryPolicy {
  /** A final answer came for this job: its streak of unclear answers ends. */
  cleared(jobId: string): void;
  /** One more unclear answer for this job: true when the job should pause now. */
  shouldPause(jobId: string): boolean;
  /** The job paused: its streak starts over. */
  paused(jobId: string): void;
  /** An unknown outcome after this many attempts is given up instead of tried again. */
  givesUp(row: ClaimedRow): boolean;
  /** How long the row waits before its next attempt. */
  delayMs(row: ClaimedRow): number;
}

export function createRetryPolicy(options: RetryPolicyOptions): RetryPolicy {
  const streaks = new Map<string, number>();
  return {
    cleared: (jobId) => void streaks.set(jobId, 0),
    shouldPause(jobId) {
      const streak = (streaks.get(jobId) ?? 0) + 1;
      streaks.set(jobId, streak);
      return streak >= options.unclearLimit;
    },
    paused: (jobId) => void streaks.set(jobId, 0),
    givesUp: (row) => row.attempts >= options.maxUnclearAttempts,
    delayMs: (row) => options.retryDelayMs * Math.max(1, row.attempts),
  };
}

/**
 * What VICIdial answered is written down even if the database is away for a while (restarted,
 * failed over): the write is tried again until it lands, or until the runner stops (then the
 * row, still `running`, is reconciled by reading). Giving up would leave the row `running`
 * under a live runner, and its job would never finish.
 */
export async function persistently(write: () => Promise<void>, stopped: () => boolean): Promise<void> {
  for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      return await write();
    } catch (error) {
      if (stopped()) throw error;
      console.error(`job runner: database write failed, trying again in ${wait} ms`, error instanceof Error ? error.message : error);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
