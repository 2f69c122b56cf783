import { z } from "zod";
import { CID_FIELD_TABLE, type CidField } from "@/lib/cid-groups/fields";
import { addCidEntrySchema, type AddCidEntry } from "@/lib/cid-groups/schemas";
import { cellErrorsOf, yesNoCell, type CellError, type ColumnSpec } from "./columns";
import { refusedRow, type KindSpec, type PreparedRow } from "./types";
import { countOf } from "@/lib/text/plural";

/** An entry field's column in the file: VICIdial's parameter name, but the layout's plain "description". */
const columnKey = (field: CidField) => (field === "description" ? field : CID_FIELD_TABLE[field].api);

function column(field: CidField, more: Partial<ColumnSpec> = {}): ColumnSpec {
  const { label, csv } = CID_FIELD_TABLE[field];
  return { key: columnKey(field), label, required: true, aliases: csv, ...more };
}

/** The layout VICIdial admins already use: areacode,outbound_cid,description,active (header optional). */
export const CID_COLUMNS: readonly ColumnSpec[] = [
  column("areacode"),
  column("outboundCid", { input: CID_FIELD_TABLE.outboundCid.api }),
  column("description", { required: false, input: CID_FIELD_TABLE.description.api }),
  column("active", { required: false, hint: "Y or N; empty means Y" }),
];

/** The file column of a schema field; the group is the job's setting, not a column. */
const columnOf = (field: string) => (field in CID_FIELD_TABLE && field !== "groupId" ? columnKey(field as CidField) : undefined);

export const cidJobOptionsSchema = z.object({ groupId: addCidEntrySchema.shape.groupId });
export type CidJobOptions = z.output<typeof cidJobOptionsSchema>;

export const cidSpec: KindSpec<CidJobOptions> = {
  kind: "cid",
  columns: CID_COLUMNS,
  positional: ["areacode", "outbound_cid", "description", "active"],
  optionsSchema: cidJobOptionsSchema,
  title: (options, rows) => `${countOf(rows, "CID entry")} into ${options.groupId}`,
  prepare(records, options) {
    const seen = new Map<string, number>();
    const rows: PreparedRow[] = records.map((record) => {
      const { cells } = record;
      const label = [cells.areacode, cells.outbound_cid].filter(Boolean).join(" · ") || `Row ${record.row}`;
      const active = yesNoCell(cells.active);
      const errors: CellError[] = [];
      if (active === null) errors.push({ row: record.row, column: "active", value: cells.active, message: "Active must be Y or N" });
      const parsed = addCidEntrySchema.safeParse({
        groupId: options.groupId,
        areacode: cells.areacode ?? "",
        outboundCid: cells.outbound_cid ?? "",
        description: cells.description ?? "",
        active: active ?? true,
      });
      if (!parsed.success) errors.push(...cellErrorsOf(parsed.error, record, columnOf).cells);
      if (errors.length > 0 || !parsed.success) return refusedRow(record, label, errors);

      const entry: AddCidEntry = parsed.data;
      const key = `${entry.areacode}|${entry.outboundCid}`;
      const first = seen.get(key);
      if (first !== undefined) {
        return refusedRow(record, label, [
          { row: record.row, column: "outbound_cid", value: entry.outboundCid, message: `Row ${first} already adds ${entry.outboundCid} for area code ${entry.areacode}` },
        ]);
      }
      seen.set(key, record.row);
      return { seq: record.row, label: `${entry.areacode} · ${entry.outboundCid}`, input: { ...entry }, errors: [] };
    });
    return { rows, optionErrors: {} };
  },
};
