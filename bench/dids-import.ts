import { count, eq } from "drizzle-orm";
// Aliased: the lint rules take a `use…` call for a React hook.
import { useDatabase as installDatabase } from "@/lib/db";
import { openDatabase } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { createJobFromFile } from "@/lib/jobs/create";
import { JOB_OPERATIONS } from "@/lib/jobs/operations";
import { createJobRunner } from "@/lib/jobs/runner";
import { getJob, rowCounts } from "@/lib/jobs/store";
import { startSimulator } from "@/lib/simulator";
import { createVicidialClient } from "@/lib/vicidial/client";
import { addDid } from "@/lib/vicidial/dids";
import type { BenchResult } from "./run";
import { round } from "./stats";

/**
 * A 1,000-row DID import through the job runner (concurrency 4) against the simulator with 50 ms
 * added to every call, next to the plain sequential loop of the same add_did calls that the
 * tutorials teach, in the same run. The runner also does everything a job does per row (claim,
 * final state, audit entry, inventory) on an in-memory PGlite. Goals: at least 3.5 times faster,
 * every row in a final state, peak memory (RSS) of the process under 300 MB.
 */
export async function didsImport(options: { rows?: number; latencyMs?: number; concurrency?: number } = {}): Promise<BenchResult> {
  const rows = options.rows ?? 1_000;
  const latencyMs = options.latencyMs ?? 50;
  const concurrency = options.concurrency ?? 4;
  const sim = await startSimulator({ port: 0, faults: { latencyMs } });
  const client = createVicidialClient({ url: sim.url, user: "6666", pass: "1234", maxInFlight: concurrency, timeoutMs: 30_000 });
  const open = await openDatabase("memory://");
  installDatabase(open);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
  const runner = createJobRunner({ operations: JOB_OPERATIONS, concurrency, client, exclusiveDatabase: true, pollMs: 250 });
  try {
    const pattern = (base: number, i: number) => String(base + i);
    const input = (didPattern: string) => ({ didPattern, didDescription: "Bench import", didRoute: "EXTEN" as const, extension: "8300" });

    const loopStarted = performance.now();
    for (let i = 0; i < rows; i += 1) {
      const result = await addDid(input(pattern(6_150_000_000, i)), { source: "bench" }, client);
      if (!result.ok) throw new Error(`sequential add_did failed: ${result.code} ${result.message}`);
    }
    const sequentialMs = performance.now() - loopStarted;

    const csv = ["did_pattern,description,route,extension", ...Array.from({ length: rows }, (_, i) => `${pattern(6_160_000_000, i)},Bench import,EXTEN,8300`)].join("\n");
    peakRss = process.memoryUsage().rss;
    const runnerStarted = performance.now();
    const created = await createJobFromFile(
      "dids",
      { text: csv, hasHeader: true, mapping: { didPattern: 0, description: 1, didRoute: 2, extension: 3 }, options: {} },
      { id: null, username: "bench", role: "admin" },
    );
    if (!created.ok) throw new Error(`job not created: ${created.dryRun.fileError ?? JSON.stringify(created.dryRun.fieldErrors)}`);
    await runner.start();
    for (;;) {
      const job = await getJob(open.db, created.jobId);
      if (job?.status === "completed") break;
      if (job?.status !== "running") throw new Error(`job ended ${job?.status}: ${job?.pauseReason ?? ""}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const runnerMs = performance.now() - runnerStarted;

    const counts = await rowCounts(open.db, created.jobId);
    const notFinal = counts.pending + counts.running;
    const [audited] = await open.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "did.add"));
    const inVicidial = sim.state.dids.filter((did) => did.did_pattern.startsWith("616")).length;
    return {
      metrics: {
        rows,
        latency_ms: latencyMs,
        concurrency,
        sequential_s: round(sequentialMs / 1000, 2),
        runner_s: round(runnerMs / 1000, 2),
        speedup: round(sequentialMs / runnerMs, 2),
        runner_time_vs_sequential: round(runnerMs / sequentialMs, 3),
        rows_done: counts.done,
        rows_not_final: notFinal,
        rows_missing_in_vicidial: rows - inVicidial,
        audit_entries: audited?.n ?? 0,
        peak_rss_mb: round(peakRss / 1024 / 1024, 1),
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
    await open.close();
    await sim.close();
  }
}
