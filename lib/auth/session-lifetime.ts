import { envSchema } from "@/lib/config/env";

/**
 * How long a session lasts (README, Configuration):
 * - idle: it ends when the user has made no request for SESSION_IDLE_MINUTES (default 8 hours: a
 *   shift's breaks never sign anyone out, a browser left open overnight is signed out);
 * - absolute: it ends SESSION_MAX_HOURS after sign-in however active the user is (default 12
 *   hours: the longest common call-centre shift, so nobody is signed out mid-shift, yet everyone
 *   signs in once per shift and a stolen cookie is worth half a day at most).
 *
 * Sessions are JWTs in a cookie, so "last active" travels in the token: proxy.ts renews it on
 * the user's own requests (see countsAsActivity) and every check reads it from there.
 */
export interface SessionLimits {
  idleSeconds: number;
  maxAgeSeconds: number;
}

const limitsSchema = envSchema.pick({ SESSION_IDLE_MINUTES: true, SESSION_MAX_HOURS: true });

/** The limits from the environment (start-up has already refused bad values, see lib/env). */
export function sessionLimits(source: Record<string, string | undefined> = process.env): SessionLimits {
  const parsed = limitsSchema.parse(source);
  return { idleSeconds: parsed.SESSION_IDLE_MINUTES * 60, maxAgeSeconds: parsed.SESSION_MAX_HOURS * 3600 };
}

/** The session's times, in seconds since the epoch; tokens from before `activeAt` existed count from sign-in. */
export interface SessionTimes {
  signedInAt: number;
  activeAt?: number;
}

export function sessionExpired(times: SessionTimes, now: Date, limits: SessionLimits = sessionLimits()): boolean {
  const seconds = now.getTime() / 1000;
  if (seconds - times.signedInAt > limits.maxAgeSeconds) return true;
  return seconds - (times.activeAt ?? times.signedInAt) > limits.idleSeconds;
}

/** Renewing "last active" on every request would rewrite the cookie each time; once a minute is enough. */
const RENEW_AFTER_SECONDS = 60;

export function activityToRecord(times: SessionTimes, now: Date): boolean {
  return now.getTime() / 1000 - (times.activeAt ?? times.signedInAt) >= RENEW_AFTER_SECONDS;
}

/**
 * What the user did, as opposed to what their open tab does by itself: page loads, navigations
 * and actions count; the JSON the pages poll (/api/: connection status, job progress) and Next's
 * link prefetches do not, or an open tab would never go idle.
 */
export function countsAsActivity(pathname: string, headers: Headers): boolean {
  return !pathname.startsWith("/api/") && headers.get("next-router-prefetch") === null && headers.get("purpose") !== "prefetch";
}
