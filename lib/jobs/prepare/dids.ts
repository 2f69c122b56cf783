import { z } from "zod";
import { DID_FIELD_TABLE, DID_FIELDS, didFieldLabel } from "@/lib/dids/fields";
import { addDidSchema, copyDidSchema } from "@/lib/dids/schemas";
import { cellErrorsOf, yesNoCell, type CellError, type ColumnSpec } from "./columns";
import { refusedRow, type KindSpec, type PreparedRow } from "./types";
import { countOf } from "@/lib/text/plural";

const PATTERN_COLUMN: ColumnSpec = { key: "didPattern", label: "DID pattern", required: true, aliases: ["did_pattern", "did", "pattern", "number"], input: "did_pattern" };

export const DID_COLUMNS: readonly ColumnSpec[] = [
  PATTERN_COLUMN,
  ...DID_FIELDS.map((field) => ({
    key: field,
    label: didFieldLabel(field),
    required: field === "didRoute",
    aliases: DID_FIELD_TABLE[field].csv,
    hint: field === "active" ? "Y or N; empty means Y" : undefined,
    // The dry run offers the closest text VICIdial keeps for the free-text description.
    input: field === "description" ? DID_FIELD_TABLE.description.api : undefined,
  })),
];

export const didJobOptionsSchema = z.object({});
export type DidJobOptions = z.output<typeof didJobOptionsSchema>;

function duplicateOf(seen: Map<string, number>, pattern: string, row: number): CellError | undefined {
  const first = seen.get(pattern);
  if (first !== undefined) return { row, column: "didPattern", value: pattern, message: `Row ${first} already has DID ${pattern}` };
  seen.set(pattern, row);
  return undefined;
}

/** One add_did per row, checked with the add form's schema. */
export const didsSpec: KindSpec<DidJobOptions> = {
  kind: "dids",
  columns: DID_COLUMNS,
  positional: ["didPattern", "description", "didRoute", "extension"],
  optionsSchema: didJobOptionsSchema,
  title: (_options, rows) => countOf(rows, "new DID"),
  prepare(records) {
    const seen = new Map<string, number>();
    const rows: PreparedRow[] = records.map((record) => {
      const { cells } = record;
      const label = cells.didPattern || `Row ${record.row}`;
      const active = yesNoCell(cells.active);
      const errors: CellError[] = [];
      if (active === null) errors.push({ row: record.row, column: "active", value: cells.active, message: "Active must be Y or N" });
      const values: Record<string, unknown> = { ...cells, didPattern: cells.didPattern ?? "", active: active ?? undefined };
      const parsed = addDidSchema.safeParse(values);
      if (!parsed.success) errors.push(...cellErrorsOf(parsed.error, record, (field) => field).cells);
      if (errors.length > 0 || !parsed.success) return refusedRow(record, label, errors);
      const duplicate = duplicateOf(seen, parsed.data.didPattern, record.row);
      if (duplicate) return refusedRow(record, label, [duplicate]);
      return { seq: record.row, label: parsed.data.didPattern, input: JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>, errors: [] };
    });
    return { rows, optionErrors: {} };
  },
};

export const didCopyJobOptionsSchema = z.object({
  sourceDidPattern: copyDidSchema.shape.sourceDidPattern,
  description: copyDidSchema.shape.description,
});
export type DidCopyJobOptions = z.output<typeof didCopyJobOptionsSchema>;

/** Each row one new DID taking the source DID's settings; checked with the copy form's schema. */
export const didCopySpec: KindSpec<DidCopyJobOptions> = {
  kind: "did-copy",
  columns: [{ ...PATTERN_COLUMN, label: "New DID pattern" }],
  positional: ["didPattern"],
  optionsSchema: didCopyJobOptionsSchema,
  title: (options, rows) => `${countOf(rows, "copy")} of DID ${options.sourceDidPattern}`,
  prepare(records, options) {
    const seen = new Map<string, number>();
    const optionErrors: Record<string, string> = {};
    const rows: PreparedRow[] = records.map((record) => {
      const pattern = record.cells.didPattern ?? "";
      const label = pattern || `Row ${record.row}`;
      const parsed = copyDidSchema.safeParse({ sourceDidPattern: options.sourceDidPattern, newDids: [pattern], description: options.description ?? "" });
      if (!parsed.success) {
        const { cells, other } = cellErrorsOf(parsed.error, record, (field) => (field === "newDids" ? "didPattern" : undefined));
        for (const problem of other) optionErrors[problem.field] ??= problem.message;
        return refusedRow(record, label, cells);
      }
      const entry = parsed.data.newDids[0]!;
      const duplicate = duplicateOf(seen, entry, record.row);
      if (duplicate) return refusedRow(record, label, [duplicate]);
      return { seq: record.row, label: entry, input: { didPattern: entry }, weight: entry.length + 1, errors: [] };
    });
    return { rows, optionErrors };
  },
};
