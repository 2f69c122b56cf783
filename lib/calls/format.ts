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

/** term_reason (both log tables' ENUMs) in words: who or what ended the call. */
const HANGUP_REASONS: Record<string, string> = {
  CALLER: "The customer hung up",
  AGENT: "The agent hung up",
  QUEUETIMEOUT: "The call waited in the queue until its time limit and left it",
  ABANDON: "The customer hung up while waiting in the queue",
  AFTERHOURS: "The call came in after hours",
  NONE: "No hangup reason was recorded",
  SYSTEM: "The dialer ended the call",
  HOLDRECALLXFER: "The call was sent on from hold by a recall",
  HOLDTIME: "The call reached its hold-time limit and was sent on",
  NOAGENT: "No agent was logged in to take the call",
  MAXCALLS: "The in-group had reached its limit of calls",
  ACFILTER: "The caller's number was blocked by a filter",
  CLOSETIME: "The call came in at closing time",
};

/** "The customer hung up" for CALLER; an unknown value is shown as VICIdial wrote it. */
export function hangupReason(termReason: string): string {
  return HANGUP_REASONS[termReason] ?? (termReason === "" ? "Not recorded" : termReason);
}

/** A length in seconds as h:mm:ss or m:ss. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** "UTC−05:00" for −300 minutes. */
export function offsetWords(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The zone VICIdial's call logs are written in, named with its offset when known. */
export function vicidialZoneLabel(offsetMinutes: number | null): string {
  return offsetMinutes === null ? "VICIdial server time" : `VICIdial server time (${offsetWords(offsetMinutes)})`;
}

/** The server's offset from its "now" (VICIdial server time) against this machine's clock, to the quarter hour. */
export function offsetFromNow(serverNow: string, now: number = Date.now()): number | null {
  const wall = Date.parse(`${serverNow.replace(" ", "T")}Z`);
  return Number.isNaN(wall) ? null : Math.round((wall - now) / 60_000 / 15) * 15;
}

/** callid_info's call_type from the call ID's prefix, tested in the order VICIdial tests them (contract 2.10). */
export function callTypeOfCallId(callId: string): string {
  if (/^(Y|J|LP|VH)/.test(callId)) return "INBOUND";
  if (callId.startsWith("V")) return "OUTBOUND_AUTO";
  if (callId.startsWith("M")) return "OUTBOUND_MANUAL";
  return "OUTBOUND_OTHER";
}
