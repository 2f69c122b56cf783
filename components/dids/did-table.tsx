import { Link } from "@/components/ui/link";
import { Unknown } from "@/components/inventory/last-change";
import { Badge, KeysetPagination, SortTh, totalLabel, Table, Td, Th, type SearchParams } from "@/components/ui";
import { SelectPageCheckbox } from "@/components/ui/bulk-bar";
import { RowCheckbox } from "@/components/ui/row-checkbox";
import { DID_SELECTION_FORM } from "./selection";
import type { DidListRow } from "@/lib/dids/inventory";
import type { ListTotal } from "@/lib/db/paging";
import { RECORD_CALL_LABELS, ROUTE_LABELS, type DidRoute, type RecordCall } from "@/lib/dids/fields";
import { didPath } from "./paths";
import { Time } from "@/components/ui/time";

const COLUMNS = [
  ["pattern", "Pattern"],
  ["description", "Description"],
  ["route", "Route"],
  ["target", "Target"],
  ["active", "Active"],
  ["record", "Record"],
  ["updated", "Last changed"],
  ["by", "Changed by"],
] as const;

export function routeLabel(route: string | null): string {
  return route && route in ROUTE_LABELS ? ROUTE_LABELS[route as DidRoute] : (route ?? "—");
}

export function recordLabel(value: string | null): string {
  return value && value in RECORD_CALL_LABELS ? RECORD_CALL_LABELS[value as RecordCall] : (value ?? "—");
}

interface DidTableProps {
  rows: DidListRow[];
  total: ListTotal;
  /** Keyset cursors of the neighbouring pages. */
  previous?: string;
  next?: string;
  /** The URL's parameters with the effective sort, so the sorted column shows its direction. */
  params: SearchParams;
  /** Rows get checkboxes for the bulk bar (users who may change DIDs). */
  selectable?: boolean;
}

export function DidTable({ rows, total, previous, next, params, selectable = false }: DidTableProps) {
  return (
    <>
      <Table caption={`DIDs, ${totalLabel(total)} in all`}>
        <thead>
          <tr>
            {selectable && (
              <Th className="w-8">
                <SelectPageCheckbox formId={DID_SELECTION_FORM} label="Select every DID on this page" />
              </Th>
            )}
            {COLUMNS.map(([column, label]) => (
              <SortTh key={column} label={label} column={column} params={params} basePath="/dids" />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.didPattern} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
              {selectable && (
                <Td>
                  <RowCheckbox formId={DID_SELECTION_FORM} value={row.didPattern} label={`Select ${row.didPattern}`} />
                </Td>
              )}
              <Td className="font-mono">
                <Link href={didPath(row.didPattern)} className="text-brand-700 hover:underline dark:text-brand-100">
                  {row.didPattern}
                </Link>
              </Td>
              <Td>{row.settingsKnown ? (row.description ?? <span className="text-slate-400">—</span>) : <Unknown />}</Td>
              <Td>{row.settingsKnown || row.route ? routeLabel(row.route) : <Unknown />}</Td>
              <Td className="font-mono">{row.target ?? <span className="text-slate-400">—</span>}</Td>
              <Td>{row.active === "N" ? <Badge tone="neutral">No</Badge> : row.active === "Y" ? <Badge tone="green">Yes</Badge> : "—"}</Td>
              <Td>{recordLabel(row.recordCall)}</Td>
              <Td>
                <Time value={row.updatedAt} />
              </Td>
              <Td>{row.updatedBy}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <KeysetPagination shown={rows.length} total={total} previous={previous} next={next} params={params} basePath="/dids" />
    </>
  );
}
