import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { vicidialSource } from "@/lib/auth/source";
import { getDb, type Db } from "@/lib/db";
import { jobSecrets } from "@/lib/db/schema/jobs";
import type { VicidialClient } from "@/lib/vicidial/client";
import { failure } from "@/lib/vicidial/errors";
import { version } from "@/lib/vicidial/version";
import type { JobKind } from "../kinds";
import type { JobOperation, OperationContext, RowOutcome } from "../operation";
import { openSecret } from "../secrets";
import { expireSheets } from "../sheet";
import { completeIfDone, heartbeat, idleRunningJobs, pausedJobsWithReason, reconcile, registerRunner, resumeJob, unregisterRunner, type ClaimedRow, type JobRecord } from "../store";
import { createRecorder } from "./recorder";
import { createRetryPolicy, persistently, UNCLEAR_PAUSE, type RetryPolicyOptions } from "./retry-policy";
import { createScheduler, type Work } from "./scheduler";

/**
 * Runs the rows of bulk jobs, a bounded number of VICIdial requests at a time. All that matters
 * is in the database (DESIGN "Scale"): this object only holds the requests in flight, so any
 * number of runners, in one or several processes, can work on the same jobs. The scheduler
 * decides what is sent next, the retry policy what becomes of unclear answers, the recorder
 * writes the outcome down; this module drives them and keeps the runner's heartbeat.
 */
export interface RunnerOptions extends Partial<RetryPolicyOptions> {
  operations: Partial<Record<JobKind, JobOperation>>;
  /** Requests in flight at once (JOB_CONCURRENCY). */
  concurrency: number;
  /** Absent: the app's configured VICIdial client. */
  client?: VicidialClient;
  /** How often an idle runner looks for work started elsewhere. */
  pollMs?: number;
  heartbeatMs?: number;
  /** A runner whose heartbeat is older than this is gone; its rows are reconciled. */
  staleAfterMs?: number;
  /** Only this process uses the database (PGlite): rows running at start were left by a dead process. */
  exclusiveDatabase: boolean;
}

export interface JobRunner {
  readonly id: string;
  start(): Promise<void>;
  /**
   * Stops claiming rows and waits up to `graceMs` for the requests in flight. What is still in
   * flight then is abandoned as in a crash: its rows stay `running` until reconciled.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** Look for work now (a job was just started or resumed in this process). */
  kick(): void;
  /** A job was paused or cancelled: hand back the rows claimed for it and not sent yet. */
  jobStopped(jobId: string): Promise<void>;
  /** Requests in flight right now. */
  readonly inFlight: number;
}

/** How long a runner that found no rows to claim waits before looking again, unless kicked. */
const IDLE_CLAIM_MS = 250;

