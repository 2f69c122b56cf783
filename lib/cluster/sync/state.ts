import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { clusterSync } from "@/lib/db/schema";

/** The sync's one state row (cluster_sync 'main'), shared by every instance on this database. */
export const SYNC_ROW = "main";
export type SyncState = typeof clusterSync.$inferSelect;

export async function syncState(db: Db): Promise<SyncState> {
  await db.insert(clusterSync).values({ id: SYNC_ROW }).onConflictDoNothing();
  const [row] = await db.select().from(clusterSync).where(eq(clusterSync.id, SYNC_ROW));
  return row!;
}

/** A full pass starts: its number, and whether this database ever completed one. */
export async function beginPass(db: Db): Promise<{ pass: number; startedAt: Date; firstImport: boolean; cursor: number }> {
  await syncState(db);
  const startedAt = new Date();
  const [row] = await db
    .update(clusterSync)
    .set({ pass: sql`${clusterSync.pass} + 1`, lastStartedAt: startedAt, updatedAt: startedAt })
    .where(eq(clusterSync.id, SYNC_ROW))
    .returning();
  return { pass: row!.pass, startedAt, firstImport: row!.syncedAt === null, cursor: row!.adminLogCursor };
}

export interface PassOutcome {
  startedAt: Date;
  ok: boolean;
  error: string | null;
  counts: Record<string, number> | null;
  accountCanWrite: boolean | null;
}

/**
 * A pass ended. A completed one makes the lists complete as of its start and answers the
 * "Sync now" requests made before it started; a failed one keeps the last counts and "as of".
 */
export async function finishPass(db: Db, outcome: PassOutcome): Promise<void> {
  const finishedAt = new Date();
  const started = outcome.startedAt.toISOString();
  await db
    .update(clusterSync)
    .set({
      lastFinishedAt: finishedAt,
      lastOk: outcome.ok,
      lastError: outcome.error,
      lastDurationMs: finishedAt.getTime() - outcome.startedAt.getTime(),
      ...(outcome.ok ? { counts: outcome.counts, syncedAt: outcome.startedAt } : {}),
      ...(outcome.accountCanWrite === null ? {} : { accountCanWrite: outcome.accountCanWrite }),
      requestedAt: outcome.ok ? sql`case when ${clusterSync.requestedAt} <= ${started}::timestamptz then null else ${clusterSync.requestedAt} end` : clusterSync.requestedAt,
      updatedAt: finishedAt,
    })
    .where(eq(clusterSync.id, SYNC_ROW));
}

/**
 * The admin log was applied up to `cursor`. `asOf` (the moment the reading began) moves the
 * lists' "as of" on, once a completed pass made them complete.
 */
export async function saveCursor(db: Db, cursor: number, asOf: Date | null): Promise<void> {
  await db
    .update(clusterSync)
    .set({
      adminLogCursor: cursor,
      ...(asOf ? { syncedAt: sql`case when ${clusterSync.syncedAt} is null then null else greatest(${clusterSync.syncedAt}, ${asOf.toISOString()}::timestamptz) end` } : {}),
      updatedAt: new Date(),
    })
    .where(eq(clusterSync.id, SYNC_ROW));
}
