import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { recordAudit, recordAudits, type AuditActor, type AuditEntry } from "@/lib/audit/record";
import type { Role } from "@/lib/auth/permissions";
import { vicidialSource } from "@/lib/auth/source";
import { getDb, type Db } from "@/lib/db";
import { writeBatch } from "@/lib/db/write-batch";
import { jobSecrets } from "@/lib/db/schema/jobs";
import { env } from "@/lib/env";
import type { VicidialClient } from "@/lib/vicidial/client";
import { failure } from "@/lib/vicidial/errors";
import { version } from "@/lib/vicidial/version";
import type { JobKind } from "./kinds";
import type { JobOperation, OperationContext, RowOutcome } from "./operation";
import { openSecret } from "./secrets";
import { expireSheets } from "./sheet";
import {
  claimRows,
  completeIfDone,
  jobStatuses,
  finishRows,
  heartbeat,
  idleRunningJobs,
  pauseJob,
  pausedJobsWithReason,
  reconcile,
  registerRunner,
  releaseRow,
  resumeJob,
  returnRows,
  rowCounts,
  runnableJobs,
  unregisterRunner,
  type ClaimedRow,
  type JobRecord,
  type RowFinish,
} from "./store";

/**
 * Runs the rows of bulk jobs, a bounded number of VICIdial requests at a time. All that matters
 * is in the database (DESIGN "Scale"): this object only holds the requests in flight, so any
 * number of runners, in one or several processes, can work on the same jobs.
 */
