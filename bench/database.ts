import { installDatabase } from "@/lib/db";
import type { Db, OpenDb } from "@/lib/db/client";
import { scratchDatabase } from "@/lib/db/scratch";
import { round } from "./stats";

/**
 * The bench's own database, removed afterwards: on the PostgreSQL server BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL) names, else PGlite in a new data directory, created as the server creates
 * ./data on its first start.
 */
export function benchDatabase(): Promise<OpenDb> {
  return scratchDatabase({ prefix: "vicidash_bench", server: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL });
}

/**
 * A list bench's frame: a bench database installed as the app's, filled by `fill` (timed: its
 * seconds go to `run`), uninstalled and removed afterwards.
 */
export async function withFilledBenchDatabase<T>(fill: (db: Db) => Promise<void>, run: (db: Db, fillSeconds: number) => Promise<T>): Promise<T> {
  const open = await benchDatabase();
  installDatabase(open);
  try {
    const filled = Date.now();
    await fill(open.db);
    return await run(open.db, round((Date.now() - filled) / 1000, 1));
  } finally {
    installDatabase(undefined);
    await open.close();
  }
}
