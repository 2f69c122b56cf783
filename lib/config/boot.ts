import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadOrCreateAuthSecret } from "@/lib/config/auth-secret";
import { ensureDemoAdmin } from "@/lib/auth/users";
import { getDb } from "@/lib/db";
import { seedDemoInventory } from "@/lib/demo/seed-inventory";
import { startJobRunner } from "@/lib/jobs/runner/process-runner";
import { startClusterSync, stopClusterSync } from "@/lib/cluster/sync/start";
import { parseEnv, type Env } from "@/lib/config/env";
import { SIMULATOR_DEMO_CREDENTIALS, startSimulator } from "@/lib/simulator";
import { configureVicidial } from "@/lib/vicidial";
import { vicidialConfigFromEnv } from "@/lib/config/vicidial-env";

const holder = globalThis as typeof globalThis & { __vicidashBooted?: Promise<void> };

/** Start-up, once per process: configuration, database, simulator in demo mode, demo admin. */
export function boot(): Promise<void> {
  holder.__vicidashBooted ??= run();
  return holder.__vicidashBooted;
}

function readEnvOrExit(): Env {
  try {
    return parseEnv();
  } catch (error) {
    // One line naming the variable, then stop: a half-configured dashboard is worse than none.
    console.error((error as Error).message);
    process.exit(1);
  }
}

async function run(): Promise<void> {
  const env = readEnvOrExit();
  const dataDir = path.resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  process.env.AUTH_SECRET = env.AUTH_SECRET ?? loadOrCreateAuthSecret(dataDir);
  process.env.NEXTAUTH_SECRET = process.env.AUTH_SECRET;

  // VICIDIAL_SIMULATED with a URL: a simulator someone else started (the browser tests do).
  const demo = !env.VICIDIAL_URL || env.VICIDIAL_SIMULATED === "1";
  if (!env.VICIDIAL_URL) {
    // The demo seed is big enough to page through; a saved state file wins over it.
    const sim = await startSimulator({ stateFile: path.join(dataDir, "simulator.json"), seed: "demo" });
    // process.env is the one thing every Next bundle of this process shares.
    process.env.VICIDIAL_URL = sim.url;
    process.env.VICIDIAL_SIMULATED = "1";
    process.env.VICIDIAL_API_USER = SIMULATOR_DEMO_CREDENTIALS.user;
    process.env.VICIDIAL_API_PASS = SIMULATOR_DEMO_CREDENTIALS.pass;
    console.log(`▸ VICIdial: built-in simulator at ${sim.url} (set VICIDIAL_URL to use a real VICIdial)`);
  } else {
    console.log(`▸ VICIdial: ${new URL(env.VICIDIAL_URL).host}${demo ? " (simulator)" : ""}`);
  }

  configureVicidial(vicidialConfigFromEnv);

  const db = await getDb();
  console.log(`▸ Database: ${env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${path.join(dataDir, "pglite")}`}`);

  // Picks up bulk-job rows a previous process left pending.
  await startJobRunner();

  if (demo) {
    await seedDemoInventory(db);
    const password = rememberDemoPassword(dataDir, await ensureDemoAdmin({ password: env.DEMO_ADMIN_PASSWORD }));
    if (password) {
      console.log("");
      console.log("  ┌──────────────────────────────────────────────");
      console.log("  │ Demo admin. Sign in with:");
      console.log("  │   username: admin");
      console.log(`  │   password: ${password}  (until you change it)`);
      console.log("  └──────────────────────────────────────────────");
      console.log("");
    }
  }

  // After the demo seed: the first pass then finds the seeded rows and the simulator's equal.
  if (startClusterSync()) {
    console.log(`▸ Cluster sync: every ${env.VICIDIAL_SYNC_INTERVAL_S} s, first pass now`);
    stopSyncOnShutdown();
  }
}

/**
 * A stop signal cuts the pass in progress off between two pages (nothing is deleted) and hands
 * the lease to another instance. Next exits on its own after its clean-up; a process without
 * such a handler exits once the sync stopped.
 */
function stopSyncOnShutdown(): void {
  for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]] as const) {
    process.once(signal, () => {
      void stopClusterSync().finally(() => {
        if (process.listenerCount(signal) === 0) process.exit(code);
      });
    });
  }
}

/**
 * The demo admin's password is generated once; keeping it beside the demo data lets every start
 * print the login again (demo mode only: a real deployment creates users with user:create).
 */
function rememberDemoPassword(dataDir: string, created: string | null): string | null {
  const file = path.join(dataDir, "demo-admin-password");
  if (created) writeFileSync(file, `${created}\n`, { mode: 0o600 });
  return created ?? (existsSync(file) ? readFileSync(file, "utf8").trim() : null);
}
