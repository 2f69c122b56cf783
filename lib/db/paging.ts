import { and, sql, type SQL } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client";

/**
 * Keyset ("seek") pagination: a page starts after (or ends before) a cursor row instead of
 * skipping OFFSET rows, so a deep page costs what the first one does. The cursor is the row's key
 * in the URL (readable, no encoding); its sort values are read in the same statement by scalar
 * subqueries, which PostgreSQL runs once and uses as index bounds.
 */

export type SortDirection = "asc" | "desc";

/**
 * The ORDER BY keys for a column, unique together with the row's key. A nullable column sorts
 * its nulls last ascending and first descending (PostgreSQL's default) through a leading
 * `is null` key; the value itself is coalesced so a row comparison never meets a null. Each list
 * has an index on exactly these keys (lib/db/schema).
 */
export function sortKeys(column: unknown, nullable: boolean, empty?: SQL): SQL[] {
  return nullable ? nullableSortKeys(column, empty) : [sql`${column}`];
}

/** `empty`: any value of the column's type (it only stands in for null behind the `is null` key). */
export function nullableSortKeys(column: unknown, empty: SQL = sql`''`): [SQL, SQL] {
  return [sql`(${column} is null)`, sql`coalesce(${column}, ${empty})`];
}

export interface Keyset {
  /** The sort keys, the row's unique key last. */
  keys: SQL[];
  /** A key's value on the cursor row: a scalar subquery such as `(select key from t where id = $cursor)`. */
  at: (key: SQL) => SQL;
}

/** Rows after the cursor in `dir` order (before it: pass the flipped direction). */
export function seekPast(keyset: Keyset, dir: SortDirection): SQL {
  const row = (items: SQL[]) => sql`(${sql.join(items, sql`, `)})`;
  return sql`${row(keyset.keys)} ${sql.raw(dir === "asc" ? ">" : "<")} ${row(keyset.keys.map(keyset.at))}`;
}

export function orderOf(keys: SQL[], dir: SortDirection): SQL[] {
  return keys.map((key) => sql`${key} ${sql.raw(dir)}`);
}

export const flip = (dir: SortDirection): SortDirection => (dir === "asc" ? "desc" : "asc");

/** Where a page sits: the URL's `after`, `before` or `last`; none is the first page. */
export type PagePosition = { after: string } | { before: string } | { last: true } | Record<string, never>;

export interface KeysetPage<R> {
  rows: R[];
  /** Cursors for the neighbouring pages (the first and last row's keys); absent at either end. */
  previous?: string;
  next?: string;
}

/**
 * One page at `position`: `fetch(cursor, dir, limit)` reads `limit` rows in `dir` order past the
 * cursor row (from the start without one). One row more than the page tells whether another page
 * follows; walking backwards (before, last) reads in the flipped order and turns the rows round.
 * A cursor row that is gone or has nothing past it shows the list's nearest end instead.
 * Every call is one query (two when the cursor fell off an end).
 */
export async function keysetPage<R>(options: {
  position: PagePosition;
  dir: SortDirection;
  size: number;
  keyOf: (row: R) => string;
  fetch: (cursor: string | undefined, dir: SortDirection, limit: number) => Promise<R[]>;
}): Promise<KeysetPage<R>> {
  const { position, dir, size, keyOf, fetch } = options;
  const backwards = "before" in position || "last" in position;
  const cursor = "after" in position ? position.after : "before" in position ? position.before : undefined;
  const walk = backwards ? flip(dir) : dir;
  const found = await fetch(cursor, walk, size + 1);
  if (found.length === 0 && cursor !== undefined) return keysetPage({ ...options, position: "after" in position ? { last: true } : {} });
  const more = found.length > size;
  // Fewer rows before the cursor than a page (rows added or removed since): the full first page.
  if (cursor !== undefined && backwards && !more) return keysetPage({ ...options, position: {} });
  const rows = found.slice(0, size);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  const hasPrevious = backwards ? more : cursor !== undefined;
  const hasNext = backwards ? cursor !== undefined : more;
  return { rows, previous: hasPrevious && first ? keyOf(first) : undefined, next: hasNext && last ? keyOf(last) : undefined };
}

