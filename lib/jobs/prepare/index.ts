import { parseCsv } from "../csv";
import { MAX_JOB_ROWS, type FileJobKind } from "../kinds";
import { agentsSpec, type AgentJobOptions } from "./agents";
import { cidSpec, type CidJobOptions } from "./cid";
import { mappingErrors, recordsOf, type CellError, type ColumnMapping } from "./columns";
import { didCopySpec, didsSpec, type DidCopyJobOptions, type DidJobOptions } from "./dids";
import type { KindSpec, PreparedRow } from "./types";

export { type CellError, type ColumnMapping, type ColumnSpec } from "./columns";
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
  /** Every problem, per row and cell, in file order. */
  errors: CellError[];
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
  const empty = { rows: [], errors: [], total: records.length, valid: 0, toSend: 0, ready: false };
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
  return {
    rows: prepared.rows,
    errors: prepared.rows.flatMap((row) => row.errors),
    fieldErrors,
    total: records.length,
    valid,
    toSend,
    ready: Object.keys(fieldErrors).length === 0 && valid > 0,
  };
}
