import { and, asc, eq, gt, lt } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { signInAttempts } from "@/lib/db/schema/users";
import { countOf } from "@/lib/text/plural";

/**
 * Five failed sign-ins for one username within fifteen minutes lock that username for fifteen
 * minutes. Counted in the database, so every instance behind a load balancer sees the same count.
 * A successful sign-in starts the count again; attempts refused during a lock are not recorded,
 * so hammering a locked username does not extend the lock for its owner.
 */
export const THROTTLE = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

/** Old attempts only matter to the throttle for half an hour; a day is kept for reading. */
const KEEP_MS = 24 * 60 * 60_000;

export async function lockedUntil(db: Db, username: string, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - THROTTLE.windowMs - THROTTLE.lockMs);
  const attempts = await db
    .select({ at: signInAttempts.at, success: signInAttempts.success })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.username, username), gt(signInAttempts.at, since)))
    .orderBy(asc(signInAttempts.at), asc(signInAttempts.id))
    .limit(500);

  let failures: number[] = [];
  let lockEnd = 0;
  for (const attempt of attempts) {
    const at = attempt.at.getTime();
    if (attempt.success) {
      failures = [];
      continue;
    }
    if (at < lockEnd) continue;
    failures = failures.filter((t) => t > at - THROTTLE.windowMs);
    failures.push(at);
    if (failures.length >= THROTTLE.maxFailures) {
      lockEnd = at + THROTTLE.lockMs;
      failures = [];
    }
  }
  return lockEnd > now.getTime() ? new Date(lockEnd) : null;
}

export async function recordAttempt(db: Db, attempt: { username: string; success: boolean; ip: string | null; at: Date }): Promise<void> {
  await db.insert(signInAttempts).values(attempt);
  await db.delete(signInAttempts).where(and(eq(signInAttempts.username, attempt.username), lt(signInAttempts.at, new Date(attempt.at.getTime() - KEEP_MS))));
}

export function lockMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-ins for this username. Try again in ${countOf(minutes, "minute")}.`;
}
