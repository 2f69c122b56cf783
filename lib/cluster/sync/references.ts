import { count, ne, or, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { clusterReferences } from "@/lib/db/schema";
import { REFERENCE_KINDS, type ClusterReader, type ReferenceKind } from "@/lib/cluster/types";

/**
 * The pickers' reference data (in-groups, call menus, campaigns, lists, servers, templates,
 * VICIdial users), copied whole every pass in pages: nobody edits it here, so there is no drift
 * to report, only rows to refresh and, after a completed pass, rows to drop.
 */
export async function syncReferences(
  db: Db,
  reader: ClusterReader,
  pass: number,
  pageSize: number,
  onPage: () => Promise<void>,
  kinds: readonly ReferenceKind[] = REFERENCE_KINDS,
): Promise<number> {
  let total = 0;
  for (const kind of kinds) {
    let after = "";
    for (;;) {
      const rows = await reader.references(kind, after, pageSize);
      if (rows.length === 0) break;
      await db
        .insert(clusterReferences)
        .values(rows.map((row) => ({ kind, id: row.id, name: row.name, active: row.active, userGroup: row.user_group, detail: row.detail, seenPass: pass })))
        .onConflictDoUpdate({
          target: [clusterReferences.kind, clusterReferences.id],
          set: { name: sql`excluded.name`, active: sql`excluded.active`, userGroup: sql`excluded.user_group`, detail: sql`excluded.detail`, seenPass: pass },
        });
      total += rows.length;
      after = rows[rows.length - 1]!.id;
      await onPage();
      if (rows.length < pageSize) break;
    }
  }
  return total;
}

/** After a completed pass: reference rows VICIdial no longer holds. */
export async function removeUnseenReferences(db: Db, pass: number): Promise<number> {
  const gone = or(isNull(clusterReferences.seenPass), ne(clusterReferences.seenPass, pass));
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(clusterReferences).where(gone);
  if (n > 0) await db.delete(clusterReferences).where(gone);
  return n;
}
