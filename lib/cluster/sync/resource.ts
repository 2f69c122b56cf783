import { sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { ClusterReader } from "@/lib/cluster/types";

/** A synced row as our table holds it: property names of the Drizzle table. */
export type LocalRow = Record<string, unknown>;

/**
 * One inventory table the sync keeps equal to a VICIdial table: how VICIdial's rows map onto
 * ours (once, here), how to page through them by key, and which of our columns they fill.
 * `C` is the VICIdial row type (lib/cluster/types.ts).
 */
export interface SyncedResource<C> {
  /** Our table's name, and the key of the pass's counts. */
  name: "dids" | "phones" | "phone_aliases" | "cid_groups";
  /** The audit resource (lib/audit/resources.ts). */
  audit: "did" | "phone" | "alias" | "cid";
  /** "DID", "Phone", … for messages. */
  noun: string;
  table: PgTable;
  /** Our key columns, in the order keyOf joins them. */
  keyColumns: PgColumn[];
  /** Columns whose difference is a change someone made (audited as drift). */
  tracked: readonly string[];
  /** Columns VICIdial changes by itself (SIP registration, calls today): refreshed, never audited. */
  live: readonly string[];
  /** VICIdial's row as our columns (the key included, no bookkeeping columns). */
  map(row: C): LocalRow;
  /** A row's key as one string, from our columns. */
  keyOf(row: LocalRow): string;
  /** The audit target (the detail page's key). */
  target(row: LocalRow): string;
  /** One page of VICIdial's table, ordered by its key, strictly after the last row of the previous page. */
  page(reader: ClusterReader, after: C | null, limit: number): Promise<C[]>;
  /** Our rows with these keys (rows mapped from one page). */
  whereKeys(rows: readonly LocalRow[]): SQL;
  /**
   * Our rows in the key range one page of VICIdial's covers: after `from` (null: from the start)
   * up to and including `to` (null: to the end), in VICIdial's paging order. Our collation may
   * order a few keys differently: such a row is only checked again at the end, never lost.
   */
  inRange(from: LocalRow | null, to: LocalRow | null): SQL;
  /** Our rows no page's range covers (DIDs without a did_id): always checked at the end. */
  unranged: SQL | null;
  /** VICIdial's rows (mapped) with these keys, to confirm that rows missing from their page are really gone. */
  lookup(reader: ClusterReader, rows: readonly LocalRow[]): Promise<LocalRow[]>;
}

/** `from < key <= to` over one or more key columns, either bound left open when null. */
export function keyRange(columns: readonly PgColumn[], from: readonly unknown[] | null, to: readonly unknown[] | null): SQL {
  const tuple = sql`(${sql.join([...columns], sql`, `)})`;
  const values = (v: readonly unknown[]) => sql`(${sql.join(
    v.map((value) => sql`${value}`),
    sql`, `,
  )})`;
  const bounds = [from ? sql`${tuple} > ${values(from)}` : null, to ? sql`${tuple} <= ${values(to)}` : null].filter((bound): bound is SQL => bound !== null);
  return bounds.length === 0 ? sql`true` : sql.join(bounds, sql` and `);
}

/**
 * `column = any(keys)` with the keys as one JSON parameter: a page's thousand keys stay one
 * parameter, and the array form walks the key's index whatever the planner knows of the table
 * (an `in (select …)` became a scan of the whole table per page on a table not yet analyzed).
 */
export function keyIn(column: PgColumn, keys: readonly string[]): SQL {
  return sql`${column} = any(array(select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)))`;
}
