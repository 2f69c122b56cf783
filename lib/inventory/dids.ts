import { and, asc, desc, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { dids } from "@/lib/db/schema";
import { DID_ROUTES, fieldMap, type DidField, type DidRoute } from "@/lib/dids/fields";
import type { DidFields, DidFormValues } from "@/lib/schemas/did";

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
  page: z.coerce.number().int().min(1).default(1).catch(1),
  size: z.coerce
    .number()
    .refine((n) => (DID_PAGE_SIZES as readonly number[]).includes(n))
    .default(25)
    .catch(25),
});
export type DidListQuery = z.output<typeof didListQuerySchema>;

/** Form field → inventory column (lib/dids/fields.ts). */
export const DID_COLUMN_OF: Record<DidField, keyof DidRow> = fieldMap("column");

/** Each sort has an index on (column, pattern); `target` is a generated column (lib/db/schema/inventory.ts). */
const SORT_COLUMNS = {
  pattern: dids.didPattern,
  description: dids.description,
  route: dids.route,
  target: dids.target,
  active: dids.active,
  record: dids.recordCall,
  updated: dids.updatedAt,
  by: dids.updatedBy,
} satisfies Record<DidSort, unknown>;

function whereOf(query: Pick<DidListQuery, "q" | "route" | "active">): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  // A substring of pattern or description, case-insensitive; strpos takes the text literally (no wildcards).
  if (query.q) conditions.push(sql`strpos(${dids.searchText}, lower(${query.q})) > 0`);
  if (query.route) conditions.push(eq(dids.route, query.route));
  if (query.active) conditions.push(eq(dids.active, query.active));
  return and(...conditions);
}

async function countDids(where: SQL | undefined): Promise<number> {
  const db = await getDb();
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(dids).where(where);
  return total;
}

/**
 * One page of DIDs, searched, filtered and sorted in the database; the pattern breaks ties in the
 * same direction, so every sort walks an index. A search scans the table anyway, so its page
 * carries the total (one scan); otherwise the count is a separate, cheap query.
 */
export async function listDids(query: DidListQuery): Promise<{ rows: DidListRow[]; total: number; page: number }> {
  const db = await getDb();
  const where = whereOf(query);
  const direction = query.dir === "desc" ? desc : asc;
  const order = query.sort === "pattern" ? [direction(dids.didPattern)] : [direction(SORT_COLUMNS[query.sort]), direction(dids.didPattern)];
  const pageOf = (page: number) =>
    db
      .select({ row: dids, total: sql<number>`count(*) over ()::int` })
      .from(dids)
      .where(where)
      .orderBy(...order)
      .limit(query.size)
      .offset((page - 1) * query.size);

  if (query.q) {
    const found = await pageOf(query.page);
    if (found.length > 0) return { rows: found.map(({ row }) => row), total: found[0]!.total, page: query.page };
    if (query.page === 1) return { rows: [], total: 0, page: 1 };
  }
  const total = await countDids(where);
  const page = Math.min(query.page, Math.max(1, Math.ceil(total / query.size)));
  const rows = await db.select().from(dids).where(where).orderBy(...order).limit(query.size).offset((page - 1) * query.size);
  return { rows, total, page };
}

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
