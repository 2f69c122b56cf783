import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import { installDatabase, type Db } from "@/lib/db";
import { scratchDatabase } from "@/lib/db/scratch";
import { auditLog } from "@/lib/db/schema/audit";
import { jobRows } from "@/lib/db/schema/jobs";
import { createJobFromFile } from "@/lib/jobs/create";
import { getJob, type JobRecord } from "@/lib/jobs/store";
import { waitFor } from "@/lib/jobs/test-helpers";
import { SIMULATOR_DEMO_CREDENTIALS, startSimulator, type RunningSimulator } from "@/lib/simulator";
import { startDashboard, type DashboardServer } from "../../e2e/support/server";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./postgres";

export const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next-e2e";
export const ADMIN = { username: "admin", password: `Process-${randomBytes(9).toString("base64url")}` };
/** Jobs these tests start belong to the demo admin, so its session may watch them. */
const OWNER = { id: null, username: ADMIN.username, role: "admin" };

/**
 * What every process test stands on: a PostgreSQL of its own, a migrated database on it (also
 * this test process's database, to start jobs and read rows), a simulator with latency, and the
 * settings dashboards are started with. Short heartbeats and timeouts keep a crash's recovery
 * within seconds; the logic is the production one.
 */
/** A dashboard process's settings: the build in DIST_DIR on PostgreSQL, VICIdial simulated elsewhere, a known admin. */
export function dashboardSettings(options: { databaseUrl: string; simulatorUrl: string; adminPassword: string }): Record<string, string> {
  return {
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL: options.databaseUrl,
    // One secret for every instance of one test (or bench), as a load-balanced deployment has.
    AUTH_SECRET: secret,
    VICIDIAL_URL: options.simulatorUrl,
    VICIDIAL_SIMULATED: "1",
    VICIDIAL_API_USER: SIMULATOR_DEMO_CREDENTIALS.user,
    VICIDIAL_API_PASS: SIMULATOR_DEMO_CREDENTIALS.pass,
    DEMO_ADMIN_PASSWORD: options.adminPassword,
    // Full cluster passes only at start and on Sync now, so a test can count them.
    VICIDIAL_SYNC_INTERVAL_S: "3600",
  };
}
const secret = randomBytes(32).toString("hex");

export interface Stack {
  pg: ThrowawayPostgres;
  sim: RunningSimulator;
  db: Db;
  dashboardEnv: Record<string, string>;
  startDashboard(): Promise<DashboardServer>;
  close(): Promise<void>;
}

export async function startStack(options: { latencyMs: number }): Promise<Stack> {
  if (!existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
    throw new Error(`No production build in ${DIST_DIR}: run "NEXT_DIST_DIR=${DIST_DIR} npx next build" first (npm test does).`);
  }
  const pg = startThrowawayPostgres();
  const database = await scratchDatabase({ prefix: "vicidash_process", server: pg.url });
  installDatabase(database);
  const sim = await startSimulator({ port: 0, faults: { latencyMs: options.latencyMs } });
  const dashboards: DashboardServer[] = [];
  const dashboardEnv = {
    ...dashboardSettings({ databaseUrl: database.location, simulatorUrl: sim.url, adminPassword: ADMIN.password }),
    VICIDIAL_TIMEOUT_MS: "3000",
    JOB_STALE_AFTER_MS: "8000",
  };
  return {
    pg,
    sim,
    db: database.db,
    dashboardEnv,
    async startDashboard() {
      const dashboard = await startDashboard(dashboardEnv);
      dashboards.push(dashboard);
      return dashboard;
    },
    async close() {
      await Promise.all(dashboards.map((d) => d.kill()));
      await sim.close();
      installDatabase(undefined);
      await database.close().catch(() => undefined);
      pg.destroy();
    },
  };
}

/** `count` new DID patterns no other test uses. */
export function newPatterns(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(10 - prefix.length, "0")}`);
}

/** A DID import job, created as the add-DIDs wizard's action creates it; dashboards find it by polling. */
export async function startDidJob(patterns: readonly string[]): Promise<string> {
  const text = patterns.map((p, i) => `${p},Process test ${i},EXTEN,8300`).join("\n");
  const created = await createJobFromFile("dids", { text, hasHeader: false, mapping: { didPattern: 0, description: 1, didRoute: 2, extension: 3 }, options: {} }, OWNER);
  if (!created.ok) throw new Error(`job not created: ${JSON.stringify(created.dryRun.fieldErrors)} ${created.dryRun.fileError ?? ""}`);
  return created.jobId;
}

export async function rowsOf(db: Db, jobId: string) {
  return db.select().from(jobRows).where(eq(jobRows.jobId, jobId)).orderBy(asc(jobRows.seq));
}

export async function statesOf(db: Db, jobId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const row of await rowsOf(db, jobId)) counts[row.state] = (counts[row.state] ?? 0) + 1;
  return counts;
}

export async function rowAudits(db: Db, jobId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "did.add"), sql`${auditLog.params}->>'job' = ${jobId}`))
    .orderBy(asc(auditLog.id));
}

export { waitFor };

export async function waitForStatus(db: Db, jobId: string, status: JobRecord["status"], timeoutMs = 60_000): Promise<JobRecord> {
  try {
    return await waitFor(async () => {
      const job = await getJob(db, jobId);
      return job?.status === status ? job : undefined;
    }, `job to be ${status}`, timeoutMs);
  } catch (error) {
    const job = await getJob(db, jobId);
    throw new Error(`${(error as Error).message}: it is ${job?.status} (${job?.pauseReason ?? ""}), rows ${JSON.stringify(await statesOf(db, jobId))}`);
  }
}

/** DIDs of `patterns` VICIdial was asked to add, and how often. */
export function addRequests(sim: RunningSimulator, patterns: readonly string[]): Map<string, number> {
  const counts = sim.didRequests();
  return new Map(patterns.flatMap((p) => (counts[p]?.add_did ? [[p, counts[p].add_did]] : [])));
}

/** Waits until no new request has reached the simulator for a while (the latency, several times over). */
export async function simulatorQuiet(sim: RunningSimulator, quietMs: number): Promise<void> {
  let last = -1;
  let since = Date.now();
  for (;;) {
    const now = sim.requestCount();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
