/**
 * callid_info's columns (contract 2.10) in words a QA reviewer reads. Pure functions: the card,
 * the batch table and the exports all format through here.
 */

/**
 * Customer talk time, talk_sec minus dead_sec, as m:ss (minutes are not wrapped into hours).
 * VICIdial can report a negative value when dead time exceeds talk time; it is shown with a
 * minus sign rather than hidden, because a dispute may turn on exactly that.
 */
export function formatTalkTime(seconds: number): string {
  if (!Number.isFinite(seconds)) return "—";
  const whole = Math.trunc(seconds);
  const sign = whole < 0 ? "-" : "";
  const abs = Math.abs(whole);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * A customer number as people read it: North American numbers grouped (VICIdial stores them
 * without the country code), anything else left exactly as VICIdial has it.
 */
export function formatPhone(phone: string): string {
  const trimmed = phone.trim();
  if (/^\d{10}$/.test(trimmed)) return `(${trimmed.slice(0, 3)}) ${trimmed.slice(3, 6)}-${trimmed.slice(6)}`;
  if (/^1\d{10}$/.test(trimmed)) return `+1 (${trimmed.slice(1, 4)}) ${trimmed.slice(4, 7)}-${trimmed.slice(7)}`;
  return trimmed;
}

export interface CallKind {
  direction: "Inbound" | "Outbound" | "Unknown";
  /** The whole phrase: "Outbound, auto-dial". */
  label: string;
  /** What callid_info's campaign_id column holds for this kind of call. */
  groupLabel: "In-group" | "Campaign";
}

const KINDS: Record<string, CallKind> = {
  INBOUND: { direction: "Inbound", label: "Inbound", groupLabel: "In-group" },
  OUTBOUND_AUTO: { direction: "Outbound", label: "Outbound, auto-dial", groupLabel: "Campaign" },
  OUTBOUND_MANUAL: { direction: "Outbound", label: "Outbound, manual dial", groupLabel: "Campaign" },
  OUTBOUND_OTHER: { direction: "Outbound", label: "Outbound, other", groupLabel: "Campaign" },
};

/** Direction and kind from callid_info's call_type; an unknown value is shown as VICIdial sent it. */
export function callKind(callType: string): CallKind {
  return KINDS[callType] ?? { direction: "Unknown", label: callType === "" ? "Unknown" : callType, groupLabel: "Campaign" };
}

/**
 * VICIdial's own system statuses (the ones every installation has). Campaign statuses are
 * site-specific, so an unlisted code is shown alone.
 */
const SYSTEM_STATUSES: Record<string, string> = {
  A: "Answering machine",
  AA: "Answering machine (auto)",
  AB: "Busy (auto)",
  ADC: "Disconnected number (auto)",
  AFTHRS: "After hours",
  B: "Busy",
  CALLBK: "Call back",
  DC: "Disconnected number",
  DEC: "Declined sale",
  DNC: "Do not call",
  DROP: "Dropped, no agent available",
  INCALL: "In call",
  N: "No answer",
  NA: "No answer (auto-dial)",
  NEW: "New lead",
  NI: "Not interested",
  NP: "No pitch, no price",
  PDROP: "Outbound pre-routing drop",
  PU: "Call picked up",
  QUEUE: "Queued",
  SALE: "Sale made",
  XFER: "Call transferred",
};

/** "SALE — Sale made", or the bare code for a campaign's own status. */
export function formatStatus(status: string): string {
  const words = SYSTEM_STATUSES[status];
  return words ? `${status} — ${words}` : status;
}

/** VDAD is the auto-dialer's pseudo-user: the call had no agent. */
export function formatAgent(user: string): string {
  if (user === "VDAD") return "VDAD (auto-dialer, no agent)";
  return user;
}
