import "server-only";
import { and, desc, eq, notLike } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";

/** Where a record's last change was made: through this dashboard, or in VICIdial by other means. */
export type ChangeOrigin = "dashboard" | "outside" | "unknown";

export interface LastChange {
  at: Date;
  by: string;
  where: ChangeOrigin;
  /** The audit log filtered to this record. */
  auditHref: string;
}

/**
 * A record's last change, wherever it was made. When and who come from the row (the dashboard
 * and the cluster sync both stamp it); where, from the newest successful audit entry about it:
 * the dashboard's entries name a dashboard user, the sync's "outside the dashboard" entries none.
 * A row with no entry at all is the dashboard's own when it was made here; one listed by hand
 * ("add existing") was last changed in VICIdial at a time nobody told the dashboard.
 */
export async function lastChange(resource: string, target: string, row: { updatedAt: Date; updatedBy: string; origin: string }): Promise<LastChange> {
  const db = await getDb();
  const [entry] = await db
    .select({ actorId: auditLog.actorId })
    .from(auditLog)
    // Listing a record by hand ("add existing") changed nothing in VICIdial.
    .where(and(eq(auditLog.resource, resource), eq(auditLog.target, target), eq(auditLog.outcome, "success"), notLike(auditLog.action, "%.add_existing")))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  const where: ChangeOrigin = entry ? (entry.actorId === null ? "outside" : "dashboard") : row.origin === "dashboard" ? "dashboard" : row.origin === "existing" ? "unknown" : "outside";
  return { at: row.updatedAt, by: row.updatedBy, where, auditHref: `/audit?${new URLSearchParams({ resource, target })}` };
}
