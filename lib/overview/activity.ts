import "server-only";
import { and, count, eq, gte, inArray, sql } from "drizzle-orm";
import type { AuditScope } from "@/lib/audit/scope";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema/audit";
import { dayInZone, daysEndingWith, startOfDayInZone } from "@/lib/time/format";

export interface PerDay<K extends string> {
  /** "YYYY-MM-DD", oldest first, in the reader's zone; every day present, zero or not. */
  days: string[];
  /** One count per day for each series key. */
  series: Record<K, number[]>;
}

/**
 * Successful audit entries per day over the last `days` days (today included), split by `by`
 * (the resource or the action) into the given keys. Days are the reader's calendar days. What
 * the reader may see of the log (their scope) bounds what is counted.
 */
export async function auditPerDay<K extends string>({
  keys,
  by,
  days,
  zone,
  scope,
  now = new Date(),
}: {
  keys: readonly K[];
  by: "resource" | "action";
  days: number;
  zone: string;
  scope: AuditScope;
  now?: Date;
}): Promise<PerDay<K>> {
  const dayList = daysEndingWith(dayInZone(now, zone), days);
  const column = by === "resource" ? auditLog.resource : auditLog.action;
  const day = sql<string>`to_char(${auditLog.at} at time zone ${zone}, 'YYYY-MM-DD')`;
  const db = await getDb();
  // Grouped by position: the zone is a bound parameter, so the two spellings of `day` would differ.
  const rows = await db
    .select({ day, key: column, n: count() })
    .from(auditLog)
    .where(
      and(
        gte(auditLog.at, startOfDayInZone(dayList[0]!, zone)),
        eq(auditLog.outcome, "success"),
        inArray(column, [...keys]),
        scope.kind === "own" ? eq(auditLog.actorId, scope.actorId) : undefined,
      ),
    )
    .groupBy(sql`1`, sql`2`);
  const index = new Map(dayList.map((d, i) => [d, i]));
  const series = Object.fromEntries(keys.map((key) => [key, dayList.map(() => 0)])) as Record<K, number[]>;
  for (const row of rows) {
    const i = index.get(row.day);
    if (i !== undefined) series[row.key as K][i] = row.n;
  }
  return { days: dayList, series };
}
