import { getTableColumns, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db";
import type { LocalRow, SyncedResource } from "./resource";

/**
 * The sync's statements on our inventory tables, one table at a time and never more than one
 * page of rows: fetch the rows matching a page, write the changed ones in one statement, mark
 * the unchanged ones seen in another, remove the unseen ones after a completed pass in chunks.
 */

type AnyResource = SyncedResource<never>;

function columnsOf(table: PgTable): Record<string, PgColumn> {
  return getTableColumns(table) as Record<string, PgColumn>;
}

function column(table: PgTable, property: string): PgColumn {
  const found = columnsOf(table)[property];
  if (!found) throw new Error(`${property} is not a column of the synced table`);
  return found;
}

/** Our rows matching the page's keys, by key. */
export async function localRows(db: Db, resource: AnyResource, rows: readonly LocalRow[]): Promise<Map<string, LocalRow>> {
  if (rows.length === 0) return new Map();
  const found = (await db
    .select()
    .from(resource.table as never)
    .where(resource.whereKeys(rows))) as LocalRow[];
  return new Map(found.map((row) => [resource.keyOf(row), row]));
}

/** What a written row carries besides VICIdial's columns. */
export interface Bookkeeping {
  seenPass?: number | null;
  updatedAt: Date;
  updatedBy: string;
  /** Only for a row the sync creates: an existing row keeps how it came to be known. */
  origin: string;
}

/**
 * Inserts or updates the rows, unless the dashboard changed the row after `readAt` (the moment
 * VICIdial's page was read): its values then are newer than the page's. Returns the keys
 * written, so only those get audit entries. The page travels as one JSON parameter: a thousand
 * rows of twenty columns as separate parameters cost PGlite seconds to parse (measured), JSON
 * costs milliseconds.
 */
export async function writeRows(db: Db, resource: AnyResource, rows: readonly (LocalRow & Bookkeeping)[], readAt: Date): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const table = resource.table;
  const keys = new Set(resource.keyColumns.map((key) => key.name));
  const properties = [...Object.keys(rows[0]!), "settingsKnown"];
  const columns = properties.map((property) => column(table, property));
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(", "));
  const record = sql.raw(columns.map((c) => `"${c.name}" ${c.getSQLType()}`).join(", "));
  const updated = columns.filter((c) => c.name !== "origin" && !keys.has(c.name));
  const set = sql.raw(updated.map((c) => `"${c.name}" = excluded."${c.name}"`).join(", "));
  const keyNames = sql.raw(resource.keyColumns.map((key) => `"${key.name}"`).join(", "));
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, i === columns.length - 1 ? true : jsonValue(row[properties[i]!])]))));
  const result = await db.execute(sql`
    insert into ${table} (${names})
    select ${names} from jsonb_to_recordset(${json}::jsonb) as page(${record})
    on conflict (${keyNames}) do update set ${set}
    where ${column(table, "updatedAt")} < ${readAt.toISOString()}::timestamptz
    returning ${keyNames}`);
  const written = (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
  const byName = Object.fromEntries(resource.keyColumns.map((key) => [key.name, keyProperty(table, key)]));
  return new Set(written.map((row) => resource.keyOf(Object.fromEntries(Object.entries(row).map(([name, value]) => [byName[name] ?? name, value])))));
}

const jsonValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

function keyProperty(table: PgTable, key: PgColumn): string {
  return Object.entries(columnsOf(table)).find(([, candidate]) => candidate === key)![0];
}

/**
 * Marks our rows in the page's key range that the page does not hold as missing from pass
 * `pass` (seen_pass = -pass): usually none, so a pass over unchanged tables writes nothing
 * (rewriting every row each minute would only grow tables PGlite never vacuums).
 */
export async function markMissing(db: Db, resource: AnyResource, page: readonly LocalRow[], from: LocalRow | null, to: LocalRow | null, pass: number): Promise<void> {
  const notInPage = page.length > 0 ? sql` and not (${resource.whereKeys(page)})` : sql``;
  await db
    .update(resource.table as never)
    .set({ seenPass: -pass } as never)
    .where(sql`${resource.inRange(from, to)}${notInPage}`);
}

/**
 * Up to `limit` rows a completed pass found missing from their page (or could not place in a
 * page), not changed by the dashboard since the pass started: to be confirmed gone by key.
 */
export async function missingRows(db: Db, resource: AnyResource, pass: number, passStartedAt: Date, limit: number): Promise<LocalRow[]> {
  const seen = column(resource.table, "seenPass");
  const unranged = resource.unranged ? sql` or (${resource.unranged} and ${seen} is distinct from ${pass})` : sql``;
  return (await db
    .select()
    .from(resource.table as never)
    .where(sql`(${seen} = ${-pass}${unranged}) and ${column(resource.table, "updatedAt")} < ${passStartedAt.toISOString()}::timestamptz`)
    .limit(limit)) as LocalRow[];
}

/** Up to `limit` of our rows in a page's key range (the page's own rows and any it lacks). */
export async function rowsInRange(db: Db, resource: AnyResource, from: LocalRow | null, to: LocalRow | null, limit: number): Promise<LocalRow[]> {
  return (await db
    .select()
    .from(resource.table as never)
    .where(resource.inRange(from, to))
    .limit(limit)) as LocalRow[];
}

/** Rows confirmed present after all (a key our collation places in another page): seen. */
export async function markSeen(db: Db, resource: AnyResource, rows: readonly LocalRow[], pass: number): Promise<void> {
  await markRows(db, resource, rows, pass);
}

/** Sets these rows' seen_pass (the pass, or minus the pass for missing). */
export async function markRows(db: Db, resource: AnyResource, rows: readonly LocalRow[], seenPass: number): Promise<void> {
  if (rows.length === 0) return;
  await db
    .update(resource.table as never)
    .set({ seenPass } as never)
    .where(resource.whereKeys(rows));
}

/** The rows with these values in one column (the admin log names DIDs by did_id, phones by extension). */
export async function localRowsWhere(db: Db, resource: AnyResource, property: string, values: readonly (string | number)[]): Promise<LocalRow[]> {
  if (values.length === 0) return [];
  const target = column(resource.table, property);
  return (await db
    .select()
    .from(resource.table as never)
    .where(sql`${target} in (${sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    )})`)) as LocalRow[];
}

/** Deletes the given rows (gone from VICIdial, as the admin log's reading found), unless changed after `readAt`. */
export async function removeRows(db: Db, resource: AnyResource, rows: readonly LocalRow[], readAt: Date): Promise<LocalRow[]> {
  if (rows.length === 0) return [];
  return (await db
    .delete(resource.table as never)
    .where(sql`${resource.whereKeys(rows)} and ${column(resource.table, "updatedAt")} < ${readAt.toISOString()}::timestamptz`)
    .returning()) as LocalRow[];
}
