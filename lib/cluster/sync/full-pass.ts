import { sql } from "drizzle-orm";
import { recordAudits } from "@/lib/audit/record";
import type { ClusterReader } from "@/lib/cluster/types";
import type { Db } from "@/lib/db";
import { followAdminLog } from "./admin-log";
import { applyRows } from "./apply";
import { importEntry, removedEntry } from "./audit-entries";
import { describeSyncError } from "./describe";
import { removeUnseenReferences, syncReferences } from "./references";
import type { LocalRow, SyncedResource } from "./resource";
import { SYNCED_RESOURCES } from "./resources";
import { beginPass, finishPass, saveCursor } from "./state";
import { localRows, markMissing, markRows, markSeen, missingRows, removeRows, rowsInRange } from "./store";

/** Rows added or removed in one table that make its statistics worth refreshing. */
const ANALYZE_AFTER = 1000;

export interface PassOptions {
  /** Rows per page read from VICIdial and written here. */
  pageSize?: number;
  /** Called between pages: renews the lease; throws to cut the pass off (lease lost, shutdown). */
  checkpoint?: () => Promise<void>;
}

export interface PassResult {
  ok: boolean;
  pass: number;
  firstImport: boolean;
  durationMs: number;
  counts: Record<string, number>;
  appeared: number;
  changed: number;
  removed: number;
  error: string | null;
}

/**
 * One full pass: every synced table streamed from VICIdial in pages by key and compared with our
 * rows of the same keys, so memory holds one page whatever the table's size. Only once every
 * table was read to its end are the rows the pass did not see removed: a pass cut off halfway
 * deletes nothing. The first completed pass on a database that never synced imports silently,
 * with one summary audit entry.
 */
export async function runFullPass(db: Db, reader: ClusterReader, options: PassOptions = {}): Promise<PassResult> {
  const pageSize = options.pageSize ?? 1000;
  const checkpoint = options.checkpoint ?? (async () => undefined);
  const { pass, startedAt, firstImport, cursor } = await beginPass(db);
  const counts: Record<string, number> = {};
  const removedCounts: Record<string, number> = {};
  let appeared = 0;
  let changed = 0;
  let accountCanWrite: boolean | null = null;
  try {
    accountCanWrite = await reader.canWrite();
    if (firstImport) {
      // Changes made from here on are the admin log's to report; everything before is the import.
      await saveCursor(db, await reader.adminLogHead(), null);
    } else {
      // What the admin log names is applied first, so those changes carry who made them.
      await followAdminLog(db, reader, { cursor, onBatch: checkpoint });
    }
    const grown = new Map<SyncedResource<never>, number>();
    for (const resource of SYNCED_RESOURCES) {
      const result = await streamResource(db, reader, resource, { pass, silent: firstImport, pageSize, checkpoint });
      counts[resource.name] = result.seen;
      grown.set(resource, result.appeared);
      appeared += result.appeared;
      changed += result.changed;
    }
    counts.references = await syncReferences(db, reader, pass, pageSize, checkpoint);

    // Complete: what the pass did not see is gone from VICIdial.
    for (const resource of SYNCED_RESOURCES) removedCounts[resource.name] = await removeMissing(db, reader, resource, pass, startedAt, firstImport, pageSize);
    await removeUnseenReferences(db, pass);
    // PGlite has no autovacuum: after an import the lists' planner would still think the tables
    // empty and scan them whole for a sorted page, and no page of them would be marked all-visible,
    // so a search could not walk a covering index without reading each row (0009's migration).
    for (const [resource, added] of grown) {
      if (added + (removedCounts[resource.name] ?? 0) >= ANALYZE_AFTER) await db.execute(sql`vacuum (analyze) ${resource.table}`);
    }
    if (firstImport) await recordAudits([importEntry(counts, removedCounts)], db);
    await finishPass(db, { startedAt, ok: true, error: null, counts, accountCanWrite });
    const removed = Object.values(removedCounts).reduce((sum, n) => sum + n, 0);
    return { ok: true, pass, firstImport, durationMs: Date.now() - startedAt.getTime(), counts, appeared, changed, removed, error: null };
  } catch (error) {
    const words = describeSyncError(error);
    await finishPass(db, { startedAt, ok: false, error: words, counts: null, accountCanWrite }).catch(() => undefined);
    return { ok: false, pass, firstImport, durationMs: Date.now() - startedAt.getTime(), counts, appeared, changed, removed: 0, error: words };
  }
}

