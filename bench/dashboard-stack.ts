import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { installDatabase } from "@/lib/db";
import { scratchDatabase } from "@/lib/db/scratch";
import { startDashboard, type DashboardServer } from "../e2e/support/server";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../process-tests/support/postgres";
import { dashboardSettings } from "../process-tests/support/stack";

/**
 * A dashboard process (the production build in NEXT_DIST_DIR, as `npm start` runs it) and this
 * process on one PostgreSQL database (BENCH_DATABASE_URL or TEST_DATABASE_URL, else a throwaway
 * server started here), installed as this process's database, with the simulator behind it.
 */
export async function startBenchStack(options: { prefix: string; latencyMs?: number }) {
  let pg: ThrowawayPostgres | undefined;
  let server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!server) {
    pg = startThrowawayPostgres();
    server = pg.url;
  }
  const database = await scratchDatabase({ prefix: options.prefix, server });
  installDatabase(database);
  const sim = await startSimulatorProcess(options.latencyMs ?? 0);
  const settings = dashboardSettings({ databaseUrl: database.location, simulatorUrl: sim.url, adminPassword: `Bench-${randomBytes(9).toString("base64url")}` });
  // BENCH_PROFILE_DIR: the server writes a V8 CPU profile there when it stops (where a page's time goes).
  const profiled: Record<string, string> = process.env.BENCH_PROFILE_DIR ? { NODE_OPTIONS: `--import ${pathToFileURL(path.resolve("bench/cpu-profile.mjs")).href}` } : {};
  const dashboard: DashboardServer = await startDashboard({ ...settings, ...profiled });
  return {
    database,
    dashboard,
    async close() {
      await dashboard.stop();
      await sim.close();
      installDatabase(undefined);
      await database.close();
      pg?.destroy();
    },
  };
}

/**
 * The simulator in a process of its own (scripts/simulator.ts), as VICIdial is a server of its
 * own: in this process its answers waited behind the load generator's work, which a job's
 * throughput under load then counted against the dashboard.
 */
async function startSimulatorProcess(latencyMs: number): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/simulator.ts", "--port", "0", "--latency-ms", String(latencyMs)], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A bench that dies must not leave it behind.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  void exited.then(() => process.off("exit", orphanGuard));
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the simulator exited with ${code} before it listened`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const listening = /listening on (\S+)/.exec(line);
      if (listening) resolve(listening[1]!);
    });
  });
  return {
    url,
    async close() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
