import type { OpenDb } from "@/lib/db/client";
import { scratchDatabase } from "@/lib/db/scratch";

/**
 * The bench's own database, removed afterwards: on the PostgreSQL server BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL) names, else PGlite in a new data directory, created as the server creates
 * ./data on its first start.
 */
export function benchDatabase(): Promise<OpenDb> {
  return scratchDatabase({ prefix: "vicidash_bench", server: process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL });
}
