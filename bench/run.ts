import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * `npm run bench`: runs every bench in BENCHES (or those named on the command line), prints a
 * table and writes the figures to bench/results/. Add a bench by adding an entry to BENCHES.
 */
export interface BenchResult {
  metrics: Record<string, number>;
  /** Targets to check, such as the client's median overhead. */
  goals?: { metric: string; atMost: number }[];
}

interface Bench {
  name: string;
  run(): Promise<BenchResult>;
}

const BENCHES: Bench[] = [
  {
    name: "client-overhead",
    run: async () => (await import("./client-overhead")).clientOverhead(),
  },
  { name: "dids-list", run: async () => (await import("./dids-list")).didsList() },
  { name: "phones-list", run: async () => (await import("./phones-list")).phonesList() },
  { name: "dids-import", run: async () => (await import("./dids-import")).didsImport() },
  // VICIdial's tables on MariaDB (TEST_MARIADB_ADMIN_URL, else a throwaway server): the sync benchmark's seed.
  { name: "cluster-seed", run: async () => (await import("./cluster-seed-bench")).clusterSeedBench() },
  // MariaDB (TEST_MARIADB_ADMIN_URL, or a throwaway one it starts) with 1.3 million calls.
  { name: "calls", run: async () => (await import("./calls")).callsBench() },
  // MariaDB (TEST_MARIADB_ADMIN_URL, or a throwaway server started here); PostgreSQL too when TEST_DATABASE_URL is set.
  { name: "cluster-sync", run: async () => (await import("./cluster-sync")).clusterSyncBench() },
  // Needs the production build (NEXT_DIST_DIR, default .next-e2e) and PostgreSQL binaries or a server URL.
  { name: "load", run: async () => (await import("./load")).loadBench() },
  // Each list page's server time alone against its query alone: needs the production build, as load does.
  { name: "pages", run: async () => (await import("./pages")).pagesBench() },
  // The production build (NEXT_DIST_DIR, default .next-e2e) in Chromium; PostgreSQL as for "load".
  { name: "bundle", run: async () => (await import("./bundle")).bundleBench() },
];

/**
 * Server modules start with `import "server-only"`, which only resolves to an empty module under
 * the `react-server` condition (as inside Next). Re-run this script under it.
 */
const SERVER_CONDITION = "--conditions=react-server";

function rerunWithServerCondition(): never {
  const child = spawnSync(process.execPath, [SERVER_CONDITION, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

function printTable(rows: { bench: string; metric: string; value: number; goal: string }[]): void {
  const headers = ["bench", "metric", "value", "goal"];
  const cells = rows.map((row) => [row.bench, row.metric, String(row.value), row.goal]);
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (values: string[]) => values.map((value, column) => value.padEnd(widths[column]!)).join("  ");
  console.log(line(headers));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const cell of cells) console.log(line(cell));
}

async function main(): Promise<void> {
  if (!process.execArgv.includes(SERVER_CONDITION)) rerunWithServerCondition();
  const wanted = process.argv.slice(2);
  const selected = wanted.length > 0 ? BENCHES.filter((bench) => wanted.includes(bench.name)) : BENCHES;
  const results: Record<string, BenchResult> = {};
  const rows: { bench: string; metric: string; value: number; goal: string }[] = [];
  let missedGoal = false;

  for (const bench of selected) {
    console.log(`▸ ${bench.name}…`);
    const result = await bench.run();
    results[bench.name] = result;
    for (const [metric, value] of Object.entries(result.metrics)) {
      const goal = result.goals?.find((g) => g.metric === metric);
      const met = goal === undefined || value <= goal.atMost;
      if (!met) missedGoal = true;
      rows.push({ bench: bench.name, metric, value, goal: goal ? `≤ ${goal.atMost} ${met ? "ok" : "MISSED"}` : "" });
    }
  }

  printTable(rows);
  const directory = path.join(process.cwd(), "bench", "results");
  mkdirSync(directory, { recursive: true });
  const report = { at: new Date().toISOString(), node: process.version, results };
  const file = path.join(directory, `bench-${report.at.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(directory, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten to ${path.relative(process.cwd(), file)}`);
  if (missedGoal) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
