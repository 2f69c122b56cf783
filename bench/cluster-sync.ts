import { count, eq, like } from "drizzle-orm";
import { createMysqlReader } from "@/lib/cluster/mysql-reader";
import { followAdminLog } from "@/lib/cluster/sync/admin-log";
import { runFullPass } from "@/lib/cluster/sync/full-pass";
import { syncState } from "@/lib/cluster/sync/state";
import { scratchVicidialDb, type ScratchVicidialDb } from "@/lib/cluster/testing/mariadb";
import { installDatabase } from "@/lib/db";
import { dids } from "@/lib/db/schema";
import type { OpenDb } from "@/lib/db/client";
import { scratchDatabase } from "@/lib/db/scratch";
import { FULL_CLUSTER, seedCluster, seededDidPattern } from "./cluster-seed";
import { didListGoals, didListViews } from "./dids-list";
import { benchMariadb } from "./mariadb";
import type { BenchResult } from "./run";
import { round } from "./stats";

/**
 * The cluster sync over a full-size cluster on MariaDB (100,000 DIDs, 20,000 phones, 2,000
 * aliases, 50 CID groups of 200 entries): the first full sync (the import) and a second full
 * pass with nothing changed, each with its peak RSS growth; 100 changes picked up from the admin
 * log; then the DID list's views over the synced rows. On PGlite, and on PostgreSQL too when
 * TEST_DATABASE_URL (or BENCH_DATABASE_URL) names a server.
 */
export async function clusterSyncBench(): Promise<BenchResult> {
  const server = benchMariadb();
  const metrics: Record<string, number> = {};
  const goals: BenchResult["goals"] = [];
  try {
    const cluster = await scratchVicidialDb();
    try {
      metrics.seed_seconds = round((await seedCluster(cluster, FULL_CLUSTER)).seconds, 1);
      const postgres = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
      const backends: [string, string | undefined][] = [["pglite", undefined], ...(postgres ? ([["postgres", postgres]] as [string, string][]) : [])];
      for (const [name, url] of backends) {
        const open = await scratchDatabase({ prefix: "vicidash_bench", server: url });
        installDatabase(open);
        try {
          Object.assign(metrics, prefixed(`${name}_`, await syncFigures(open, cluster)));
          goals.push(
            { metric: `${name}_full_sync_seconds`, atMost: 15 },
            { metric: `${name}_full_sync_rss_growth_mb`, atMost: 150 },
            { metric: `${name}_second_pass_rss_growth_mb`, atMost: 150 },
            { metric: `${name}_admin_log_100_changes_ms`, atMost: 1000 },
            ...didListGoals(`${name}_`),
          );
          // The changes the admin-log step made are undone for the next backend's import.
          await cluster.exec("UPDATE vicidial_inbound_dids SET did_description = CONCAT('DID ', did_id) WHERE did_description LIKE 'Changed %'");
        } finally {
          installDatabase(undefined);
          await open.close();
        }
      }
    } finally {
      await cluster.drop();
    }
  } finally {
    server.stop();
  }
  return { metrics, goals };
}

function prefixed(prefix: string, figures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [`${prefix}${key}`, value]));
}

/** Runs `work`, sampling the process's RSS; its peak growth over the RSS at the start, in MB. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; growthMb: number; seconds: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: round((peak - baseline) / 1024 / 1024, 1), seconds: round((performance.now() - started) / 1000, 2) };
  } finally {
    clearInterval(sampler);
  }
}

async function syncFigures(open: OpenDb, cluster: ScratchVicidialDb): Promise<Record<string, number>> {
  const reader = createMysqlReader(cluster.url);
  try {
    const first = await withPeakRss(() => runFullPass(open.db, reader));
    if (!first.result.ok) throw new Error(`the first pass failed: ${first.result.error}`);
    const second = await withPeakRss(() => runFullPass(open.db, reader));
    if (!second.result.ok) throw new Error(`the second pass failed: ${second.result.error}`);

    // 100 DIDs changed in VICIdial's admin, each with its admin-log row.
    await cluster.exec("UPDATE vicidial_inbound_dids SET did_description = CONCAT('Changed ', did_id) WHERE did_id BETWEEN 50001 AND 50100");
    await cluster.insert(
      "vicidial_admin_log",
      Array.from({ length: 100 }, (_, i) => ({
        event_date: "2026-03-02 10:00:00",
        user: "6666",
        ip_address: "10.0.0.9",
        event_section: "DIDS",
        event_type: "MODIFY",
        record_id: String(50_001 + i),
        event_code: "ADMIN MODIFY DID",
        event_sql: "",
        event_notes: "",
      })),
    );
    const { adminLogCursor } = await syncState(open.db);
    const started = performance.now();
    const followed = await followAdminLog(open.db, reader, { cursor: adminLogCursor });
    const followMs = performance.now() - started;
    const [{ changed } = { changed: 0 }] = await open.db.select({ changed: count() }).from(dids).where(like(dids.description, "Changed %"));
    if (followed.reread !== 100 || changed !== 100) throw new Error(`the admin log step applied ${changed} of 100 changes`);
    if ((await open.db.select().from(dids).where(eq(dids.didPattern, seededDidPattern(FULL_CLUSTER.dids)))).length !== 1) throw new Error("the last DID was not synced");

    return {
      full_sync_seconds: first.seconds,
      full_sync_rss_growth_mb: first.growthMb,
      second_pass_seconds: second.seconds,
      second_pass_rss_growth_mb: second.growthMb,
      admin_log_100_changes_ms: round(followMs, 1),
      dids: first.result.counts.dids ?? 0,
      phones: first.result.counts.phones ?? 0,
      ...(await didListViews(20)),
    };
  } finally {
    await reader.close();
  }
}