/** The URL's page position, whichever of after, before and last it holds (after wins). */
export function pagePosition(params: { after?: string; before?: string; last?: string }): PagePosition {
  if (params.after) return { after: params.after };
  if (params.before) return { before: params.before };
  if (params.last) return { last: true };
  return {};
}

/** A list's size as shown: exact up to the cap; past it "about N" (the planner's estimate) or "more than" the cap. */
export interface ListTotal {
  count: number;
  exact: boolean;
  /** `count` is PostgreSQL's estimate of the table's rows (an unfiltered list past the cap). */
  estimated?: boolean;
}

/** Where counting stops: counting further costs a scan of the whole match on every page. */
export const COUNT_CAP = 1_000;

/**
 * How many rows of `table` match `where`, counted up to `cap` + 1 so the query stops early. Past
 * the cap, a whole table (no `where`) is given as the statistics' row estimate (pg_class.reltuples,
 * kept by ANALYZE and autovacuum) when that is larger than the cap.
 */
export async function countUpTo(db: Db, table: PgTable, where: SQL | undefined, cap = COUNT_CAP): Promise<ListTotal> {
  const [row] = await db
    .select({
      n: sql<number>`(select count(*)::int from (select 1 from ${table} where ${where ?? sql`true`} limit ${cap + 1}) as matching)`,
      estimate: where ? sql<number>`0` : sql<number>`(select greatest(reltuples, 0)::bigint::int from pg_class where oid = ${sql.raw(`'${getTableConfig(table).name}'`)}::regclass)`,
    })
    .from(sql`(select 1) as one`);
  const total = listTotal(row?.n ?? 0, cap);
  if (!total.exact && row && row.estimate > cap) return { count: row.estimate, exact: false, estimated: true };
  return total;
}

export function listTotal(count: number, cap = COUNT_CAP): ListTotal {
  return count > cap ? { count: cap, exact: false } : { count, exact: true };
}

/**
 * A list of whole rows of one table: its search and filters, its sort keys (the row's unique key
 * last) and how a URL cursor names a row. Lists that show other shapes (joins, computed columns)
 * use keysetPage and seekPast directly.
 */
export interface TableList<T extends PgTable> {
  table: T;
  where: SQL | undefined;
  keys: SQL[];
  /** The row a cursor names, as a condition on `table` (`false` for a cursor that names none). */
  cursorRow: (cursor: string) => SQL;
}

/** The `limit` rows of the list past the cursor row in `dir` order (from the start without one). */
export function tableRows<T extends PgTable>(db: Db, list: TableList<T>, cursor: string | undefined, dir: SortDirection, limit: number): Promise<T["$inferSelect"][]> {
  const { table, keys } = list;
  const seek = cursor === undefined ? undefined : seekPast({ keys, at: (key) => sql`(select ${key} from ${table} where ${list.cursorRow(cursor)})` }, dir);
  const query = db.select().from(table as PgTable).where(and(list.where, seek)).orderBy(...orderOf(keys, dir)).limit(limit);
  return query as Promise<T["$inferSelect"][]>;
}

/** One page of the list at the URL's position, with its capped count beside it. */
export async function tablePage<T extends PgTable>(
  db: Db,
  list: TableList<T>,
  page: { position: PagePosition; dir: SortDirection; size: number; keyOf: (row: T["$inferSelect"]) => string },
): Promise<KeysetPage<T["$inferSelect"]> & { total: ListTotal }> {
  const [rows, total] = await Promise.all([
    keysetPage({ ...page, fetch: (cursor, dir, limit) => tableRows(db, list, cursor, dir, limit) }),
    countUpTo(db, list.table, list.where),
  ]);
  return { ...rows, total };
}
