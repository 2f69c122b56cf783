import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";
import { count, eq } from "drizzle-orm";
// Aliased: the lint rules take a `use…` call for a React hook.
import { installDatabase as installDatabase } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { createJobFromFile } from "@/lib/jobs/create";
import { JOB_OPERATIONS } from "@/lib/jobs/operations";
import { createJobRunner } from "@/lib/jobs/runner";
import { getJob, rowCounts } from "@/lib/jobs/store";
import { createVicidialClient } from "@/lib/vicidial/client";
import { addDid } from "@/lib/vicidial/dids";
import type { BenchResult } from "./run";
import { benchDatabase } from "./database";
import { round } from "./stats";

/**
 * A 1,000-row DID import through the job runner (concurrency 4) against the simulator with 50 ms
 * added to every call, next to the plain sequential loop of the same add_did calls that the
 * tutorials teach, in the same run. The runner does everything a job does per row (claim, final
 * state, audit entry, inventory); the loop only calls VICIdial. A third pass sends the same calls
 * at the same concurrency with no bookkeeping at all: the ceiling for this machine at this moment.
 *
 * The simulator runs in its own process, as VICIdial would, so this process is the dashboard
 * alone and its peak RSS is the server's memory. The database is PostgreSQL when
 * BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server, else PGlite in a new data directory
 * (see database.ts).
 * Goals: at least 3.5 times faster, every row in a final state and in VICIdial, peak RSS < 300 MB.
 */
