import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { clusterSync } from "@/lib/db/schema";
import { parseEnv } from "@/lib/config/env";
import { clusterReadsEnabled } from "./reader";
import { staleness, type SyncStatus } from "./sync-status";

export type { SyncStatus, ListStaleness } from "./sync-status";

/** Whether this process reads VICIdial's database (or the simulator's state); a broken reader setting reads as "not configured". */
export function clusterReadsConfigured(): boolean {
  try {
    return clusterReadsEnabled();
  } catch (error) {
    console.error("cluster reader could not be set up", error instanceof Error ? error.message : error);
    return false;
  }
}

/**
 * How the cluster sync stands, for the overview's card, the lists' banner and the "Sync now"
 * poll: one read of the shared `cluster_sync` row, plus whether reads are configured at all.
 */
export async function getSyncStatus(now: Date = new Date()): Promise<SyncStatus> {
  const env = parseEnv();
  const configured = clusterReadsConfigured();
  const db = await getDb();
  const [row] = await db.select().from(clusterSync).where(eq(clusterSync.id, "main")).limit(1);
  const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);
  const status: Omit<SyncStatus, "stale"> = {
    configured,
    source: env.VICIDIAL_DB_URL ? "database" : configured ? "simulator" : null,
    intervalS: env.VICIDIAL_SYNC_INTERVAL_S,
    pass: row?.pass ?? 0,
    lastStartedAt: iso(row?.lastStartedAt),
    lastFinishedAt: iso(row?.lastFinishedAt),
    syncedAt: iso(row?.syncedAt),
    lastOk: row?.lastOk ?? null,
    lastError: row?.lastError ?? null,
    lastDurationMs: row?.lastDurationMs ?? null,
    counts: row?.counts ?? null,
    accountCanWrite: row?.accountCanWrite ?? false,
    requestedAt: iso(row?.requestedAt),
    // A pass whose instance died leaves its start without a finish: running only while its lease holds.
    running: !!row?.lastStartedAt && (!row.lastFinishedAt || row.lastStartedAt > row.lastFinishedAt) && !!row.leaseUntil && row.leaseUntil > now,
    checkedAt: now.toISOString(),
  };
  return { ...status, stale: staleness(status, now) };
}
