import Papa from "papaparse";
import type { AuditRow } from "./queries";
import { entrySummary } from "./changes";

const COLUMNS = ["id", "time_utc", "user", "role", "ip", "action", "resource", "target", "outcome", "message", "duration_ms", "params", "before", "after", "raw", "user_agent", "changes"];

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
    entrySummary(row).join("; "),
  ];
}

/**
 * Cells a spreadsheet would run as a formula get a leading apostrophe, so a target like
 * "=HYPERLINK(…)" opens as text. A + or - followed only by a number (an E.164 DID such as
 * +17275551212) is left alone: it cannot run anything and people search for it as written.
 */
const FORMULA = /^(?:[=@\t\r]|[+-](?!\d[\d ().-]*$))/;

/** CSV lines for a batch of entries. */
export function auditCsv(rows: AuditRow[], { header }: { header: boolean }): string {
  const body = Papa.unparse({ fields: COLUMNS, data: rows.map(toRecord) }, { header, escapeFormulae: FORMULA, newline: "\r\n" });
  return body ? `${body}\r\n` : "";
}
