import Papa from "papaparse";

/**
 * Cells a spreadsheet would run as a formula get a leading apostrophe, so a value like
 * "=HYPERLINK(…)" opens as text. A + or - followed only by a number (an E.164 DID such as
 * +17275551212) is left alone: it cannot run anything and people search for it as written.
 */
export const FORMULA = /^(?:[=@\t\r]|[+-](?!\d[\d ().-]*$))/;

/** CSV lines (CRLF, header optional) for one batch of records; every export writes through here. */
export function csvLines(columns: readonly string[], records: unknown[][], { header }: { header: boolean }): string {
  const body = Papa.unparse({ fields: [...columns], data: records }, { header, escapeFormulae: FORMULA, newline: "\r\n" });
  // Papa ends a header-only file with a line break, and a file with rows without one.
  const lines = body.replace(/\r\n$/, "");
  return lines ? `${lines}\r\n` : "";
}

/** "dids-20261130-0704.csv": what the list was and when it was taken (UTC). */
export function exportFileName(list: string, now: Date = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  return `${list}-${stamp}.csv`;
}
