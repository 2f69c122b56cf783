import "server-only";
import { clusterReader } from "@/lib/cluster/reader";
import { getDb } from "@/lib/db";
import { env } from "@/lib/config/env";
import { createSyncLoop, type SyncLoop } from "./loop";

const holder = globalThis as typeof globalThis & { __vicidashSyncLoop?: SyncLoop };

/**
 * Starts this process's sync loop when the dashboard can read VICIdial's database (or the
 * simulator's state in demo mode); the first pass runs at once. Once per process.
 */
export function startClusterSync(): SyncLoop | null {
  if (holder.__vicidashSyncLoop) return holder.__vicidashSyncLoop;
  const reader = clusterReader();
  if (!reader) return null;
  const loop = createSyncLoop({ db: getDb, reader, intervalMs: env().VICIDIAL_SYNC_INTERVAL_S * 1000 });
  loop.start();
  holder.__vicidashSyncLoop = loop;
  return loop;
}

/** On shutdown: the pass in progress stops between pages (deleting nothing) and the lease is handed back. */
export async function stopClusterSync(): Promise<void> {
  const loop = holder.__vicidashSyncLoop;
  holder.__vicidashSyncLoop = undefined;
  await loop?.stop();
}
