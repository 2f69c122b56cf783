import { z } from "zod";
import { addCidEntrySchema, type AddCidEntry } from "@/lib/cid-groups/schemas";
import { cellErrorsOf, yesNoCell, type CellError, type ColumnSpec } from "./columns";
import { refusedRow, type KindSpec, type PreparedRow } from "./types";
import { countOf } from "@/lib/text/plural";

/** The layout VICIdial admins already use: areacode,outbound_cid,description,active (header optional). */
export const CID_COLUMNS: readonly ColumnSpec[] = [
  { key: "areacode", label: "Area code", required: true, aliases: ["area code", "area", "state"] },
  { key: "outbound_cid", label: "Outbound CID", required: true, aliases: ["outboundcid", "cid", "caller id", "callerid"], input: "outbound_cid" },
  { key: "description", label: "Description", required: false, aliases: ["cid_description", "desc"], input: "cid_description" },
  { key: "active", label: "Active", required: false, aliases: [], hint: "Y or N; empty means Y" },
];

export const cidJobOptionsSchema = z.object({ groupId: addCidEntrySchema.shape.groupId });
export type CidJobOptions = z.output<typeof cidJobOptionsSchema>;

const COLUMN_OF: Record<string, string> = { areacode: "areacode", outboundCid: "outbound_cid", description: "description", active: "active" };

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
      if (!parsed.success) errors.push(...cellErrorsOf(parsed.error, record, (field) => COLUMN_OF[field]).cells);
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
