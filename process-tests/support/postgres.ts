import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * A PostgreSQL cluster these tests own, so they may stop and restart it (the server CI shares
 * with the other suites must not go away under them). Started with .ci/start-postgres.sh; no
 * PostgreSQL binaries means a loud failure, never a skip.
 */
export interface ThrowawayPostgres {
  /** Admin URL (database `postgres`). */
  url: string;
  /** `pg_ctl stop -m fast`: clients are disconnected, transactions in progress roll back. */
  stop(): void;
  /** Starts it again with the options it was first started with. */
  start(): void;
  /** `pg_ctl restart -m fast`. */
  restart(): void;
  /** Stops it for good and deletes its files. */
  destroy(): void;
}

function pgBin(): string {
  const found = spawnSync("bash", ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1"], { encoding: "utf8" });
  const dir = found.stdout.trim();
  if (found.status !== 0 || !dir) {
    throw new Error("PostgreSQL binaries not found under /usr/lib/postgresql: install them (apt-get install postgresql). The process tests need a PostgreSQL they can restart; they do not skip.");
  }
  return dir;
}

export function startThrowawayPostgres(): ThrowawayPostgres {
  const bin = pgBin();
  const started = spawnSync("bash", [".ci/start-postgres.sh"], { encoding: "utf8", env: { ...process.env, PGPORT_TEST: "55400" } });
  if (started.status !== 0) throw new Error(`.ci/start-postgres.sh failed: ${started.stderr}`);
  const value = (name: string) => {
    const match = new RegExp(`export ${name}=(\\S+)`).exec(started.stdout);
    if (!match?.[1]) throw new Error(`.ci/start-postgres.sh printed no ${name}: ${started.stdout}`);
    return match[1];
  };
  const url = value("TEST_DATABASE_URL");
  const dataDir = value("TEST_PG_DATA_DIR");
  const logFile = path.join(path.dirname(dataDir), "log");
  // PostgreSQL refuses to run as root: the script made the cluster postgres's.
  const asOwner = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  // The server's own command line, kept by PostgreSQL: `start` after `stop` reuses its options.
  // postmaster.opts: the binary, then every argument quoted; -D is given to pg_ctl itself.
  const args = readFileSync(path.join(dataDir, "postmaster.opts"), "utf8").trim().split(/\s+(?=")/).slice(1);
  const options = args.filter((arg, i) => arg !== '"-D"' && args[i - 1] !== '"-D"').join(" ");
  const pgCtl = (...args: string[]) => {
    const [cmd, ...rest] = [...asOwner, path.join(bin, "pg_ctl"), "-D", dataDir, ...args];
    const res = spawnSync(cmd!, rest, { encoding: "utf8" });
    if (res.status !== 0) throw new Error(`pg_ctl ${args.join(" ")} failed: ${res.stderr}${res.stdout}`);
  };
  return {
    url,
    stop: () => pgCtl("-w", "-m", "fast", "stop"),
    start: () => pgCtl("-w", "-l", logFile, "-o", options, "start"),
    restart: () => pgCtl("-w", "-m", "fast", "-l", logFile, "restart"),
    destroy() {
      try {
        pgCtl("-m", "immediate", "stop");
      } catch {
        // already stopped
      }
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  };
}