export interface RunnerOptions {
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
  /** Unclear answers in a row, within one job, before the job pauses (VICIdial is down). */
  unclearLimit?: number;
  /** Attempts without a clear answer before a row is given up as failed. */
  maxUnclearAttempts?: number;
  /** Wait before a row with an unclear answer is tried again, times its attempts. */
  retryDelayMs?: number;
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

/** How often a runner holding claimed rows checks that their jobs still run. */
const STATUS_CHECK_MS = 500;

interface Work {
  job: JobRecord;
  operation: JobOperation;
  rows: ClaimedRow[];
}

const UNCLEAR_PAUSE =
  "VICIdial is not giving clear answers, so the job is waiting instead of trying row after row. Rows whose answer was lost are marked unknown and are checked in VICIdial before anything is sent again. The job goes on by itself once VICIdial answers again (or resume it yourself).";

export function createJobRunner(options: RunnerOptions): JobRunner {
  const id = `runner-${randomUUID()}`;
  const pollMs = options.pollMs ?? 1_000;
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  const staleAfterMs = options.staleAfterMs ?? 45_000;
  const unclearLimit = options.unclearLimit ?? Math.max(8, options.concurrency * 2);
  const maxUnclearAttempts = options.maxUnclearAttempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 2_000;

  let db: Db | undefined;
  let started = false;
  let stopping = false;
  let abandoned = false;
  let inFlight = 0;
  let cursor = 0;
  let loopDone: Promise<void> | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  const tasks = new Set<Promise<void>>();
  /** Rows claimed for a free slot soon, per job: claiming a few at once saves a query per row. */
  const queued = new Map<string, Work[]>();
  const prefetch = options.concurrency * 8;
  let statusCheckedAt = 0;
  /** Requests in flight per job (a batch job sends one request at a time). */
  const busy = new Map<string, number>();
  /** Rows per job sent and not yet fully recorded (final state and audit entry). */
  const unrecorded = new Map<string, number>();
  /** Consecutive unclear answers per job (a heuristic only: losing it on restart is harmless). */
  const unclear = new Map<string, number>();

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

  function database(): Db {
    if (!db) throw new Error("job runner not started");
    return db;
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

  /**
   * Fills every free slot: from the rows this runner already claimed, else by claiming a few more
   * (one query for several rows), taking the jobs in turn so one big job does not starve the rest.
   */
  async function fill() {
    await dropStoppedJobs();
    dispatchQueued();
    // Claimed ahead, so a slot that frees up finds its next row waiting.
    if (stopping || queuedRows() >= options.concurrency * 2 || Date.now() < nothingToClaimUntil) return;
    if (await refill()) dispatchQueued();
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
      const work = nextQueued();
      if (!work) return;
      dispatch(work);
    }
  }

  function queuedRows(): number {
    let n = 0;
    for (const list of queued.values()) n += list.length;
    return n;
  }

  function nextQueued(): Work | undefined {
    const ids = [...queued.keys()];
    for (let i = 0; i < ids.length; i += 1) {
      const jobId = ids[(cursor + i) % ids.length]!;
      const list = queued.get(jobId)!;
      // A batch job (copy_did) sends one request at a time.
      if (list[0]!.operation.batch && (busy.get(jobId) ?? 0) > 0) continue;
      const work = list.shift()!;
      if (list.length === 0) queued.delete(jobId);
      cursor += 1;
      return work;
    }
    return undefined;
  }

  async function refill(): Promise<boolean> {
    let claimed = false;
    for (const job of await runnableJobs(database())) {
      const operation = options.operations[job.kind];
      const waiting = queued.get(job.id)?.length ?? 0;
      if (!operation || stopping) continue;
      if (operation.batch) {
        if (waiting > 0 || (busy.get(job.id) ?? 0) > 0) continue;
        const rows = await claimRows(database(), { jobId: job.id, runnerId: id, ...operation.batch });
        if (rows.length > 0) queued.set(job.id, [{ job, operation, rows }]);
        claimed ||= rows.length > 0;
      } else {
        const wanted = prefetch - waiting;
        if (wanted <= options.concurrency) continue;
        const rows = await claimRows(database(), { jobId: job.id, runnerId: id, maxRows: wanted, maxWeight: wanted });
        if (rows.length > 0) queued.set(job.id, [...(queued.get(job.id) ?? []), ...rows.map((row) => ({ job, operation, rows: [row] }))]);
        claimed ||= rows.length > 0;
      }
    }
    return claimed;
  }

  /** Rows claimed but not sent go back when their job stopped running (paused or cancelled, here or elsewhere). */
  async function dropStoppedJobs() {
    if (queued.size === 0 || Date.now() - statusCheckedAt < STATUS_CHECK_MS) return;
    statusCheckedAt = Date.now();
    const statuses = await jobStatuses(database(), [...queued.keys()]);
    for (const jobId of [...queued.keys()]) if (statuses.get(jobId) !== "running") await unqueue(jobId);
  }

  async function unqueue(jobId?: string) {
    const ids = jobId === undefined ? [...queued.keys()] : [jobId];
    const rowIds = ids.flatMap((key) => (queued.get(key) ?? []).flatMap((work) => work.rows.map((row) => row.id)));
    for (const key of ids) queued.delete(key);
    await returnRows(database(), rowIds, id);
  }

  function dispatch({ job, operation, rows }: Work) {
    inFlight += 1;
    busy.set(job.id, (busy.get(job.id) ?? 0) + 1);
    unrecorded.set(job.id, (unrecorded.get(job.id) ?? 0) + 1);
    let released = false;
    // The slot is VICIdial's: it is given back as soon as the answer is in, before the bookkeeping.
    const release = () => {
      if (released) return;
      released = true;
      inFlight -= 1;
      const left = (busy.get(job.id) ?? 1) - 1;
      if (left > 0) busy.set(job.id, left);
      else busy.delete(job.id);
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
    if (!queued.has(job.id) && !abandoned) await completeJob(job);
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
    // Final states together (they are written in one batch); the others in order, as they may pause the job.
    await Promise.all(results.filter(({ outcome }) => outcome.state !== "retry").map(({ row, outcome }) => persistently(() => record(job, row, outcome))));
    for (const { row, outcome } of results) if (outcome.state === "retry") await persistently(() => record(job, row, outcome));
  }

  /**
   * What VICIdial answered is written down even if the database is away for a while (restarted,
   * failed over): the write is tried again until it lands, or until this runner stops (then the
   * row, still `running`, is reconciled by reading). Giving up would leave the row `running`
   * under a live runner, and its job would never finish.
   */
  async function persistently(write: () => Promise<void>) {
    for (let wait = 250; ; wait = Math.min(wait * 2, 5_000)) {
      try {
        return await write();
      } catch (error) {
        if (stopping || abandoned) throw error;
        console.error(`job runner: database write failed, trying again in ${wait} ms`, error instanceof Error ? error.message : error);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
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
    await auditJobEnd(job);
    return true;
  }

  /**
   * Final states are written in batches, each row's audit entry in the same transaction (a row
   * is never final without its entry). The request slot is already free, so the wait costs no
   * throughput, and two statements replace dozens (DESIGN "Scale").
   */
  const finish = writeBatch(
    (rows: (RowFinish & { audit?: AuditEntry })[]) =>
      database().transaction(async (tx) => {
        // A runner stopped without waiting behaves as a crashed one: its rows are left to reconciliation.
        if (abandoned) return rows.map(() => false);
        const recorded = await finishRows(tx, id, rows);
        await recordAudits(rows.flatMap((row) => (row.audit && recorded.has(row.rowId) ? [row.audit] : [])), tx);
        return rows.map((row) => recorded.has(row.rowId));
      }),
  );

  async function record(job: JobRecord, row: ClaimedRow, outcome: RowOutcome) {
    const db = database();
    if (outcome.state !== "retry") {
      unclear.set(job.id, 0);
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
      await releaseRow(db, { rowId: row.id, runnerId: id, uncertain: row.uncertain, countAttempt: false, message: cause.message, raw: cause.raw });
      if (await pauseJob(db, job.id, cause.message)) {
        await unqueue(job.id);
        await audit(job, { action: "job.pause", target: job.id, outcome: "failed", message: `Paused: ${cause.message}`, raw: cause.raw });
      }
      return;
    }

    const streak = (unclear.get(job.id) ?? 0) + 1;
    unclear.set(job.id, streak);
    // Paused before the row is released, so no runner claims it again in between.
    if (streak >= unclearLimit && (await pauseJob(db, job.id, `${UNCLEAR_PAUSE} Last answer: ${cause.message}`))) {
      unclear.set(job.id, 0);
      await unqueue(job.id);
      await audit(job, { action: "job.pause", target: job.id, outcome: "failed", message: `Paused: ${UNCLEAR_PAUSE}`, raw: cause.raw });
    }
    if (why === "unknown" && row.attempts >= maxUnclearAttempts) {
      const message = `${cause.message} No clear answer after ${row.attempts} attempts: check in VICIdial whether ${row.label} exists before adding it again.`;
      const entry: AuditEntry = { actor: actorOf(job), action: "job.row_unclear", target: job.id, params: { job: job.id, row: row.seq, label: row.label }, outcome: "unknown", message, raw: cause.raw };
      await finish({ rowId: row.id, state: "failed", message, raw: cause.raw, audit: entry });
    } else {
      await releaseRow(db, {
        rowId: row.id,
        runnerId: id,
        uncertain: row.uncertain || why === "unknown",
        countAttempt: why === "unknown",
        delayMs: retryDelayMs * Math.max(1, row.attempts),
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

  function actorOf(job: JobRecord): AuditActor {
    return { id: job.ownerId, username: job.ownerUsername, role: job.ownerRole as Role };
  }

  async function audit(job: JobRecord, entry: Omit<AuditEntry, "actor">) {
    try {
      await recordAudit({ actor: actorOf(job), ...entry });
    } catch (error) {
      // The row's state is recorded; a lost audit entry must not stop the job.
      console.error(`job runner: audit entry ${entry.action} not written`, error);
    }
  }

  /** Jobs that paused because VICIdial gave no clear answers go on once it answers a read again. */
  async function resumeAfterOutage(db: Db) {
    const waiting = await pausedJobsWithReason(db, UNCLEAR_PAUSE);
    if (waiting.length === 0) return;
    const answer = await version({ source: "dashboard" }, options.client);
    if (!answer.ok) return;
    for (const job of waiting) {
      if (!(await resumeJob(db, job.id))) continue;
      await audit(job, { action: "job.resume", target: job.id, outcome: "success", message: "Resumed by itself: VICIdial answers again" });
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
      if (lost) await unqueue();
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
      if (queued.has(jobId)) await unqueue(jobId);
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
      await unqueue().catch((error) => console.error("job runner: claimed rows not handed back", error));
      const drained = await Promise.race([
        Promise.allSettled([...tasks]).then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref?.()),
      ]);
      if (!drained) abandoned = true;
      if (db) await unregisterRunner(db, id).catch(() => undefined);
    },
  };
}

const holder = globalThis as typeof globalThis & { __vicidashJobRunner?: Promise<JobRunner> };

/**
 * Starts this process's runner once (Next may load this module several times; the runner lives on
 * globalThis). Called from start-up; safe to call again.
 */
export function startJobRunner(): Promise<JobRunner> {
  holder.__vicidashJobRunner ??= (async () => {
    const { JOB_OPERATIONS } = await import("./operations");
    const settings = env();
    const runner = createJobRunner({
      operations: JOB_OPERATIONS,
      concurrency: settings.JOB_CONCURRENCY,
      staleAfterMs: settings.JOB_STALE_AFTER_MS,
      heartbeatMs: Math.min(10_000, Math.floor(settings.JOB_STALE_AFTER_MS / 4)),
      exclusiveDatabase: !settings.DATABASE_URL,
    });
    await runner.start();
    return runner;
  })();
  return holder.__vicidashJobRunner;
}

/** Tells this process's runner (if it runs) that there is new work; other instances find it by polling. */
export function kickJobRunner(): void {
  void holder.__vicidashJobRunner?.then((runner) => runner.kick()).catch(() => undefined);
}

/** Tells this process's runner that a job stopped; other instances notice within half a second. */
export async function jobStoppedHere(jobId: string): Promise<void> {
  await holder.__vicidashJobRunner?.then((runner) => runner.jobStopped(jobId)).catch(() => undefined);
}