export async function didsImport(options: { rows?: number; latencyMs?: number; concurrency?: number } = {}): Promise<BenchResult> {
  const rows = options.rows ?? 1_000;
  const latencyMs = options.latencyMs ?? 50;
  const concurrency = options.concurrency ?? 4;
  const simulator = await simulatorProcess(latencyMs);
  const database = await benchDatabase();
  installDatabase(database);
  const client = createVicidialClient({ url: simulator.url, user: "6666", pass: "1234", maxInFlight: concurrency, timeoutMs: 30_000 });
  const runner = createJobRunner({ operations: JOB_OPERATIONS, concurrency, client, exclusiveDatabase: database.kind === "pglite" });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
  try {
    const input = (didPattern: string) => ({ didPattern, description: "Bench import", didRoute: "EXTEN" as const, extension: "8300" });
    const loopStarted = performance.now();
    for (let i = 0; i < rows; i += 1) {
      const result = await addDid(input(String(6_150_000_000 + i)), { source: "bench" }, client);
      if (!result.ok) throw new Error(`sequential add_did failed: ${result.code} ${result.message}`);
    }
    const sequentialMs = performance.now() - loopStarted;

    // The same calls four at a time with no bookkeeping at all: the best any runner could do here.
    const bareStarted = performance.now();
    const bareLoop = performance.eventLoopUtilization();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < rows; i = next++) {
          const result = await addDid(input(String(6_170_000_000 + i)), { source: "bench" }, client);
          if (!result.ok) throw new Error(`concurrent add_did failed: ${result.code} ${result.message}`);
        }
      }),
    );
    const bareConcurrentMs = performance.now() - bareStarted;
    const bareBusy = performance.eventLoopUtilization(bareLoop).utilization;

    const csv = ["did_pattern,description,route,extension", ...Array.from({ length: rows }, (_, i) => `${6_160_000_000 + i},Bench import,EXTEN,8300`)].join("\n");
    // A server's runner is always on: started before the clock, it waits for work.
    await runner.start();
    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;
    const runnerStarted = performance.now();
    const runnerLoop = performance.eventLoopUtilization();
    const created = await createJobFromFile(
      "dids",
      { text: csv, hasHeader: true, mapping: { didPattern: 0, description: 1, didRoute: 2, extension: 3 }, options: {} },
      { id: null, username: "bench", role: "admin" },
    );
    if (!created.ok) throw new Error(`job not created: ${created.dryRun.fileError ?? JSON.stringify(created.dryRun.fieldErrors)}`);
    const createMs = performance.now() - runnerStarted;
    runner.kick();
    // Watching costs the runner little: the simulator is asked (another process) until every row
    // reached it, the database only then and once a second (a paused job must not hang the bench).
    for (let polls = 0; ; polls += 1) {
      const arrived = (await simulator.countDids("616")) >= rows;
      if (arrived || polls % 20 === 0) {
        const job = await getJob(database.db, created.jobId);
        if (job?.status === "completed") break;
        if (job?.status !== "running") throw new Error(`job ended ${job?.status}: ${job?.pauseReason ?? ""}`);
      }
      await new Promise((resolve) => setTimeout(resolve, arrived ? 20 : 50));
    }
    const runnerMs = performance.now() - runnerStarted;
    const runnerBusy = performance.eventLoopUtilization(runnerLoop).utilization;

    const counts = await rowCounts(database.db, created.jobId);
    const [audited] = await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "did.add"));
    const inVicidial = await simulator.countDids("616");
    return {
      metrics: {
        rows,
        latency_ms: latencyMs,
        concurrency,
        database_is_postgres: database.kind === "postgres" ? 1 : 0,
        sequential_s: round(sequentialMs / 1000, 2),
        runner_s: round(runnerMs / 1000, 2),
        /** Part of runner_s: the dry run over the file and storing the job, before the first request. */
        runner_create_s: round(createMs / 1000, 2),
        /** The same calls at the same concurrency without any bookkeeping, for comparison. */
        bare_concurrent_s: round(bareConcurrentMs / 1000, 2),
        speedup: round(sequentialMs / runnerMs, 2),
        /** Share of the time this process's event loop was busy (the embedded database runs on it). */
        runner_event_loop_busy_pct: round(runnerBusy * 100, 1),
        bare_event_loop_busy_pct: round(bareBusy * 100, 1),
        runner_time_vs_sequential: round(runnerMs / sequentialMs, 3),
        rows_done: counts.done,
        rows_not_final: counts.pending + counts.running,
        rows_missing_in_vicidial: rows - inVicidial,
        audit_entries: audited?.n ?? 0,
        peak_rss_mb: round(peakRss / 1024 / 1024, 1),
        rss_growth_during_import_mb: round((peakRss - rssBefore) / 1024 / 1024, 1),
      },
      goals: [
        // At least 3.5 times faster: the runner may take at most 1/3.5 of the loop's time.
        { metric: "runner_time_vs_sequential", atMost: round(1 / 3.5, 3) },
        { metric: "rows_not_final", atMost: 0 },
        { metric: "rows_missing_in_vicidial", atMost: 0 },
        { metric: "peak_rss_mb", atMost: 300 },
      ],
    };
  } finally {
    clearInterval(sampler);
    await runner.stop({ graceMs: 5_000 });
    await client.close();
    installDatabase(undefined);
    await database.close();
    simulator.stop();
  }
}

/**
 * The simulator in a child process. It answers one extra line on stdin: `count <prefix>`, the
 * number of DIDs starting with the prefix (to check every row reached VICIdial).
 */
async function simulatorProcess(latencyMs: number): Promise<{ url: string; countDids(prefix: string): Promise<number>; stop(): void }> {
  const script = `
    const m = await import("./lib/simulator/index.ts");
    const { startSimulator } = m.startSimulator ? m : m.default;
    const sim = await startSimulator({ port: 0, faults: { latencyMs: ${latencyMs} } });
    console.log("url " + sim.url);
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (text) => {
      const prefix = text.trim().split(" ")[1] ?? "";
      console.log("count " + sim.state.dids.filter((d) => d.did_pattern.startsWith(prefix)).length);
    });`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  const waiting: ((line: string) => void)[] = [];
  let buffered = "";
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      waiting.shift()?.(line);
    }
  });
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  const first = await nextLine();
  if (!first.startsWith("url ")) throw new Error(`simulator did not start: ${first}`);
  return {
    url: first.slice(4),
    async countDids(prefix) {
      const answer = nextLine();
      child.stdin!.write(`count ${prefix}\n`);
      return Number((await answer).split(" ")[1]);
    },
    stop: () => void child.kill(),
  };
}
