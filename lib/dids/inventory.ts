import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { countUpTo, keysetPage, orderOf, pagePosition, seekPast, sortKeys, type KeysetPage, type ListTotal, type SortDirection } from "@/lib/db/paging";
import { containsText } from "@/lib/db/search";
import { dids } from "@/lib/db/schema";
import { DID_ROUTES, fieldMap, type DidField, type DidRoute } from "@/lib/dids/fields";
import type { DidFields, DidFormValues } from "@/lib/dids/schemas";

/**
 * The dashboard's record of the DIDs it knows (VICIdial's API cannot list them): the only place
 * DID lists and details read from. Rows change only after VICIdial confirmed a change, through
 * upsertDid and removeDid. A second source (VICIdial's own database) can be added beside it.
 */

export type DidRow = typeof dids.$inferSelect;
type DidInsert = typeof dids.$inferInsert;
/** `target` is what the route points at: the in-group, extension, call menu... */
export type DidListRow = DidRow;

// ---------------------------------------------------------------------------------------------
// Reading

export const DID_SORTS = ["pattern", "description", "route", "target", "active", "record", "updated", "by"] as const;
export type DidSort = (typeof DID_SORTS)[number];
export const DID_PAGE_SIZES = [25, 50, 100] as const;

/** A list view as the URL holds it; anything unknown falls back to the default rather than failing. */
export const didListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  route: z.enum(DID_ROUTES).optional().catch(undefined),
  active: z.enum(["Y", "N"]).optional().catch(undefined),
  sort: z.enum(DID_SORTS).default("pattern").catch("pattern"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  /** Keyset cursors (a DID pattern): the page after or before that row; `last=1` the list's end. */
  after: z.string().max(100).optional().catch(undefined),
  before: z.string().max(100).optional().catch(undefined),
  last: z.literal("1").optional().catch(undefined),
  size: z.coerce
    .number()
    .refine((n) => (DID_PAGE_SIZES as readonly number[]).includes(n))
    .default(25)
    .catch(25),
});
export type DidListQuery = z.output<typeof didListQuerySchema>;

/** Form field → inventory column (lib/dids/fields.ts). */
export const DID_COLUMN_OF: Record<DidField, keyof DidRow> = fieldMap("column");

/**
 * Each sort's keys, the pattern last as tie-breaker; every one has an index on exactly these keys
 * (lib/db/schema/inventory.ts), so any page is an index walk. `target` is a generated column.
 */
export const DID_SORT_KEYS = {
  pattern: [],
  description: sortKeys(dids.description, true),
  route: sortKeys(dids.route, true),
  target: sortKeys(dids.target, true),
  active: sortKeys(dids.active, true),
  record: sortKeys(dids.recordCall, true),
  updated: sortKeys(dids.updatedAt, false),
  by: sortKeys(dids.updatedBy, false),
} satisfies Record<DidSort, SQL[]>;

function whereOf(query: Pick<DidListQuery, "q" | "route" | "active">): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  // The equalities first: PostgreSQL tests equally cheap conditions in the order written, and a
  // row another route already rules out then skips the substring test.
  if (query.route) conditions.push(eq(dids.route, query.route));
  if (query.active) conditions.push(eq(dids.active, query.active));
  // A substring of pattern or description, case-insensitive, taken literally; on the trigram index.
  if (query.q) conditions.push(containsText(dids.searchText, query.q.toLowerCase()));
  return and(...conditions);
}

/** Up to COUNT_CAP exactly; past it "about" the table's estimated size, or "more than" for a filtered view. */
async function countDids(where: SQL | undefined): Promise<ListTotal> {
  return countUpTo(await getDb(), dids, where);
}

export interface DidListPage extends KeysetPage<DidListRow> {
  total: ListTotal;
}

/**
 * One page of DIDs, searched, filtered and sorted in the database, at the URL's keyset position
 * (lib/db/paging.ts); the count runs beside it.
 */
