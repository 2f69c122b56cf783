import { asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { pagePosition, tablePage, tableRows, type KeysetPage, type ListTotal, type PagePosition, type SortDirection, type TableList } from "@/lib/db/paging";
import { escapeLike } from "@/lib/db/search";
import { phoneAliases } from "@/lib/db/schema";

/**
 * The phone aliases the dashboard knows, written only after VICIdial confirmed an add or a
 * change and removed only after it confirmed a delete. The logins are kept comma-joined in
 * VICIdial's order. Alias IDs compare without regard to case, as in VICIdial's MySQL.
 */
export type AliasRow = typeof phoneAliases.$inferSelect;

export const ALIAS_SORTS = ["id", "name", "logins", "updated"] as const;
export type AliasSort = (typeof ALIAS_SORTS)[number];

export interface AliasListQuery {
  /** Part of the alias ID, the name or a login. */
  q?: string;
  sort?: AliasSort;
  dir?: SortDirection;
  /** The URL's keyset position (lib/db/paging.ts): cursors are alias IDs. */
  position?: PagePosition;
  pageSize?: number;
}

export const ALIAS_PAGE_SIZE = 25;

/** Each sort's keys, the alias ID last as tie-breaker; each has an index on exactly these keys (lib/db/schema/inventory.ts). */
const ALIAS_SORT_KEYS = {
  id: [sql`${phoneAliases.aliasId}`],
  name: [sql`${phoneAliases.aliasName}`, sql`${phoneAliases.aliasId}`],
  logins: [sql`${phoneAliases.phoneLogins}`, sql`${phoneAliases.aliasId}`],
  updated: [sql`${phoneAliases.updatedAt}`, sql`${phoneAliases.aliasId}`],
} satisfies Record<AliasSort, SQL[]>;

export function isAliasSort(value: string | undefined): value is AliasSort {
  return (ALIAS_SORTS as readonly string[]).includes(value ?? "");
}

/** A list view as the URL holds it (the page and its export); anything unknown falls back to the default. */
export function aliasListQuery(params: Record<string, string | undefined>): AliasListQuery {
  return { q: params.q, sort: isAliasSort(params.sort) ? params.sort : "id", dir: params.dir === "desc" ? "desc" : "asc", position: pagePosition(params) };
}

const sameId = (id: string): SQL => sql`lower(${phoneAliases.aliasId}) = lower(${id})`;

function aliasList(query: AliasListQuery): TableList<typeof phoneAliases> {
  const q = query.q?.trim();
  const pattern = q ? `%${escapeLike(q)}%` : "";
  const where = q ? or(ilike(phoneAliases.aliasId, pattern), ilike(phoneAliases.aliasName, pattern), ilike(phoneAliases.phoneLogins, pattern)) : undefined;
  return { table: phoneAliases, where, keys: ALIAS_SORT_KEYS[query.sort ?? "id"], cursorRow: (cursor) => eq(phoneAliases.aliasId, cursor) };
}

/** One page of aliases, searched and sorted in the database, at the URL's keyset position, with the capped count. */
export async function listAliases(query: AliasListQuery = {}): Promise<KeysetPage<AliasRow> & { total: ListTotal }> {
  return tablePage(await getDb(), aliasList(query), { position: query.position ?? {}, dir: query.dir ?? "asc", size: query.pageSize ?? ALIAS_PAGE_SIZE, keyOf: (row) => row.aliasId });
}

/** The `limit` aliases of the view that follow `after` (from the start without), for an export. */
export async function aliasesAfter(query: AliasListQuery, after: AliasRow | undefined, limit: number): Promise<AliasRow[]> {
  return tableRows(await getDb(), aliasList(query), after?.aliasId, query.dir ?? "asc", limit);
}

export async function getAlias(id: string): Promise<AliasRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(phoneAliases).where(sameId(id)).limit(1);
  return row ?? null;
}

/** After VICIdial confirmed an add or a change; an existing row keeps its ID's spelling. */
export async function upsertAlias(record: { aliasId: string; aliasName: string; phoneLogins: string; updatedBy: string }): Promise<AliasRow> {
  const db = await getDb();
  const existing = await getAlias(record.aliasId);
  const values = { ...record, aliasId: existing?.aliasId ?? record.aliasId, updatedAt: new Date() };
  const [saved] = await db.insert(phoneAliases).values(values).onConflictDoUpdate({ target: phoneAliases.aliasId, set: values }).returning();
  if (!saved) throw new Error(`Alias ${record.aliasId} was not saved`);
  return saved;
}

/** After VICIdial confirmed the delete. Returns the removed row. */
export async function removeAlias(id: string): Promise<AliasRow | null> {
  const db = await getDb();
  const [removed] = await db.delete(phoneAliases).where(sameId(id)).returning();
  return removed ?? null;
}

/** Known aliases that list `login`, so a phone's page can say which aliases ring it. */
export async function aliasesWithLogin(login: string): Promise<AliasRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(phoneAliases)
    .where(sql`lower(',' || ${phoneAliases.phoneLogins} || ',') like ${`%,${escapeLike(login.toLowerCase())},%`}`)
    .orderBy(asc(phoneAliases.aliasId));
}
