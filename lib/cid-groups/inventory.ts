import { asc, count, desc, eq, gt, ilike, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { cidGroups } from "@/lib/db/schema";

/**
 * The CID groups (and campaigns) the dashboard knows. VICIdial's API can neither list nor create
 * them, so a group gets here only after an INFO read found it; the entry count is the one of the
 * last INFO read. VICIdial compares group ids without regard to case, and so does this list.
 */
export type KnownCidGroup = typeof cidGroups.$inferSelect;

export const CID_GROUP_SORTS = ["id", "entries", "lastRead", "updated"] as const;
export type CidGroupSort = (typeof CID_GROUP_SORTS)[number];

export interface CidGroupListQuery {
  /** Part of the group id. */
  q?: string;
  sort?: CidGroupSort;
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
}

export const CID_GROUP_PAGE_SIZE = 25;

const sortColumns = {
  id: cidGroups.id,
  entries: cidGroups.entryCount,
  lastRead: cidGroups.lastReadAt,
  updated: cidGroups.updatedAt,
} as const;

const sameId = (id: string): SQL => sql`lower(${cidGroups.id}) = lower(${id})`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listCidGroups(query: CidGroupListQuery = {}): Promise<{ rows: KnownCidGroup[]; total: number }> {
  const db = await getDb();
  const pageSize = query.pageSize ?? CID_GROUP_PAGE_SIZE;
  const page = Math.max(1, query.page ?? 1);
  const where = query.q?.trim() ? ilike(cidGroups.id, `%${escapeLike(query.q.trim())}%`) : undefined;
  const column = sortColumns[query.sort ?? "id"];
  const order = query.dir === "desc" ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(cidGroups)
      .where(where)
      .orderBy(order, asc(cidGroups.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(cidGroups).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function getCidGroup(id: string): Promise<KnownCidGroup | null> {
  const db = await getDb();
  const [row] = await db.select().from(cidGroups).where(sameId(id)).orderBy(desc(eq(cidGroups.id, id))).limit(1);
  return row ?? null;
}

/** After VICIdial's INFO confirmed the group exists (with `entryCount` entries). */
export async function upsertCidGroup(row: { id: string; entryCount: number; idleEntryCount?: number; updatedBy: string }): Promise<KnownCidGroup> {
  const db = await getDb();
  const existing = await getCidGroup(row.id);
  const now = new Date();
  const values = { entryCount: row.entryCount, idleEntryCount: row.idleEntryCount ?? null, lastReadAt: now, updatedAt: now, updatedBy: row.updatedBy };
  const [saved] = existing
    ? await db.update(cidGroups).set(values).where(eq(cidGroups.id, existing.id)).returning()
    : await db
        .insert(cidGroups)
        .values({ id: row.id, ...values })
        .onConflictDoUpdate({ target: cidGroups.id, set: values })
        .returning();
  if (!saved) throw new Error(`CID group ${row.id} was not saved`);
  return saved;
}

/**
 * Any INFO read refreshes the count of a group already on the list; it never adds one (only
 * a deliberate add does). Returns whether the group is on the list.
 */
export async function recordCidEntryCount(id: string, entryCount: number, idleEntryCount: number | null = null): Promise<boolean> {
  const db = await getDb();
  const updated = await db.update(cidGroups).set({ entryCount, idleEntryCount, lastReadAt: new Date() }).where(sameId(id)).returning({ id: cidGroups.id });
  return updated.length > 0;
}

/** How many of a group's entries had no call today, from one INFO read of the whole group. */
export function idleEntries(rows: readonly { callCountToday: number }[]): number {
  return rows.filter((row) => row.callCountToday === 0).length;
}

/** Takes the group off the dashboard's list (VICIdial is not touched). Returns the removed row. */
export async function removeCidGroup(id: string): Promise<KnownCidGroup | null> {
  const db = await getDb();
  const [removed] = await db.delete(cidGroups).where(sameId(id)).returning();
  return removed ?? null;
}

/** Groups whose last read found entries without a call today, most idle first. */
export async function cidGroupsWithIdleEntries(limit = 20): Promise<KnownCidGroup[]> {
  const db = await getDb();
  return db.select().from(cidGroups).where(gt(cidGroups.idleEntryCount, 0)).orderBy(desc(cidGroups.idleEntryCount), asc(cidGroups.id)).limit(limit);
}
