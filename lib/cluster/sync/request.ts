import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { clusterSync } from "@/lib/db/schema";

/** "Sync now": asks whichever instance holds the sync lease for a full pass as soon as it can. */
export async function requestSync(): Promise<void> {
  const db = await getDb();
  await db
    .insert(clusterSync)
    .values({ id: "main", requestedAt: sql`now()` })
    .onConflictDoUpdate({ target: clusterSync.id, set: { requestedAt: sql`now()`, updatedAt: sql`now()` } });
}
