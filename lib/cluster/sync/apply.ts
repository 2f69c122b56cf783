import { recordAudits, type AuditEntry } from "@/lib/audit/record";
import type { Db } from "@/lib/db";
import { appearedEntry, changedEntry, removedEntry } from "./audit-entries";
import { compareRow } from "./compare";
import type { LocalRow, SyncedResource } from "./resource";
import { localRows, removeRows, writeRows, type Bookkeeping } from "./store";
import { dashboardChangeTest } from "./ours";
import { updatedByOf, type Who } from "./who";

type AnyResource = SyncedResource<never>;

export interface ApplyOptions {
  /** The full pass these rows belong to (the rows it writes are marked seen); null for the admin log's re-reads. */
  pass: number | null;
  /** When VICIdial's rows were read: a row the dashboard changed after that keeps its values. */
  readAt: Date;
  /** The first import: rows are written without an audit entry each. */
  silent: boolean;
  /** Who made the change, when VICIdial's logs say (asked only for rows that changed). */
  whoFor(row: LocalRow): Promise<Who | null>;
  /** Our rows with the page's keys when the caller read them already. */
  local?: Map<string, LocalRow>;
}

export interface Applied {
  appeared: number;
  changed: number;
}

/**
 * Brings our rows in line with VICIdial's rows (already mapped to our columns): new ones added,
 * changed ones overwritten with an audit entry, live-only differences refreshed quietly, the
 * rest left alone (a change the dashboard itself made compares equal: nothing is written).
 * Writes and their audit entries go in one transaction.
 */
export async function applyRows(db: Db, resource: AnyResource, remote: readonly LocalRow[], options: ApplyOptions): Promise<Applied> {
  const local = options.local ?? (await localRows(db, resource, remote));
  const now = new Date();
  const seen = options.pass === null ? {} : { seenPass: options.pass };
  const writes: (LocalRow & Bookkeeping)[] = [];
  const entries = new Map<string, () => Promise<AuditEntry>>();
  const ours = options.silent ? () => false : await dashboardChangeTest(db);
  /** Rows added or changed by someone (not only refreshed): what the counts report. */
  const notable = new Set<string>();
  for (const row of remote) {
    const key = resource.keyOf(row);
    const mine = local.get(key);
    const comparison = compareRow(resource, mine, row);
    if (comparison.kind === "same") continue;
    if (comparison.kind === "quiet") {
      writes.push({ ...row, ...seen, updatedAt: mine!.updatedAt as Date, updatedBy: mine!.updatedBy as string, origin: "cluster" });
      continue;
    }
    notable.add(key);
    const who = options.silent ? null : await options.whoFor(row);
    if (ours(who)) {
      // The dashboard's own change, read before its bookkeeping landed: it audits it itself.
      writes.push({ ...row, ...seen, updatedAt: now, updatedBy: (mine?.updatedBy as string | undefined) ?? who!.source!, origin: (mine?.origin as string | undefined) ?? "dashboard" });
      continue;
    }
    writes.push({ ...row, ...seen, updatedAt: now, updatedBy: options.silent ? "imported from VICIdial" : updatedByOf(who), origin: "cluster" });
    if (options.silent) continue;
    if (comparison.kind === "new") entries.set(key, async () => appearedEntry(resource, row, who));
    else entries.set(key, async () => changedEntry(resource, mine!, row, comparison.changed, who));
  }

  // A page without audit entries (an import, refreshed SIP states) needs no transaction: on the
  // embedded database each commit costs more than the page's statements.
  const write = async (into: Db) => {
    const written = await writeRows(into, resource, writes, options.readAt);
    const audits: AuditEntry[] = [];
    for (const [key, entry] of entries) if (written.has(key)) audits.push(await entry());
    await recordAudits(audits, into);
    return written;
  };
  const written = entries.size > 0 ? await db.transaction((tx) => write(tx as unknown as Db)) : await write(db);
  let appeared = 0;
  let changed = 0;
  for (const key of notable) {
    if (!written.has(key)) continue;
    if (local.has(key)) changed++;
    else appeared++;
  }
  return { appeared, changed };
}

/** Rows VICIdial no longer holds (the admin log named them, a re-read did not find them): removed with an audit entry each. */
export async function removeGone(db: Db, resource: AnyResource, gone: readonly LocalRow[], readAt: Date, whoFor: (row: LocalRow) => Promise<Who | null>): Promise<number> {
  if (gone.length === 0) return 0;
  return db.transaction(async (tx) => {
    const removed = await removeRows(tx as unknown as Db, resource, gone, readAt);
    const ours = await dashboardChangeTest(tx as unknown as Db);
    const entries: AuditEntry[] = [];
    for (const row of removed) {
      const who = await whoFor(row);
      if (!ours(who)) entries.push(removedEntry(resource, row, who));
    }
    await recordAudits(entries, tx as unknown as Db);
    return removed.length;
  });
}
