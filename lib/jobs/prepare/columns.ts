import type { z } from "zod";
import type { ApiParameter } from "@/lib/vicidial/parameters";

/**
 * From the file's lines to records keyed by the job's own column names: which line is a header,
 * which file column feeds which job column (the mapping), and the per-row, per-cell errors the
 * dry run lists. Plain functions: the browser's dry run and the server's start use the same ones.
 */
export interface ColumnSpec {
  key: string;
  label: string;
  required: boolean;
  /** Header names that mean this column (compared without case, spaces or punctuation). */
  aliases: readonly string[];
  hint?: string;
  /** The VICIdial parameter the column's text goes to: the dry run advises on it (lib/input). */
  input?: ApiParameter;
}

/** Job column → index of the file column that feeds it; absent or null: not in the file. */
export type ColumnMapping = Record<string, number | null | undefined>;

export interface CellError {
  /** Data row, 1 = the first row after the header. */
  row: number;
  /** Job column key; absent for a problem with the whole row. */
  column?: string;
  value?: string;
  message: string;
  /** The closest value VICIdial keeps, offered in the dry run with one click. */
  suggestion?: string;
}

/** Something the dry run changed or warns about in a row that can still be sent. */
export interface CellNote {
  row: number;
  column: string;
  value: string;
  message: string;
  tone: "cleaned" | "warning";
}

export interface FileRecord {
  row: number;
  cells: Record<string, string>;
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

function columnFor(name: string, columns: readonly ColumnSpec[]): ColumnSpec | undefined {
  const wanted = normalizeName(name);
  return wanted ? columns.find((column) => [column.key, column.label, ...column.aliases].some((alias) => normalizeName(alias) === wanted)) : undefined;
}

/** A first line is a header when one of its cells names a job column (VICIdial's layouts make it optional). */
export function looksLikeHeader(first: readonly string[] | undefined, columns: readonly ColumnSpec[]): boolean {
  return !!first && first.some((cell) => columnFor(cell, columns) !== undefined);
}

/** Header names where there is a header, "Column 1", "Column 2"... otherwise. */
export function fileColumnNames(lines: readonly (readonly string[])[], hasHeader: boolean): string[] {
  const width = Math.max(0, ...lines.map((line) => line.length));
  const header = hasHeader ? (lines[0] ?? []) : [];
  return Array.from({ length: width }, (_, i) => header[i]?.trim() || `Column ${i + 1}`);
}

/**
 * The likely mapping: by header name, or else by position in the kind's usual layout (the CID
 * layout is areacode,outbound_cid,description,active).
 */
export function guessMapping(lines: readonly (readonly string[])[], hasHeader: boolean, columns: readonly ColumnSpec[], positional: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  if (hasHeader) {
    (lines[0] ?? []).forEach((cell, index) => {
      const column = columnFor(cell, columns);
      if (column && mapping[column.key] === undefined) mapping[column.key] = index;
    });
    return mapping;
  }
  const width = Math.max(0, ...lines.map((line) => line.length));
  positional.forEach((key, index) => {
    if (index < width) mapping[key] = index;
  });
  return mapping;
}

/** Every data line as a record of job columns (missing cells are ""). */
export function recordsOf(lines: readonly (readonly string[])[], hasHeader: boolean, mapping: ColumnMapping): FileRecord[] {
  const data = hasHeader ? lines.slice(1) : lines;
  return data.map((line, index) => {
    const cells: Record<string, string> = {};
    for (const [key, column] of Object.entries(mapping)) {
      if (column !== null && column !== undefined) cells[key] = (line[column] ?? "").trim();
    }
    return { row: index + 1, cells };
  });
}

/** The mapping problems that stop a dry run: a required column nobody chose, one file column used twice. */
export function mappingErrors(mapping: ColumnMapping, columns: readonly ColumnSpec[], required: readonly string[] = []): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const column of columns) {
    const needed = column.required || required.includes(column.key);
    if (needed && (mapping[column.key] === null || mapping[column.key] === undefined)) errors[column.key] = `Choose the file column that holds the ${column.label.toLowerCase()}`;
  }
  const seen = new Map<number, string>();
  for (const column of columns) {
    const index = mapping[column.key];
    if (index === null || index === undefined) continue;
    const other = seen.get(index);
    if (other) errors[column.key] = `The same file column is already used for ${other.toLowerCase()}`;
    else seen.set(index, column.label);
  }
  return errors;
}

/** The issues of a failed parse as cell errors, through `columnOf` (schema field → job column). */
export function cellErrorsOf(
  error: z.ZodError,
  record: FileRecord,
  columnOf: (field: string) => string | undefined,
): { cells: CellError[]; other: { field: string; message: string }[] } {
  const cells: CellError[] = [];
  const other: { field: string; message: string }[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    const column = columnOf(field);
    // A column not in the file still gets the error (a route's target the file lacks).
    if (column) cells.push({ row: record.row, column, value: record.cells[column], message: issue.message });
    else other.push({ field, message: issue.message });
  }
  return { cells, other };
}

/** One line of text per row for the results of a refused row. */
export function describeErrors(errors: readonly CellError[], columns: readonly ColumnSpec[]): string {
  return errors
    .map((error) => {
      const label = columns.find((c) => c.key === error.column)?.label;
      return label ? `${label}: ${error.message}` : error.message;
    })
    .join("; ");
}

/** "Y"/"N" (any case), yes/no and 1/0; `undefined` for an empty cell, `null` for anything else. */
export function yesNoCell(value: string | undefined): boolean | undefined | null {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "") return undefined;
  if (["y", "yes", "1", "true"].includes(text)) return true;
  if (["n", "no", "0", "false"].includes(text)) return false;
  return null;
}
