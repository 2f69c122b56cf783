/**
 * The one way the dashboard shows time. Every instant is shown in the viewer's time zone with
 * its UTC offset beside it ("Nov 30, 2026, 2:04 AM UTC−5"), so two people in different zones
 * comparing a screen can tell. VICIdial's own call times carry no zone and are never converted:
 * they are shown as VICIdial wrote them, labelled as its server time. Pure functions, usable on
 * the server and in the browser alike; the zone is always passed in, never read from the host.
 */

export const UTC = "UTC";
/** The cookie the browser writes its IANA zone into, so server-rendered pages know it. */
export const ZONE_COOKIE = "tz";

const zoneCache = new Map<string, boolean>();

/** An IANA zone name Intl accepts, or null: a hand-edited cookie must not break a page. */
export function validZone(zone: string | null | undefined): string | null {
  if (!zone || zone.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(zone)) return null;
  let ok = zoneCache.get(zone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
    zoneCache.set(zone, ok);
  }
  return ok ? zone : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

/** Minutes the zone is ahead of UTC at that instant (negative west of Greenwich). */
export function zoneOffsetMinutes(date: Date, zone: string): number {
  const parts = formatter(zone, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** "UTC", "UTC+1", "UTC−5", "UTC+5:30": the offset as people read it (a true minus sign). */
export function offsetLabel(date: Date, zone: string): string {
  const minutes = zoneOffsetMinutes(date, zone);
  if (minutes === 0) return "UTC";
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${minutes < 0 ? "−" : "+"}${hours}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

/** "Nov 30, 2026, 2:04 AM UTC−5": the everyday form, in lists and detail pages. */
export function formatDateTime(value: Date | string | number, zone: string): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "—";
  return `${formatter(zone, { dateStyle: "medium", timeStyle: "short" }).format(date)} ${offsetLabel(date, zone)}`;
}

/** "2:04:05 AM UTC−5": a time of day when the day is obvious (a job that finished today). */
export function formatTimeOfDay(value: Date | string | number, zone: string): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "—";
  return `${formatter(zone, { timeStyle: "medium" }).format(date)} ${offsetLabel(date, zone)}`;
}

/**
 * The exact instant, for the hover title: seconds, the zone's name, and the UTC time, so a
 * screenshot can be matched to a log line.
 */
export function formatExact(value: Date | string | number, zone: string): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "";
  const local = formatter(zone, { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit" }).format(date);
  return `${local} ${offsetLabel(date, zone)} (${zone}) · ${date.toISOString().replace(/\.\d{3}Z$/, "Z")}`;
}

/**
 * "just now", "3 min ago", "2 h ago", "yesterday", "5 days ago"; null beyond a week, where the
 * date itself says more. Future instants (clock skew between machines) read as "just now".
 */
export function formatRelative(value: Date | string | number, now: number): string | null {
  const date = toDate(value);
  const seconds = Math.round((now - date.getTime()) / 1000);
  if (Number.isNaN(seconds)) return null;
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(seconds / 3600);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(seconds / 86_400);
  if (days === 1) return "yesterday";
  if (days <= 7) return `${days} days ago`;
  return null;
}

/** The calendar day ("YYYY-MM-DD") an instant falls on in a zone: what "per day" charts count by. */
export function dayInZone(value: Date | string | number, zone: string): string {
  const parts = formatter(zone, { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(toDate(value));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** "Nov 30": a day label on a chart axis (the day is a calendar day, not an instant). */
export function formatDayLabel(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return formatter(UTC, { month: "short", day: "numeric" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * The instant a calendar day starts in a zone: date filters mean the viewer's days, the same
 * days the table shows. Two passes settle days on which the offset changes.
 */
export function startOfDayInZone(day: string, zone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall - zoneOffsetMinutes(new Date(wall), zone) * 60_000;
  guess = wall - zoneOffsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}

/** The day after "YYYY-MM-DD", as "YYYY-MM-DD". */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const VICIDIAL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * VICIdial's `YYYY-MM-DD HH:MM:SS` as "Fri, Nov 15, 2024, 10:15:00 AM". The value is the
 * VICIdial server's local time and carries no zone, so it is never converted; wherever it is
 * shown it is labelled as VICIdial server time. Anything else is returned as VICIdial sent it.
 */
export function formatVicidialTime(value: string): string {
  const match = VICIDIAL_TIME.exec(value.trim());
  if (!match) return value;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || s > 59) return value;
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${WEEKDAYS[date.getUTCDay()]}, ${MONTHS[mo - 1]} ${d}, ${y}, ${hour12}:${pad(mi)}:${pad(s)} ${h < 12 ? "AM" : "PM"}`;
}

export const VICIDIAL_TIME_LABEL = "VICIdial server time";

/** The `count` calendar days ending with `lastDay`, oldest first: a chart's x axis. */
export function daysEndingWith(lastDay: string, count: number): string[] {
  const [y, m, d] = lastDay.split("-").map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1, d - (count - 1 - i))).toISOString().slice(0, 10));
}
