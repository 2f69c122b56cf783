const WHEN = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** In UTC, like the date filters, so what the table shows and what the filter means agree. */
export function formatAuditTime(date: Date): string {
  return `${WHEN.format(date)} UTC`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