interface StreamOptions {
  pass: number;
  silent: boolean;
  pageSize: number;
  checkpoint: () => Promise<void>;
}

/**
 * One table, page by page; the next page is read from VICIdial while this one is written here.
 * Our rows in a page's key range that the page lacks are marked missing, for the end of the pass.
 */
async function streamResource(db: Db, reader: ClusterReader, resource: SyncedResource<never>, options: StreamOptions) {
  let seen = 0;
  let appeared = 0;
  let changed = 0;
  const read = (after: never | null) => {
    const readAt = new Date();
    return { readAt, rows: resource.page(reader, after, options.pageSize) };
  };
  let next = read(null);
  let from: LocalRow | null = null;
  for (;;) {
    const { readAt } = next;
    const rows = await next.rows;
    const more = rows.length >= options.pageSize;
    if (more) {
      next = read(rows[rows.length - 1]!);
      // A failure of the read ahead surfaces when awaited; until then it must not count as unhandled.
      next.rows.catch(() => undefined);
    }
    const mapped = rows.map(resource.map);
    const to = more ? mapped[mapped.length - 1]! : null;
    const local = await pageLocals(db, resource, mapped, from, to, options);
    if (mapped.length > 0) {
      const result = await applyRows(db, resource, mapped, { pass: options.pass, readAt, silent: options.silent, whoFor: async () => null, local });
      appeared += result.appeared;
      changed += result.changed;
    }
    seen += rows.length;
    await options.checkpoint();
    if (!more) break;
    from = to;
  }
  return { seen, appeared, changed };
}

/**
 * Our rows for one page, read with its key range in one statement: the page's own rows to compare,
 * and the ones it lacks, marked missing (usually none, so an unchanged page costs one read). A
 * range holding far more of our rows than the page (VICIdial's table emptied) is marked in SQL
 * instead of being read into memory.
 */
async function pageLocals(db: Db, resource: SyncedResource<never>, page: LocalRow[], from: LocalRow | null, to: LocalRow | null, options: StreamOptions): Promise<Map<string, LocalRow>> {
  const limit = 2 * options.pageSize;
  const inRange = await rowsInRange(db, resource, from, to, limit + 1);
  if (inRange.length > limit) {
    await markMissing(db, resource, page, from, to, options.pass);
    return localRows(db, resource, page);
  }
  const pageKeys = new Set(page.map((row) => resource.keyOf(row)));
  const local = new Map(inRange.map((row) => [resource.keyOf(row), row]));
  await markRows(
    db,
    resource,
    inRange.filter((row) => !pageKeys.has(resource.keyOf(row))),
    -options.pass,
  );
  // New rows, or a key our collation places outside this range.
  const elsewhere = page.filter((row) => !local.has(resource.keyOf(row)));
  if (elsewhere.length > 0) for (const [key, row] of await localRows(db, resource, elsewhere)) local.set(key, row);
  for (const key of local.keys()) if (!pageKeys.has(key)) local.delete(key);
  return local;
}

/**
 * After a completed pass: the rows marked missing, looked up by key in VICIdial (our collation
 * may have placed one in the wrong page), and removed when VICIdial has them no more.
 */
async function removeMissing(
  db: Db,
  reader: ClusterReader,
  resource: SyncedResource<never>,
  pass: number,
  startedAt: Date,
  silent: boolean,
  chunk: number,
): Promise<number> {
  let removed = 0;
  for (;;) {
    const missing = await missingRows(db, resource, pass, startedAt, chunk);
    if (missing.length === 0) return removed;
    const present = new Set((await resource.lookup(reader, missing)).map((row) => resource.keyOf(row)));
    await markSeen(
      db,
      resource,
      missing.filter((row) => present.has(resource.keyOf(row))),
      pass,
    );
    const gone = missing.filter((row) => !present.has(resource.keyOf(row)));
    removed += await db.transaction(async (tx) => {
      const rows = await removeRows(tx as unknown as Db, resource, gone, startedAt);
      if (!silent) await recordAudits(rows.map((row) => removedEntry(resource, row, null)), tx as unknown as Db);
      return rows.length;
    });
  }
}