export async function listDids(query: DidListQuery): Promise<DidListPage> {
  const where = whereOf(query);
  const [page, total] = await Promise.all([
    keysetPage<DidListRow>({
      position: pagePosition(query),
      dir: query.dir,
      size: query.size,
      keyOf: (row) => row.didPattern,
      fetch: (cursor, dir, limit) => didRows(query, where, cursor, dir, limit),
    }),
    countDids(where),
  ]);
  return { ...page, total };
}

/** The `limit` DIDs of the view that follow `after` (from the start without), for an export: no count, no page logic. */
export function didsAfter(query: DidListQuery, after: string | undefined, limit: number): Promise<DidListRow[]> {
  return didRows(query, whereOf(query), after, query.dir, limit);
}

async function didRows(query: DidListQuery, where: SQL | undefined, cursor: string | undefined, dir: SortDirection, limit: number): Promise<DidListRow[]> {
  const db = await getDb();
  const keys = [...DID_SORT_KEYS[query.sort], sql`${dids.didPattern}`];
  const seek = cursor === undefined ? undefined : seekPast({ keys, at: (key) => sql`(select ${key} from ${dids} where ${dids.didPattern} = ${cursor})` }, dir);
  if (!query.q) return db.select().from(dids).where(and(where, seek)).orderBy(...orderOf(keys, dir)).limit(limit);
  // A search finds the page's keys first, carrying only the key and the sort columns, and the
  // page's whole rows are then read by key. The planner chooses how: the trigram index and a sort
  // when the text is rare, a walk down the sort's index otherwise (index-only by description: the
  // index carries the filter columns, migration 0009). An OFFSET 0 fence forcing the gather was
  // measured slower, 51.9 ms against 34.5 for "sales" in a route by description.
  const matches = db.select(SORT_COLUMNS).from(dids).where(where).as("dids");
  const page = db.select({ didPattern: matches.didPattern }).from(matches).where(seek).orderBy(...orderOf(keys, dir)).limit(limit);
  return db.select().from(dids).where(inArray(dids.didPattern, page)).orderBy(...orderOf(keys, dir));
}

/** What a search's gather carries: the key and every column a sort reads (DID_SORT_KEYS), under their own names. */
const SORT_COLUMNS = {
  didPattern: dids.didPattern,
  description: dids.description,
  route: dids.route,
  target: dids.target,
  active: dids.active,
  recordCall: dids.recordCall,
  updatedAt: dids.updatedAt,
  updatedBy: dids.updatedBy,
};

export async function getDid(pattern: string): Promise<DidRow | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(dids).where(eq(dids.didPattern, pattern)).limit(1);
  return row;
}

export interface DidSuggestions {
  groups: string[];
  menus: string[];
  servers: string[];
  campaigns: string[];
}

const SUGGESTION_LIMIT = 200;

/** Values seen before, offered as the form's suggestions (VICIdial's API cannot list them). */
export async function didSuggestions(): Promise<DidSuggestions> {
  const db = await getDb();
  const distinct = async (column: typeof dids.groupId | typeof dids.menuId | typeof dids.serverIp | typeof dids.campaignId) => {
    const rows = await db.selectDistinct({ value: column }).from(dids).where(isNotNull(column)).orderBy(asc(column)).limit(SUGGESTION_LIMIT);
    return rows.flatMap(({ value }) => (value ? [value] : []));
  };
  const [groups, menus, servers, campaigns] = await Promise.all([distinct(dids.groupId), distinct(dids.menuId), distinct(dids.serverIp), distinct(dids.campaignId)]);
  return { groups, menus, servers, campaigns };
}

/** The edit form's starting values: every field as the form holds it ("" for unknown). */
export function didFormValues(row: DidRow): DidFormValues {
  const values: Record<string, string | boolean> = {};
  for (const [field, column] of Object.entries(DID_COLUMN_OF) as [DidField, keyof DidRow][]) {
    const value = row[column];
    if (field === "active") values.active = value !== "N";
    else values[field] = typeof value === "string" ? value : "";
  }
  return values as DidFormValues;
}

