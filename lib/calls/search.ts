import { cleanPhoneNumber } from "@/lib/input";
import { callIdProblem, normalizeCallId } from "@/lib/calls/schemas";
import type { CallDirection, CallSearch } from "./reader/types";

/**
 * The call search as the URL holds it (so a search can be shared), checked field by field.
 * Times are VICIdial server time, as its call logs store them: a range typed here is the range
 * its call_date index is read over. A search is always bounded: without dates, the last 7 days.
 */
export const SEARCH_FIELDS = ["phone", "from", "to", "agent", "group", "status", "callId", "direction"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type SearchValues = Record<SearchField, string>;

export const DEFAULT_DAYS = 7;
/** The longest range one search reads: a quarter (VICIdial keeps months of call logs). */
export const MAX_DAYS = 92;
export const PAGE_SIZE = 25;

export interface ParsedSearch {
  /** What the form shows: as typed, with the defaults filled in. */
  values: SearchValues;
  errors: Partial<Record<SearchField, string>>;
  /** Null when a field has an error: nothing is read. */
  search: CallSearch | null;
  page: number;
  oldestFirst: boolean;
  /** Whether the URL asked for anything (an empty /calls shows the default search). */
  asked: boolean;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2025-03-04T10:00" (a datetime-local input) as VICIdial's "2025-03-04 10:00:00"; null if not a time. */
export function vicidialTimeOf(value: string, endOfMinute = false): string | null {
  const match = LOCAL.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)));
  if (date.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) return null;
  return `${y}-${mo}-${d} ${h}:${mi}:${s ?? (endOfMinute ? "59" : "00")}`;
}

/** VICIdial's "YYYY-MM-DD HH:MM:SS" as a datetime-local value "YYYY-MM-DDTHH:MM". */
export function inputTimeOf(vicidialTime: string): string {
  return vicidialTime.slice(0, 16).replace(" ", "T");
}

/** `days` before a VICIdial time, calendar-wise (server time has no zone: plain arithmetic). */
export function daysBefore(vicidialTime: string, days: number): string {
  const date = new Date(`${vicidialTime.replace(" ", "T")}Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 19).replace("T", " ");
}

const spanDays = (from: string, to: string) => (Date.parse(`${to.replace(" ", "T")}Z`) - Date.parse(`${from.replace(" ", "T")}Z`)) / 86_400_000;

/**
 * The digits VICIdial may have stored for a pasted number: `(727) 555-1234` and
 * `+1 727-555-1234` both find 7275551234 (VICIdial keeps the country code apart, in phone_code)
 * and 17275551234 (a number stored with it). Null when it is not a phone number.
 */
export function phoneVariants(pasted: string): string[] | null {
  const trimmed = pasted.trim();
  const digits = cleanPhoneNumber("outbound_cid", trimmed)?.value ?? trimmed;
  if (!/^\d{3,18}$/.test(digits)) return null;
  if (digits.length === 11 && digits.startsWith("1")) return [digits.slice(1), digits];
  if (digits.length === 10) return [digits, `1${digits}`];
  return [digits];
}

const CODE = /^[A-Za-z0-9_.@-]+$/;

export function parseCallSearch(params: Record<string, string | undefined>, serverNow: string): ParsedSearch {
  const raw = (field: SearchField) => (params[field] ?? "").trim();
  const asked = SEARCH_FIELDS.some((field) => raw(field) !== "");
  const errors: ParsedSearch["errors"] = {};
  const values = Object.fromEntries(SEARCH_FIELDS.map((field) => [field, raw(field)])) as SearchValues;

  const to = raw("to") ? vicidialTimeOf(raw("to"), true) : serverNow;
  if (!to) errors.to = "Enter a date and time, such as 2025-03-04 17:00";
  const from = raw("from") ? vicidialTimeOf(raw("from")) : daysBefore(to ?? serverNow, DEFAULT_DAYS);
  if (!from) errors.from = "Enter a date and time, such as 2025-03-04 09:00";
  values.from = from ? inputTimeOf(from) : raw("from");
  values.to = to ? inputTimeOf(to) : raw("to");
  if (from && to && from > to) errors.to = "The end is before the start";
  else if (from && to && spanDays(from, to) > MAX_DAYS) errors.from = `A search covers at most ${MAX_DAYS} days; narrow the dates`;

  const phones = raw("phone") ? phoneVariants(raw("phone")) : undefined;
  if (phones === null) errors.phone = "Enter a phone number: digits, with spaces, brackets, dots, hyphens or a leading + if you like";

  for (const [field, max] of [["agent", 20], ["group", 20], ["status", 6]] as const) {
    const value = raw(field);
    if (value && (!CODE.test(value) || value.length > max)) errors[field] = `VICIdial ${field === "group" ? "campaign and in-group IDs" : `${field} codes`} have at most ${max} letters, digits, _ or -`;
  }

  const callId = normalizeCallId(raw("callId"));
  values.callId = callId;
  const callIdError = callId ? callIdProblem(callId) : undefined;
  if (callIdError) errors.callId = callIdError;

  const direction = raw("direction");
  if (direction && direction !== "inbound" && direction !== "outbound") errors.direction = "Choose inbound, outbound or both";

  const page = Math.max(1, Math.min(1000, Number.parseInt(params.page ?? "1", 10) || 1));
  const oldestFirst = params.order === "oldest";
  const search: CallSearch | null =
    Object.keys(errors).length > 0 || !from || !to
      ? null
      : {
          from,
          to,
          ...(direction ? { direction: direction as CallDirection } : {}),
          ...(phones ? { phones } : {}),
          ...(raw("agent") ? { agent: raw("agent") } : {}),
          ...(raw("group") ? { group: raw("group") } : {}),
          ...(raw("status") ? { status: raw("status").toUpperCase() } : {}),
          ...(callId ? { callId } : {}),
          oldestFirst,
          offset: (page - 1) * PAGE_SIZE,
          limit: PAGE_SIZE,
        };
  return { values, errors, search, page, oldestFirst, asked };
}
