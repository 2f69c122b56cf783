import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { clusterSync } from "@/lib/db/schema";
import { SYNC_ROW } from "./state";

/**
 * One instance syncs at a time: the one whose name is in cluster_sync.lease_owner, until
 * lease_until. The holder renews it while it works; anyone takes it over once it expired (its
 * holder died or hung). One statement decides, so two instances can never both hold it.
 */
export async function takeLease(db: Db, owner: string, leaseMs: number): Promise<boolean> {
  const until = sql`now() + ${`${leaseMs} milliseconds`}::interval`;
  const rows = await db
    .insert(clusterSync)
    .values({ id: SYNC_ROW, leaseOwner: owner, leaseUntil: until })
    .onConflictDoUpdate({
      target: clusterSync.id,
      set: { leaseOwner: owner, leaseUntil: until },
      setWhere: sql`${clusterSync.leaseOwner} = ${owner} or ${clusterSync.leaseOwner} is null or ${clusterSync.leaseUntil} is null or ${clusterSync.leaseUntil} < now()`,
    })
    .returning({ owner: clusterSync.leaseOwner });
  return rows[0]?.owner === owner;
}

/** Hands the lease back on a clean stop, so another instance takes over at once. */
export async function releaseLease(db: Db, owner: string): Promise<void> {
  await db
    .update(clusterSync)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(clusterSync.id, SYNC_ROW), eq(clusterSync.leaseOwner, owner)));
}