// ---------------------------------------------------------------------------------------------
// Writing: only after VICIdial confirmed

/** The table's columns for the fields VICIdial confirmed. */
function columnsOf(fields: DidFields): Partial<DidInsert> {
  const columns: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields) as [DidField, DidFields[DidField]][]) {
    if (value === undefined || !(field in DID_COLUMN_OF)) continue;
    columns[DID_COLUMN_OF[field]] = typeof value === "boolean" ? (value ? "Y" : "N") : value;
  }
  return columns as Partial<DidInsert>;
}

export interface DidUpsert {
  pattern: string;
  fields: DidFields & { didId?: number };
  updatedBy: string;
}

/**
 * Records what VICIdial now holds for `pattern`: the given fields replace the known ones, the
 * others stay. Returns the row as stored, for the audit log's "after".
 */
export async function upsertDid(pattern: string, fields: DidFields & { didId?: number }, updatedBy: string): Promise<DidRow> {
  const [row] = await upsertDids([{ pattern, fields, updatedBy }]);
  return row!;
}

/**
 * Several upserts with as few statements as possible (a bulk job's rows): one per set of fields
 * given, since a field left out must keep its stored value. The rows as stored, in the same order.
 */
export async function upsertDids(upserts: readonly DidUpsert[]): Promise<DidRow[]> {
  const db = await getDb();
  const now = new Date();
  const stored = new Map<string, DidRow>();
  for (const group of groupByFieldSet(upserts)) {
    // One statement may not touch a row twice: a pattern given twice keeps its last values.
    const byPattern = new Map<string, Omit<DidInsert, "didPattern">>();
    for (const { pattern, fields, updatedBy } of group) {
      const { didId, ...rest } = fields;
      byPattern.set(pattern, { ...byPattern.get(pattern), ...columnsOf(rest), ...(didId !== undefined ? { didId } : {}), updatedBy, updatedAt: now });
    }
    const values = [...byPattern].map(([didPattern, columns]) => ({ didPattern, ...columns }));
    const updated = Object.fromEntries(Object.keys(values[0]!).filter((key) => key !== "didPattern").map((key) => [key, sql.raw(`excluded."${columnName(key as keyof DidRow)}"`)]));
    const rows = await db.insert(dids).values(values).onConflictDoUpdate({ target: dids.didPattern, set: updated }).returning();
    for (const row of rows) stored.set(row.didPattern, row);
  }
  return upserts.map(({ pattern }) => stored.get(pattern)!);
}

function groupByFieldSet(upserts: readonly DidUpsert[]): DidUpsert[][] {
  const groups = new Map<string, DidUpsert[]>();
  for (const upsert of upserts) {
    const key = Object.keys(upsert.fields).filter((field) => upsert.fields[field as keyof DidUpsert["fields"]] !== undefined).sort().join(",");
    groups.set(key, [...(groups.get(key) ?? []), upsert]);
  }
  return [...groups.values()];
}

/** The SQL column behind a property of the inventory table. */
function columnName(key: keyof DidRow): string {
  return (dids[key] as { name: string }).name;
}

export async function removeDid(pattern: string): Promise<boolean> {
  const db = await getDb();
  const removed = await db.delete(dids).where(eq(dids.didPattern, pattern)).returning({ pattern: dids.didPattern });
  return removed.length > 0;
}

/** A row's values as fields (for copies: the copied DIDs take the source's settings, 2.7). */
export function didFields(row: DidRow): DidFields {
  const fields: Record<string, string | boolean> = {};
  for (const [field, column] of Object.entries(DID_COLUMN_OF) as [DidField, keyof DidRow][]) {
    const value = row[column];
    if (typeof value !== "string") continue;
    fields[field] = field === "active" ? value !== "N" : value;
  }
  return fields as DidFields;
}

export function routeOf(row: Pick<DidRow, "route">): DidRoute | undefined {
  return (DID_ROUTES as readonly string[]).includes(row.route ?? "") ? (row.route as DidRoute) : undefined;
}
