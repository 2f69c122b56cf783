import Papa from "papaparse";

/**
 * Reading the uploaded or pasted file and writing the result files, with papaparse. Runs in the
 * browser (dry run) and on the server (the job is built from the same text again).
 */
export interface ParsedCsv {
  /** Every non-empty line, as cells (trimmed). */
  lines: string[][];
  /** Problems papaparse reported (an unclosed quote...), with the line they are on. */
  problems: { line: number; message: string }[];
}

export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  return {
    lines: result.data.map((cells) => cells.map((cell) => cell.trim())),
    // A one-column file has no delimiter to detect; that is not a problem.
    problems: result.errors.filter((error) => error.code !== "UndetectableDelimiter").map((error) => ({ line: (error.row ?? 0) + 1, message: error.message })),
  };
}

/**
 * A cell a spreadsheet would run as a formula starts with one of these; such text cells get a
 * leading apostrophe. Identifiers (DIDs such as +17275551212) are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeText(value: string | null | undefined): string {
  const text = value ?? "";
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((row) => row.map((cell) => (cell == null ? "" : String(cell)))) }, { newline: "\r\n" });
}

/** The file's lines written back as CSV (after the dry run replaced some cells). */
export function linesToCsv(lines: readonly (readonly string[])[]): string {
  return Papa.unparse(lines.map((line) => [...line]), { newline: "\n" });
}
