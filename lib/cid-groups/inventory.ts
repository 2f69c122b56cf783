import { asc, desc, eq, gt, ilike, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { pagePosition, sortKeys, tablePage, type KeysetPage, type ListTotal, type PagePosition, type SortDirection } from "@/lib/db/paging";
import { escapeLike } from "@/lib/db/search";
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
  dir?: SortDirection;
  /** The URL's keyset position (lib/db/paging.ts): cursors are group ids. */
  position?: PagePosition;
  pageSize?: number;
}

export const CID_GROUP_PAGE_SIZE = 25;

/** Each sort's keys, the id last as tie-breaker (a short list: the primary key alone serves it). */
const CID_GROUP_SORT_KEYS = {
  id: [sql`${cidGroups.id}`],
  entries: [...sortKeys(cidGroups.entryCount, true, sql`0`), sql`${cidGroups.id}`],
  lastRead: [...sortKeys(cidGroups.lastReadAt, true, sql`'epoch'`), sql`${cidGroups.id}`],
  updated: [...sortKeys(cidGroups.updatedAt, false), sql`${cidGroups.id}`],
} satisfies Record<CidGroupSort, SQL[]>;

/** A list view as the URL holds it; anything unknown falls back to the default. */
export function cidGroupListQuery(params: Record<string, string | undefined>): CidGroupListQuery {
  const sort = (CID_GROUP_SORTS as readonly string[]).includes(params.sort ?? "") ? (params.sort as CidGroupSort) : "id";
  return { q: params.q, sort, dir: params.dir === "desc" ? "desc" : "asc", position: pagePosition(params) };
}

const sameId = (id: string): SQL => sql`lower(${cidGroups.id}) = lower(${id})`;

/** One page of groups, searched and sorted in the database, at the URL's keyset position, with the capped count. */
export async function listCidGroups(query: CidGroupListQuery = {}): Promise<KeysetPage<KnownCidGroup> & { total: ListTotal }> {
  const where = query.q?.trim() ? ilike(cidGroups.id, `%${escapeLike(query.q.trim())}%`) : undefined;
  const list = { table: cidGroups, where, keys: CID_GROUP_SORT_KEYS[query.sort ?? "id"], cursorRow: (cursor: string) => eq(cidGroups.id, cursor) };
  return tablePage(await getDb(), list, { position: query.position ?? {}, dir: query.dir ?? "asc", size: query.pageSize ?? CID_GROUP_PAGE_SIZE, keyOf: (row) => row.id });
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