export function createJobRunner(options: RunnerOptions): JobRunner {
  const id = `runner-${randomUUID()}`;
  const pollMs = options.pollMs ?? 1_000;
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const staleAfterMs = options.staleAfterMs ?? 45_000;

  let db: Db | undefined;
  let started = false;
  let stopping = false;
  let abandoned = false;
  let inFlight = 0;
  let loopDone: Promise<void> | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  const tasks = new Set<Promise<void>>();
  /** Rows per job sent and not yet fully recorded (final state and audit entry). */
  const unrecorded = new Map<string, number>();

  function database(): Db {
    if (!db) throw new Error("job runner not started");
    return db;
  }

  const policy = createRetryPolicy({
    unclearLimit: options.unclearLimit ?? Math.max(8, options.concurrency * 2),
    maxUnclearAttempts: options.maxUnclearAttempts ?? 3,
    retryDelayMs: options.retryDelayMs ?? 2_000,
  });
  const scheduler = createScheduler({ runnerId: id, operations: options.operations, concurrency: options.concurrency, stopping: () => stopping });
  const recorder = createRecorder({ runnerId: id, database, policy, abandoned: () => abandoned, unqueue: (jobId) => scheduler.unqueue(database(), jobId) });

  let woken = false;
  let wakeUp: (() => void) | undefined;
  /** Wakes the loop: a slot is free. */
  function wake() {
    woken = true;
    wakeUp?.();
  }
  /** There may be new work (a job started, resumed or reconciled): look for it at once. */
  function kick() {
    nothingToClaimUntil = 0;
    wake();
  }
  /**
   * After a look for rows found none, the next look waits a little: otherwise every finished
   * request near a job's end would query the database for rows that are all claimed already.
   */
  let nothingToClaimUntil = 0;
  function nap(ms: number): Promise<void> {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        woken = false;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function loop() {
    while (!stopping) {
      try {
        await fill();
      } catch (error) {
        console.error("job runner: could not claim rows", error);
      }
      await nap(pollMs);
    }
  }

  /** Fills every free slot: from the rows this runner already claimed, else by claiming a few more. */
  async function fill() {
    await scheduler.dropStoppedJobs(database());
    dispatchQueued();
    // Claimed ahead, so a slot that frees up finds its next row waiting.
    if (stopping || !scheduler.lowOnRows() || Date.now() < nothingToClaimUntil) return;
    if (await scheduler.refill(database())) dispatchQueued();
    else nothingToClaimUntil = Date.now() + Math.min(pollMs, IDLE_CLAIM_MS);
  }

  /**
   * Another runner takes this one's rows over once its heartbeat is `staleAfterMs` old. Past half
   * that (the database was unreachable), claimed rows are no longer sent from here: a request
   * that leaves now could still be in flight when they are reconciled and sent elsewhere.
   */
  let beatAt = 0;
  function ownsItsClaims(): boolean {
    return Date.now() - beatAt < staleAfterMs / 2;
  }

  function dispatchQueued() {
    if (!ownsItsClaims()) return;
    while (inFlight < options.concurrency && !stopping) {
      const work = scheduler.next();
      if (!work) return;
      dispatch(work);
    }
  }

  function dispatch({ job, operation, rows }: Work) {
    inFlight += 1;
    scheduler.sent(job.id);
    unrecorded.set(job.id, (unrecorded.get(job.id) ?? 0) + 1);
    let released = false;
    // The slot is VICIdial's: it is given back as soon as the answer is in, before the bookkeeping.
    const release = () => {
      if (released) return;
      released = true;
      inFlight -= 1;
      scheduler.answered(job.id);
      dispatchQueued();
      wake();
    };
    const task = execute(job, operation, rows, release)
      .catch((error) => console.error(`job runner: job ${job.id} rows ${rows.map((r) => r.seq).join(",")}`, error))
      .then(() => {
        release();
        return recorded(job);
      })
      .catch((error) => console.error(`job runner: job ${job.id} completion check failed`, error))
      .finally(() => tasks.delete(task));
    tasks.add(task);
  }

  /**
   * Only the last rows of a job can complete it, once every row sent before them is recorded
   * too: the job's closing audit entry comes after every row's entry.
   */
  async function recorded(job: JobRecord) {
    const left = (unrecorded.get(job.id) ?? 1) - 1;
    if (left > 0) return void unrecorded.set(job.id, left);
    unrecorded.delete(job.id);
    if (!scheduler.holds(job.id) && !abandoned) await completeJob(job);
  }

  function contextFor(job: JobRecord, answered: () => void = () => undefined): OperationContext {
    return {
      job,
      source: vicidialSource(job.ownerUsername),
      client: options.client,
      answered,
      async secret(rowId) {
        const [row] = await database().select().from(jobSecrets).where(eq(jobSecrets.rowId, rowId)).limit(1);
        return row ? openSecret(row.ciphertext) : undefined;
      },
    };
  }

  /**
   * Rows whose earlier attempt may have reached VICIdial (an answer lost, a runner that died with
   * the row claimed) are read first: found, the row ends without a second send; not found, it is
   * sent as a first attempt; no clear read, it stays uncertain for the next try.
   */
  async function checkFirst(job: JobRecord, operation: JobOperation, rows: ClaimedRow[]): Promise<{ settled: RowOutcome[]; toSend: ClaimedRow[] }> {
    const check = operation.check;
    if (!check) return { settled: [], toSend: rows };
    const settled: RowOutcome[] = [];
    const toSend: ClaimedRow[] = [];
    for (const row of rows) {
      if (!row.uncertain) {
        toSend.push(row);
        continue;
      }
      const read = await check(row, contextFor(job));
      if ("made" in read) settled.push(read.made);
      else if ("unclear" in read) settled.push(read.unclear);
      // Still marked uncertain: an attempt whose answer came late may land before this one.
      else toSend.push(row);
    }
    return { settled, toSend };
  }

  async function execute(job: JobRecord, operation: JobOperation, rows: ClaimedRow[], release: () => void) {
    let outcomes: RowOutcome[];
    try {
      const { settled, toSend } = await checkFirst(job, operation, rows);
      outcomes = toSend.length === 0 ? settled : [...settled, ...(await operation.run(toSend, contextFor(job, release)))];
    } catch (error) {
      console.error(`job runner: job ${job.id} failed while sending`, error);
      const crashed = failure("UNKNOWN_RESPONSE", "The dashboard failed while sending this row; it is checked before anything is sent again");
      outcomes = rows.map((row) => ({ rowId: row.id, state: "retry", why: "unknown", failure: crashed }));
    }
    release();
    // A stopped runner behaves as a crashed one: whatever it learnt now is left to reconciliation.
    if (abandoned) return;
    const results = rows.map((row) => ({
      row,
      outcome: outcomes.find((o) => o.rowId === row.id) ?? { rowId: row.id, state: "retry", why: "unknown", failure: failure("UNKNOWN_RESPONSE", "No result was reported for this row") },
    }));
    const stopped = () => stopping || abandoned;
    // Final states together (they are written in one batch); the others in order, as they may pause the job.
    await Promise.all(results.filter(({ outcome }) => outcome.state !== "retry").map(({ row, outcome }) => persistently(() => recorder.record(job, row, outcome), stopped)));
    for (const { row, outcome } of results) if (outcome.state === "retry") await persistently(() => recorder.record(job, row, outcome), stopped);
  }

  /**
   * Rows finishing together (one batch) would each check whether their job is done: while a
   * check runs, later requests for the same job wait and are answered by one more check.
   */
  const completionChecks = new Map<string, { rerun: boolean; done: Promise<void> }>();
  function completeJob(job: JobRecord): Promise<void> {
    const running = completionChecks.get(job.id);
    if (running) {
      running.rerun = true;
      return running.done;
    }
    const check = { rerun: false, done: Promise.resolve() };
    check.done = (async () => {
      try {
        do {
          check.rerun = false;
          if (await completeIfDoneAndFollowUp(job)) return;
        } while (check.rerun);
      } finally {
        completionChecks.delete(job.id);
      }
    })();
    completionChecks.set(job.id, check);
    return check.done;
  }

  async function completeIfDoneAndFollowUp(job: JobRecord): Promise<boolean> {
    if (!(await completeIfDone(database(), job.id))) return false;
    await options.operations[job.kind]?.onFinish?.(contextFor(job)).catch((error) => console.error(`job runner: job ${job.id} follow-up failed`, error));
    await recorder.auditJobEnd(job);
    return true;
  }

  /** Jobs that paused because VICIdial gave no clear answers go on once it answers a read again. */
  async function resumeAfterOutage(db: Db) {
    const waiting = await pausedJobsWithReason(db, UNCLEAR_PAUSE);
    if (waiting.length === 0) return;
    const answer = await version({ source: "dashboard" }, options.client);
    if (!answer.ok) return;
    for (const job of waiting) {
      if (!(await resumeJob(db, job.id))) continue;
      await recorder.audit(job, { action: "job.resume", target: job.id, outcome: "success", message: "Resumed by itself: VICIdial answers again" });
      kick();
    }
  }

  let ticking: Promise<void> | undefined;
  let resuming: Promise<void> | undefined;
  async function tick() {
    if (stopping) return;
    try {
      const db = database();
      const lost = !ownsItsClaims();
      await heartbeat(db, id);
      beatAt = Date.now();
      // Rows claimed before the gap may be another runner's by now: hand back what is still ours.
      if (lost) await scheduler.unqueue(db);
      for (const job of await idleRunningJobs(db)) await completeJob(job);
      // Not awaited: a read that hangs until its timeout must not hold up the heartbeat.
      resuming ??= resumeAfterOutage(db)
        .catch((error) => console.error("job runner: could not resume after an outage", error))
        .finally(() => (resuming = undefined));
      if (!options.exclusiveDatabase && (await reconcile(db, { runnerId: id, exclusive: false, staleAfterMs })) > 0) kick();
      await expireSheets(db);
    } catch (error) {
      console.error("job runner: heartbeat failed", error);
    }
  }

  return {
    id,
    get inFlight() {
      return inFlight;
    },
    kick,
    async jobStopped(jobId) {
      if (scheduler.holds(jobId)) await scheduler.unqueue(database(), jobId);
    },
    async start() {
      if (started) return;
      started = true;
      db = await getDb();
      await registerRunner(db, id);
      beatAt = Date.now();
      await reconcile(db, { runnerId: id, exclusive: options.exclusiveDatabase, staleAfterMs });
      await expireSheets(db);
      ticker = setInterval(() => {
        ticking ??= tick().finally(() => (ticking = undefined));
      }, heartbeatMs);
      ticker.unref?.();
      loopDone = loop();
    },
    async stop({ graceMs = 30_000 } = {}) {
      if (!started || stopping) return;
      stopping = true;
      clearInterval(ticker);
      kick();
      await loopDone;
      await ticking;
      await resuming;
      await scheduler.unqueue(database()).catch((error) => console.error("job runner: claimed rows not handed back", error));
      const drained = await Promise.race([
        Promise.allSettled([...tasks]).then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref?.()),
      ]);
      if (!drained) abandoned = true;
      if (db) await unregisterRunner(db, id).catch(() => undefined);
    },
  };
}
