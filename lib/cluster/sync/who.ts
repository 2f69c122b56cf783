import type { ClusterAdminLogEntry, ClusterApiLogEntry, ClusterReader } from "@/lib/cluster/types";

/** Who changed a record in VICIdial and when, as VICIdial's own logs say. */
export interface Who {
  /** The VICIdial user: an admin.php user, or the API user. */
  user: string;
  via: "admin" | "api";
  /** For an API change: the `source` the caller gave (vicidial_api_log), when found. */
  source: string | null;
  /** vicidial_admin_log.event_date, VICIdial's server time as stored. */
  at: string;
  adminLogId: number;
}

/** The API functions behind each admin-log section, to find the API call that made a change. */
const API_FUNCTIONS: Record<string, RegExp> = {
  DIDS: /did/i,
  PHONES: /phone/i,
  PHONEALIASES: /alias/i,
  CIDGROUPS: /cid/i,
};

/** The API log is written beside the admin log, within the same request: a few seconds either way. */
const API_LOG_WINDOW_S = 5;

function shifted(at: string, seconds: number): string {
  const [date, time] = at.split(" ");
  const moved = new Date(Date.parse(`${date}T${time ?? "00:00:00"}Z`) + seconds * 1000);
  return Number.isNaN(moved.getTime()) ? at : moved.toISOString().slice(0, 19).replace("T", " ");
}

/**
 * The who of one admin-log entry. admin.php writes its own event codes; the API's start with
 * "ADMIN API", and its caller's `source` is only in vicidial_api_log.
 */
export async function whoOf(reader: ClusterReader, entry: ClusterAdminLogEntry): Promise<Who> {
  const via = /\bAPI\b/.test(entry.event_code) ? "api" : "admin";
  let source: string | null = null;
  if (via === "api") {
    const calls: ClusterApiLogEntry[] = await reader.apiLogBetween(entry.user, shifted(entry.event_date, -API_LOG_WINDOW_S), shifted(entry.event_date, API_LOG_WINDOW_S));
    source = closestCall(calls, entry)?.source || null;
  }
  return { user: entry.user, via, source, at: entry.event_date, adminLogId: entry.admin_log_id };
}

/** The event's verb in API function names: an ADD is add_…, a MODIFY update_…, a DELETE update_… with delete. */
const VERBS: Record<string, RegExp> = { ADD: /add|copy/i, COPY: /add|copy/i, MODIFY: /update/i, DELETE: /update|delete/i };

/**
 * The API call behind an admin-log entry: of the calls in its window, one of the section's
 * functions with the event's verb, nearest in time (the later one on a tie: the log row is
 * written after the call's). Several tools writing in the same second stay indistinguishable.
 */
function closestCall(calls: readonly ClusterApiLogEntry[], entry: ClusterAdminLogEntry): ClusterApiLogEntry | undefined {
  const section = API_FUNCTIONS[entry.event_section];
  const verb = VERBS[entry.event_type];
  const fitting = calls.filter((call) => (!section || section.test(call.function)) && (!verb || verb.test(call.function)));
  const candidates = fitting.length > 0 ? fitting : calls;
  const at = Date.parse(entry.event_date.replace(" ", "T") + "Z");
  let best: ClusterApiLogEntry | undefined;
  let bestGap = Infinity;
  for (const call of candidates) {
    const gap = Math.abs(Date.parse(call.api_date.replace(" ", "T") + "Z") - at);
    if (gap <= bestGap) {
      best = call;
      bestGap = gap;
    }
  }
  return best;
}

/** "by admin 6666 at 2026-03-01 10:00:00", "through the API as apiuser (source crm) at …". */
export function whoWords(who: Who | null): string {
  if (!who) return "VICIdial's logs do not say who";
  const by = who.via === "api" ? `through the API as ${who.user}${who.source ? ` (source ${who.source})` : ""}` : `by ${who.user} in VICIdial's admin`;
  return `${by}, ${who.at} VICIdial time`;
}

/** A row's "last changed by" after a change made elsewhere. */
export function updatedByOf(who: Who | null): string {
  if (!who) return "outside the dashboard";
  return who.via === "api" ? `${who.source ?? who.user} (VICIdial API)` : `${who.user} (VICIdial)`;
}
