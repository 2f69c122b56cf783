import Papa from "papaparse";
import type { AuditRow } from "./queries";

const COLUMNS = ["id", "time_utc", "user", "role", "ip", "action", "resource", "target", "outcome", "message", "duration_ms", "params", "before", "after", "raw", "user_agent"];

const json = (value: unknown) => (value == null ? "" : JSON.stringify(value));

function toRecord(row: AuditRow): unknown[] {
  return [
    row.id,
    row.at.toISOString(),
    row.actorUsername,
    row.actorRole ?? "",
    row.ip ?? "",
    row.action,
    row.resource,
    row.target ?? "",
    row.outcome,
    row.message ?? "",
    row.durationMs ?? "",
    json(row.params),
    json(row.before),
    json(row.after),
    row.raw ?? "",
    row.userAgent ?? "",
  ];
}

/**
 * CSV lines for a batch of entries. `escapeFormulae` prefixes cells starting with = + - @ so a
 * target like "=HYPERLINK(…)" opens in a spreadsheet as text, not as a formula.
 */
export function auditCsv(rows: AuditRow[], { header }: { header: boolean }): string {
  const body = Papa.unparse({ fields: COLUMNS, data: rows.map(toRecord) }, { header, escapeFormulae: true, newline: "\r\n" });
  return body ? `${body}\r\n` : "";
}
