import "server-only";
import { and, count, desc, eq, gte, ilike, lt, ne, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema/audit";
import { showsSignIns, type AuditFilters } from "./filters";
import { SIGN_IN_RESOURCE } from "./actions";
import type { AuditScope } from "./scope";
import { nextDay, startOfDayInZone, UTC } from "@/lib/time/format";

export type AuditRow = typeof auditLog.$inferSelect;

export type { AuditScope } from "./scope";


function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

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

/** One page of the filtered log, newest first, and how many entries match in all. */
export async function listAudit(
  filters: AuditFilters,
  scope: AuditScope,
  { page = filters.page ?? 1, pageSize = AUDIT_PAGE_SIZE, zone = UTC }: { page?: number; pageSize?: number; zone?: string } = {},
): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number }> {
  const db = await getDb();
  const where = conditions(filters, scope, zone);
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0, page, pageSize };
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
