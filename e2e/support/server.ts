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
  stop(): Promise<void>;
}

/** `next start` on a free loopback port with a fresh data directory; resolves once it answers. */
export async function startDashboard(env: Record<string, string>): Promise<DashboardServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "vicidash-e2e-"));
  const logFile = path.join(dataDir, "server.log");
  const log = createWriteStream(logFile);
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", devMode ? "dev" : "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, DATA_DIR: dataDir, NEXTAUTH_URL: url, PORT: String(port), DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
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
    if (Date.now() > deadline) throw new Error(`dashboard did not answer in time; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
