import type { z } from "zod";
import type { FileJobKind } from "../kinds";
import type { CellError, ColumnSpec, FileRecord } from "./columns";

/** A row ready for the job: valid (no errors) or refused (stored as skipped with its errors). */
export interface PreparedRow {
  seq: number;
  label: string;
  /** The operation's input (valid rows) or the row's cells (refused rows). */
  input: Record<string, unknown>;
  phase?: number;
  weight?: number;
  errors: CellError[];
}

export interface Prepared {
  /** One per data row, in file order, then the rows the job adds (aliases). */
  rows: PreparedRow[];
  /** Problems with the job's settings (keyed by option field), found while checking rows. */
  optionErrors: Record<string, string>;
  /** A problem with the whole file (too many rows, no rows). */
  fileError?: string;
}

export interface KindSpec<Options> {
  kind: FileJobKind;
  columns: readonly ColumnSpec[];
  /** The file layout without a header, in order. */
  positional: readonly string[];
  /** Settings for the whole job (the CID group, the server...). */
  optionsSchema: z.ZodType<Options>;
  /** Checks every row with the single-object schema; no request is sent. */
  prepare(records: readonly FileRecord[], options: Options): Prepared;
  /** Columns that are required with these options (the alias column when each row has its alias). */
  requiredColumns?(options: Options): string[];
  /** A line for lists and the audit log: "CID entries into US_SALES". */
  title(options: Options, rows: number): string;
}

/** A refused row always carries at least one error, so it is never counted as ready. */
export function refusedRow(record: FileRecord, label: string, errors: CellError[]): PreparedRow {
  const reasons = errors.length > 0 ? errors : [{ row: record.row, message: "Fix the job settings above" }];
  return { seq: record.row, label, input: { cells: record.cells }, errors: reasons };
}
