"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from "react";
import { formatDateTime, formatExact, formatRelative, formatTimeOfDay, formatVicidialTime, UTC, validZone, VICIDIAL_TIME_LABEL, ZONE_COOKIE } from "@/lib/time/format";

/**
 * The viewer's zone and the server's "now" at render time. Both come from the server (the zone
 * from the cookie the browser wrote), so the server's HTML and the browser's first render agree
 * to the character: no hydration mismatch, whichever zone the viewer is in.
 */
const TimeContext = createContext<{ zone: string; renderedAt: number }>({ zone: UTC, renderedAt: 0 });

export function TimeZoneProvider({ zone, renderedAt, children }: { zone: string; renderedAt: number; children: ReactNode }) {
  return (
    <TimeContext.Provider value={{ zone, renderedAt }}>
      <ZoneRefresh serverZone={zone} />
      {children}
    </TimeContext.Provider>
  );
}

export function useViewerZone(): string {
  return useContext(TimeContext).zone;
}

function browserZone(): string {
  return validZone(Intl.DateTimeFormat().resolvedOptions().timeZone) ?? UTC;
}

function writeZoneCookie(zone: string) {
  document.cookie = `${ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
}

/**
 * Writes the browser's zone into the cookie the server reads. On the sign-in page that is all:
 * the first dashboard page is then rendered in the right zone.
 */
export function ZoneCookieSync() {
  useEffect(() => writeZoneCookie(browserZone()), []);
  return null;
}

/**
 * Inside the dashboard: when the page was rendered in another zone than the browser's (no cookie
 * yet, travel, a changed system setting), write the cookie and render the page again, once.
 */
function ZoneRefresh({ serverZone }: { serverZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = browserZone();
    if (zone === serverZone) return;
    writeZoneCookie(zone);
    router.refresh();
  }, [router, serverZone]);
  return null;
}

// One clock for every relative time on the page, ticking while something shows one.
let clockNow = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    clockNow = Date.now();
    timer = setInterval(() => {
      clockNow = Date.now();
      listeners.forEach((l) => l());
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
function getNow() {
  // Cached between ticks: React requires the same value for as long as nothing changed.
  if (clockNow === 0) clockNow = Date.now();
  return clockNow;
}

/** Now, for relative times: the server's render time while hydrating, the browser's clock after. */
export function useNow(): number {
  const { renderedAt } = useContext(TimeContext);
  return useSyncExternalStore(subscribe, getNow, () => renderedAt);
}

type Instant = Date | string | number;

/**
 * An instant as the dashboard shows it: in the viewer's zone with the offset, the exact time on
 * hover. `relative` puts "3 min ago" first where recency is the point (the date stays beside
 * it); `timeOnly` drops the date where the day is obvious.
 */
export function Time({ value, relative = false, timeOnly = false, className }: { value: Instant | null | undefined; relative?: boolean; timeOnly?: boolean; className?: string }) {
  const zone = useViewerZone();
  if (value === null || value === undefined) return <span className={className}>—</span>;
  const date = value instanceof Date ? value : new Date(value);
  const absolute = timeOnly ? formatTimeOfDay(date, zone) : formatDateTime(date, zone);
  return (
    <time dateTime={date.toISOString()} title={formatExact(date, zone)} className={className}>
      {relative ? <RelativeText date={date} absolute={absolute} /> : absolute}
    </time>
  );
}

function RelativeText({ date, absolute }: { date: Date; absolute: string }) {
  const now = useNow();
  const words = formatRelative(date, now);
  if (!words) return <>{absolute}</>;
  return (
    <>
      {words}
      <span className="text-slate-500 dark:text-slate-400"> ({absolute})</span>
    </>
  );
}

/** A VICIdial-written time (call records): shown as VICIdial wrote it, labelled, never converted. */
export function VicidialTime({ value, label = true }: { value: string; label?: boolean }) {
  return (
    <>
      <time dateTime={value.replace(" ", "T")} title={`${value} (${VICIDIAL_TIME_LABEL}, zone as configured on the VICIdial server)`}>
        {formatVicidialTime(value)}
      </time>
      {label && <span className="block text-xs text-slate-500 dark:text-slate-400">{VICIDIAL_TIME_LABEL}</span>}
    </>
  );
}
