import "server-only";
import { and, desc, eq, gte, ilike, lt, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { countUpTo, keysetPage, orderOf, pagePosition, seekPast, type KeysetPage, type ListTotal } from "@/lib/db/paging";
import { escapeLike } from "@/lib/db/search";
import { auditLog } from "@/lib/db/schema/audit";
import { showsSignIns, type AuditFilters } from "./filters";
import { SIGN_IN_RESOURCE } from "./actions";
import type { AuditScope } from "./scope";
import { nextDay, startOfDayInZone, UTC } from "@/lib/time/format";

export type AuditRow = typeof auditLog.$inferSelect;

export type { AuditScope } from "./scope";


function conditions(filters: AuditFilters, scope: AuditScope, zone: string = UTC): SQL | undefined {
  const where: Array<SQL | undefined> = [];
  if (scope.kind === "own") where.push(eq(auditLog.actorId, scope.actorId));
  if (filters.user) where.push(eq(auditLog.actorUsername, filters.user));
  if (filters.resource) where.push(eq(auditLog.resource, filters.resource));
  if (!showsSignIns(filters)) where.push(ne(auditLog.resource, SIGN_IN_RESOURCE));
  if (filters.action) where.push(eq(auditLog.action, filters.action));
  if (filters.outcome) where.push(eq(auditLog.outcome, filters.outcome));
  // Whole days in the reader's zone: the days the table shows the entries on.
  if (filters.from) where.push(gte(auditLog.at, startOfDayInZone(filters.from, zone)));
  if (filters.to) where.push(lt(auditLog.at, startOfDayInZone(nextDay(filters.to), zone)));
  if (filters.target !== undefined) where.push(eq(auditLog.target, filters.target));
  if (filters.q) where.push(ilike(auditLog.target, `%${escapeLike(filters.q)}%`));
  return and(...where);
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first; the id breaks ties (entries written in one transaction share `at`), on audit_log_at_idx. */
const AUDIT_KEYS = [sql`${auditLog.at}`, sql`${auditLog.id}`];

export interface AuditPage extends KeysetPage<AuditRow> {
  total: ListTotal;
  pageSize: number;
}

/**
 * One page of the filtered log, newest first, at the URL's keyset position (an entry id, see
 * lib/db/paging.ts), and how many entries match: counted up to COUNT_CAP.
 */
export async function listAudit(filters: AuditFilters, scope: AuditScope, { pageSize = AUDIT_PAGE_SIZE, zone = UTC }: { pageSize?: number; zone?: string } = {}): Promise<AuditPage> {
  const db = await getDb();
  const where = conditions(filters, scope, zone);
  const [page, total] = await Promise.all([
    keysetPage<AuditRow>({
      position: pagePosition(filters),
      dir: "desc",
      size: pageSize,
      keyOf: (row) => String(row.id),
      fetch: (cursor, dir, limit) =>
        db
          .select()
          .from(auditLog)
          .where(and(where, cursor === undefined ? undefined : seekPast({ keys: AUDIT_KEYS, at: (key) => sql`(select ${key} from ${auditLog} where ${auditLog.id} = ${Number(cursor)})` }, dir)))
          .orderBy(...orderOf(AUDIT_KEYS, dir))
          .limit(limit),
    }),
    countUpTo(db, auditLog, where),
  ]);
  return { ...page, total, pageSize };
}

export async function getAuditEntry(id: number, scope: AuditScope): Promise<AuditRow | null> {
  const db = await getDb();
  const own = scope.kind === "own" ? eq(auditLog.actorId, scope.actorId) : undefined;
  const [row] = await db.select().from(auditLog).where(and(eq(auditLog.id, id), own)).limit(1);
  return row ?? null;
}

/** One object's history, newest first: detail pages show it under the object. */
export async function listAuditForTarget(resource: string, target: string, limit = 20, scope: AuditScope = { kind: "all" }): Promise<AuditRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(conditions({ resource, target }, scope))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(Math.min(Math.max(1, limit), 500));
}

/**
 * The whole filtered view, newest first, a batch at a time (keyset paging on at/id, so a long
 * export neither holds everything in memory nor slows down page after page).
 */
export async function* iterateAudit(filters: AuditFilters, scope: AuditScope, { batchSize = 1_000, max = 100_000, zone = UTC } = {}): AsyncGenerator<AuditRow[]> {
  const db = await getDb();
  const base = conditions(filters, scope, zone);
  let afterId: number | undefined;
  let sent = 0;
  while (sent < max) {
    // Compared in SQL against the stored row: JavaScript dates drop the microseconds PostgreSQL keeps.
    const cursor = afterId === undefined ? undefined : sql`(${auditLog.at}, ${auditLog.id}) < (select a.at, a.id from ${auditLog} a where a.id = ${afterId})`;
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(base, cursor))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(Math.min(batchSize, max - sent));
    if (rows.length === 0) return;
    yield rows;
    sent += rows.length;
    afterId = rows[rows.length - 1]!.id;
    if (rows.length < batchSize) return;
  }
}
