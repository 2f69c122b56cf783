import { csvLines } from "@/lib/export/csv";
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

/** CSV lines for a batch of entries. */
export function auditCsv(rows: AuditRow[], { header }: { header: boolean }): string {
  return csvLines(COLUMNS, rows.map(toRecord), { header });
}
