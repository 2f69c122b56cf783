import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** E2E_DEV=1 runs the specs against `next dev` (compiles pages on demand) while developing. */
export const devMode = process.env.E2E_DEV === "1";

export function ensureProductionBuild(distDir: string): void {
  if (devMode) return;
  if (process.env.E2E_SKIP_BUILD && existsSync(path.join(distDir, "BUILD_ID"))) return;
  const res = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: distDir } });
  if (res.status !== 0) throw new Error("next build failed");
}

export interface DashboardServer {
  url: string;
  dataDir: string;
  logFile: string;
  /** The process group leader (`npm start`'s script); `next start` runs in the same group. */
  pid: number;
  /** SIGTERM, as an operator's stop; SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** SIGKILL to the whole process group, as a crash or `kill -9` would: nothing is flushed. */
  kill(): Promise<void>;
}

/**
 * The production server exactly as `npm start` runs it (scripts/start.mjs, which starts `next
 * start`), in a process group of its own, on a free loopback port; resolves once it answers.
 * PGlite in a fresh data directory unless `env` sets DATABASE_URL.
 */
export async function startDashboard(env: Record<string, string>, options: { dataDir?: string } = {}): Promise<DashboardServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "vicidash-e2e-"));
  const logFile = path.join(dataDir, `server-${port}.log`);
  const log = createWriteStream(logFile);
  const url = `http://127.0.0.1:${port}`;
  const command = devMode ? ["node_modules/next/dist/bin/next", "dev", "-p", String(port), "-H", "127.0.0.1"] : ["scripts/start.mjs"];
  const child: ChildProcess = spawn(process.execPath, command, {
    env: { ...process.env, DATABASE_URL: "", ...env, DATA_DIR: dataDir, NEXTAUTH_URL: url, PORT: String(port), HOSTNAME: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  // A test run that dies must not leave servers behind (they are in their own process group).
  const orphanGuard = () => killGroup("SIGKILL");
  process.once("exit", orphanGuard);
  void exited.then(() => process.off("exit", orphanGuard));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const deadline = Date.now() + (devMode ? 240_000 : 90_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dashboard exited with ${child.exitCode}; see ${logFile}`);
    try {
      const res = await fetch(`${url}/login`, { redirect: "manual" });
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      killGroup("SIGKILL");
      throw new Error(`dashboard did not answer in time; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    logFile,
    pid: child.pid!,
    stop() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      killGroup("SIGTERM");
      setTimeout(() => killGroup("SIGKILL"), 5_000).unref();
      return exited;
    },
    kill() {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      killGroup("SIGKILL");
      return exited;
    },
  };
}
