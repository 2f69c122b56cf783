import { callKind, formatTalkTime } from "./format";
import { LOOKUP_STATE_LABELS, type BatchRow, type CallInfo } from "./outcome";

const CALL_COLUMNS = [
  "call_id",
  "direction",
  "call_type",
  "call_date",
  "phone_number",
  "campaign_or_in_group",
  "list_id",
  "status",
  "agent",
  "talk_time",
  "talk_seconds",
] as const;

export type ExportRecord = Record<(typeof CALL_COLUMNS)[number], string | number>;

/**
 * A call as a flat record for files: VICIdial's own values (so a spreadsheet can filter on
 * them) plus the readable direction and the m:ss talk time the card shows.
 */
export function exportRecord(call: CallInfo): ExportRecord {
  return {
    call_id: call.callId,
    direction: callKind(call.callType).direction,
    call_type: call.callType,
    call_date: call.callDate,
    phone_number: call.phoneNumber,
    campaign_or_in_group: call.campaignId,
    list_id: call.listId,
    status: call.status,
    agent: call.agentUser,
    talk_time: formatTalkTime(call.customerTalkSeconds),
    talk_seconds: call.customerTalkSeconds,
  };
}

function callCells(call: CallInfo): (string | number)[] {
  const record = exportRecord(call);
  return CALL_COLUMNS.map((column) => record[column]);
}

/** A negative number or talk time ("-5", "-0:05"): starts with "-" but is no formula. */
const NEGATIVE_VALUE = /^-\d+([.:]\d+)*$/;

/**
 * One CSV cell (RFC 4180). A text cell a spreadsheet would run as a formula (=, +, -, @ first)
 * gets a leading apostrophe; negative numbers and talk times stay as they are.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !NEGATIVE_VALUE.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The result card as CSV: a header line and one data line. */
export function callCsv(call: CallInfo): string {
  return toCsv(CALL_COLUMNS, [callCells(call)]);
}

/** The result card as JSON, with when it was looked up (the call itself carries no zone). */
export function callJson(call: CallInfo, lookedUpAt: Date): string {
  return `${JSON.stringify({ ...exportRecord(call), looked_up_at: lookedUpAt.toISOString() }, null, 2)}\n`;
}

/** A batch as CSV, one line per call ID in table order; unfound calls have empty call columns. */
export function batchCsv(rows: readonly BatchRow[]): string {
  const header = ["call_id", "result", "message", ...CALL_COLUMNS.slice(1)];
  const lines = rows.map((row) =>
    row.state === "found"
      ? [row.callId, LOOKUP_STATE_LABELS.found, "", ...callCells(row.call).slice(1)]
      : [row.callId, LOOKUP_STATE_LABELS[row.state], row.message, ...CALL_COLUMNS.slice(1).map(() => "")],
  );
  return toCsv(header, lines);
}

/** A file name safe on every system: the call ID is letters and digits already. */
export function exportFileName(base: string, extension: "csv" | "json"): string {
  return `${base.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 60) || "calls"}.${extension}`;
}
