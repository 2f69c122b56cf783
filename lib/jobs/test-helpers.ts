import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema/audit";
import { jobRows } from "@/lib/db/schema/jobs";
import { SIMULATOR_DEMO_CREDENTIALS, startSimulator, type RunningSimulator } from "@/lib/simulator";
import { createVicidialClient, type VicidialClient } from "@/lib/vicidial/client";
import { createJobRunner, type JobRunner, type RunnerOptions } from "./runner";
import { getJob, type JobRecord } from "./store";
import { JOB_OPERATIONS } from "./operations";
import { createJobFromFile, type JobOwner } from "./create";
import type { FileJobKind } from "./kinds";
import type { DryRunInput } from "./prepare";

/** For the runner's and the actions' tests: a simulator, a client on it, and quick runners. */
export const OWNER = { id: 1, username: "jobowner", role: "supervisor" } as const;

export async function startTestSimulator(): Promise<RunningSimulator> {
  return startSimulator({ port: 0 });
}

/** A client of its own (own lockout guard); `clock` lets a test pass the guard's 15 minutes. */
export function testClient(sim: RunningSimulator, options: { timeoutMs?: number; maxInFlight?: number; clock?: () => number } = {}): VicidialClient {
  return createVicidialClient(
    { url: sim.url, ...SIMULATOR_DEMO_CREDENTIALS, timeoutMs: options.timeoutMs ?? 10_000, maxInFlight: options.maxInFlight ?? 4 },
    { now: options.clock },
  );
}

export function testRunner(client: VicidialClient, options: Partial<RunnerOptions> = {}): JobRunner {
  return createJobRunner({
    operations: JOB_OPERATIONS,
    concurrency: 4,
    client,
    pollMs: 25,
    heartbeatMs: 200,
    staleAfterMs: 1_000,
    exclusiveDatabase: false,
    retryDelayMs: 300,
    ...options,
  });
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function waitForStatus(jobId: string, statuses: readonly JobRecord["status"][], timeoutMs = 15_000): Promise<JobRecord> {
  try {
    return await waitFor(
      async () => {
        const job = await getJob(await getDb(), jobId);
        return job && statuses.includes(job.status) ? job : undefined;
      },
      `job ${jobId} to be ${statuses.join(" or ")}`,
      timeoutMs,
    );
  } catch (error) {
    // Say where the job got stuck, not only that it did.
    const job = await getJob(await getDb(), jobId);
    const rows = await rowsOf(jobId);
    const states = rows.map((row) => `${row.seq}:${row.state}${row.uncertain ? "?" : ""}(${row.attempts}) ${row.message ?? ""}`);
    throw new Error(`${(error as Error).message}; it is ${job?.status} (${job?.pauseReason ?? ""}); rows: ${states.slice(0, 12).join(" | ")}`);
  }
}

export async function rowsOf(jobId: string) {
  const db = await getDb();
  return db.select().from(jobRows).where(eq(jobRows.jobId, jobId)).orderBy(asc(jobRows.phase), asc(jobRows.seq));
}

export async function auditOf(action: string) {
  const db = await getDb();
  return db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id));
}

/** vicidial_admin_log rows of one kind: one per change VICIdial really made. */
export function adminLogCount(sim: RunningSimulator, eventCode: string): number {
  return sim.state.adminLog.filter((row) => row.event_code === eventCode).length;
}

/**
 * A CSV file's job, from the start action's path (dry run, then the job) to completion on a runner
 * of its own: for tests that compare what a job leaves behind with what a form does.
 */
export async function runFileJob(sim: RunningSimulator, kind: FileJobKind, input: DryRunInput, owner: JobOwner): Promise<string> {
  const created = await createJobFromFile(kind, input, owner);
  if (!created.ok) throw new Error(`job not created: ${JSON.stringify(created.dryRun)}`);
  const client = testClient(sim);
  const runner = testRunner(client);
  try {
    await runner.start();
    await waitForStatus(created.jobId, ["completed"]);
  } finally {
    await runner.stop({ graceMs: 2_000 });
    await client.close();
  }
  return created.jobId;
}

/** An audit entry without what only one path has: its id and time, the request's browser and length, the job's row. */
export function comparableEntry<E extends { params?: unknown }>(entry: E) {
  const omit = (value: object, keys: readonly string[]) => Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
  return { ...omit(entry, ["id", "at", "durationMs", "ip", "userAgent"]), params: omit((entry.params ?? {}) as object, ["job", "row"]) };
}
