import { parseCsv } from "../csv";
import { MAX_JOB_ROWS, type FileJobKind } from "../kinds";
import { agentsSpec, type AgentJobOptions } from "./agents";
import { cidSpec, type CidJobOptions } from "./cid";
import { adviseInput } from "@/lib/input";
import { mappingErrors, recordsOf, type CellError, type CellNote, type ColumnMapping, type ColumnSpec, type FileRecord } from "./columns";
import { didCopySpec, didsSpec, type DidCopyJobOptions, type DidJobOptions } from "./dids";
import type { KindSpec, PreparedRow } from "./types";

export { type CellError, type CellNote, type ColumnMapping, type ColumnSpec } from "./columns";
export type { KindSpec, Prepared, PreparedRow } from "./types";

/** The job-wide settings of each kind, parsed. */
export interface JobOptions {
  dids: DidJobOptions;
  "did-copy": DidCopyJobOptions;
  cid: CidJobOptions;
  agents: AgentJobOptions;
}

export const JOB_SPECS: { [K in FileJobKind]: KindSpec<JobOptions[K]> } = {
  dids: didsSpec,
  "did-copy": didCopySpec,
  cid: cidSpec,
  agents: agentsSpec,
};

export interface DryRunInput {
  text: string;
  hasHeader: boolean;
  mapping: ColumnMapping;
  /** Already parsed with the kind's options schema. */
  options: unknown;
}

export interface DryRun {
  rows: PreparedRow[];
  /** Every problem, per row and cell, in file order; with the closest value VICIdial keeps where there is one. */
  errors: CellError[];
  /** Cells of rows that can be sent which were cleaned (pasted phone numbers) or deserve a warning. */
  notes: CellNote[];
  /** Job-settings and mapping problems, keyed by field (`options.groupId`, `mapping.areacode`). */
  fieldErrors: Record<string, string>;
  fileError?: string;
  /** Data rows of the file, and how many of them can run. */
  total: number;
  valid: number;
  /** What the job will send: valid data rows plus the rows it adds (aliases). */
  toSend: number;
  /** The job can start: settings right and at least one row to send. */
  ready: boolean;
}

/**
 * The dry run: the file parsed, mapped and every row checked with the single-object schemas.
 * Nothing is sent. The start action runs it again on the server before creating the job.
 */
export function dryRun(kind: FileJobKind, input: DryRunInput): DryRun {
  const spec = JOB_SPECS[kind] as KindSpec<unknown>;
  const parsed = parseCsv(input.text);
  const fieldErrors: Record<string, string> = {};
  for (const [key, message] of Object.entries(mappingErrors(input.mapping, spec.columns, spec.requiredColumns?.(input.options) ?? []))) {
    fieldErrors[`mapping.${key}`] = message;
  }
  const records = recordsOf(parsed.lines, input.hasHeader, input.mapping);
  const empty = { rows: [], errors: [], notes: [], total: records.length, valid: 0, toSend: 0, ready: false };
  if (parsed.problems.length > 0) {
    const first = parsed.problems[0]!;
    return { ...empty, fieldErrors, fileError: `The file could not be read near line ${first.line}: ${first.message}` };
  }
  if (records.length === 0) return { ...empty, fieldErrors, fileError: "The file has no rows" };
  if (records.length > MAX_JOB_ROWS) {
    return {
      ...empty,
      fieldErrors,
      fileError: `The file has ${records.length.toLocaleString("en-US")} rows; a job takes at most ${MAX_JOB_ROWS.toLocaleString("en-US")}. Split it into several files.`,
    };
  }
  if (Object.keys(fieldErrors).length > 0) return { ...empty, fieldErrors };

  const prepared = spec.prepare(records, input.options);
  for (const [key, message] of Object.entries(prepared.optionErrors)) fieldErrors[`options.${key}`] = message;
  const dataRows = prepared.rows.filter((row) => (row.phase ?? 0) === 0);
  const valid = dataRows.filter((row) => row.errors.length === 0).length;
  const toSend = prepared.rows.filter((row) => row.errors.length === 0).length;
  const advised = adviseCells(records, prepared.rows, spec.columns);
  return {
    rows: prepared.rows,
    errors: advised.errors,
    notes: advised.notes,
    fieldErrors,
    total: records.length,
    valid,
    toSend,
    ready: Object.keys(fieldErrors).length === 0 && valid > 0,
  };
}

/**
 * The same advice the single forms give under a field (lib/input), cell by cell: a refused cell
 * gets the closest value VICIdial keeps, a cell that goes through says what was cleaned or what
 * will not work (a DID of letters only).
 */
function adviseCells(records: readonly FileRecord[], rows: readonly PreparedRow[], columns: readonly ColumnSpec[]): { errors: CellError[]; notes: CellNote[] } {
  const inputOf = new Map(columns.flatMap((column) => (column.input ? [[column.key, column.input] as const] : [])));
  const errors = rows.flatMap((row) =>
    row.errors.map((error) => {
      const api = error.column ? inputOf.get(error.column) : undefined;
      const suggestion = api && error.value ? adviseInput(api, error.value).suggestion : undefined;
      return suggestion ? { ...error, suggestion } : error;
    }),
  );
  const refused = new Set(rows.filter((row) => row.errors.length > 0).map((row) => row.seq));
  const notes: CellNote[] = [];
  for (const record of records) {
    if (refused.has(record.row)) continue;
    for (const [column, api] of inputOf) {
      const value = record.cells[column];
      if (!value) continue;
      const advice = adviseInput(api, value);
      if (advice.cleaned) notes.push({ row: record.row, column, value, message: advice.cleaned.message, tone: "cleaned" });
      if (advice.warning) notes.push({ row: record.row, column, value, message: advice.warning, tone: "warning" });
    }
  }
  return { errors, notes };
}
