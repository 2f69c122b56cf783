import { randomUUID } from "node:crypto";
import type { ClusterReader } from "@/lib/cluster/types";
import type { Db } from "@/lib/db";
import { followAdminLog } from "./admin-log";
import { describeSyncError } from "./describe";
import { runFullPass, type PassResult } from "./full-pass";
import { releaseLease, takeLease } from "./lease";
import { syncState, type SyncState } from "./state";

export interface SyncLoopOptions {
  db: () => Promise<Db>;
  reader: ClusterReader;
  /** Between full passes (VICIDIAL_SYNC_INTERVAL_S). */
  intervalMs: number;
  /** How often the loop wakes: notices "Sync now" and an expired lease within this. */
  pollMs?: number;
  /** How often the holder reads the admin log between passes. */
  followMs?: number;
  /** A holder that stops renewing loses the lease after this. */
  leaseMs?: number;
  /** First retry after a failed pass; doubled per failure, never beyond the interval. */
  retryMs?: number;
  pageSize?: number;
  /** Told after every pass (tests and logs). */
  onPass?: (result: PassResult) => void;
}

export interface SyncLoop {
  readonly owner: string;
  /** Whether this instance held the lease at its last look. */
  readonly holding: boolean;
  start(): void;
  /** Stops between two pages (a pass cut off deletes nothing), waits for that, hands the lease back. */
  stop(): Promise<void>;
}

/** A pass cut off by the sync itself (shutdown, lease lost): its message is already in plain words. */
class SyncInterrupted extends Error {
  override name = "SyncInterrupted";
}
const stopped = () => new SyncInterrupted("The sync was stopped: the dashboard is shutting down");

/**
 * The sync loop of one instance. Every instance runs one; only the lease holder works: a full
 * pass at start, every interval and when "Sync now" asks, the admin log in between. A failed
 * pass keeps the last data and is retried with backoff.
 */
export function createSyncLoop(options: SyncLoopOptions): SyncLoop {
  const owner = `${process.pid}-${randomUUID()}`;
  const pollMs = options.pollMs ?? 2_000;
  const followMs = options.followMs ?? 3_000;
  const leaseMs = options.leaseMs ?? 30_000;
  const retryMs = options.retryMs ?? 5_000;
  let holding = false;
  let stopping = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let renewedAt = 0;
  let lastFollowAt = 0;
  let failures = 0;

  async function renew(db: Db): Promise<boolean> {
    holding = await takeLease(db, owner, leaseMs);
    if (holding) renewedAt = Date.now();
    return holding;
  }

  /** Between pages: stop when asked, keep the lease alive, give the pass up when it was lost. */
  const checkpoint = (db: Db) => async () => {
    if (stopping) throw stopped();
    if (Date.now() - renewedAt < leaseMs / 3) return;
    if (!(await renew(db))) throw new SyncInterrupted("Another dashboard instance took over the sync");
  };

  function passDue(state: SyncState): boolean {
    if (!state.lastStartedAt) return true;
    if (state.requestedAt && state.requestedAt > state.lastStartedAt) return true;
    const since = Date.now() - (state.lastFinishedAt ?? state.lastStartedAt).getTime();
    if (state.lastOk === false) return since >= Math.min(options.intervalMs, retryMs * 2 ** Math.max(0, failures - 1));
    return Date.now() - state.lastStartedAt.getTime() >= options.intervalMs;
  }

  async function tick(): Promise<void> {
    const db = await options.db();
    if (!(await renew(db))) return;
    const state = await syncState(db);
    if (passDue(state)) {
      const result = await runFullPass(db, options.reader, { pageSize: options.pageSize, checkpoint: checkpoint(db) });
      failures = result.ok ? 0 : failures + 1;
      if (!result.ok && !stopping) console.error(`cluster sync: pass ${result.pass} failed: ${result.error}`);
      options.onPass?.(result);
      lastFollowAt = Date.now();
      return;
    }
    if (state.syncedAt && Date.now() - lastFollowAt >= followMs) {
      lastFollowAt = Date.now();
      await followAdminLog(db, options.reader, { cursor: state.adminLogCursor, onBatch: checkpoint(db) });
    }
  }

  function schedule(delay: number) {
    if (stopping) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((error: unknown) => {
          if (!(error instanceof SyncInterrupted)) console.error(`cluster sync: ${describeSyncError(error)}`);
        })
        .finally(() => {
          running = undefined;
          schedule(pollMs);
        });
    }, delay);
    timer.unref?.();
  }

  return {
    owner,
    get holding() {
      return holding;
    },
    start() {
      stopping = false;
      schedule(0);
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running;
      if (holding) await releaseLease(await options.db(), owner).catch(() => undefined);
      holding = false;
    },
  };
}
