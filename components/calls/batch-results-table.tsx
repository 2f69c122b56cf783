"use client";

import { Link } from "@/components/ui/link";
import { Badge, Table, Td } from "@/components/ui";
import { resultLabel, type BatchSort, type SortKey, type TableRow } from "@/lib/calls/batch-table";
import { callKind, formatAgent, formatPhone, formatTalkTime } from "@/lib/calls/format";
import { callPath } from "./paths";
import { STATE_TONES } from "./tones";
import { VicidialTime } from "@/components/ui/time";

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "callId", label: "Call ID" },
  { key: "result", label: "Result" },
  { key: "kind", label: "Direction and kind" },
  { key: "date", label: "Date and time (VICIdial server time)" },
  { key: "phone", label: "Customer phone" },
  { key: "group", label: "Campaign or in-group" },
  { key: "status", label: "Status" },
  { key: "agent", label: "Agent" },
  { key: "talk", label: "Talk time" },
];

function SortHeader({ column, sort, onSort }: { column: (typeof COLUMNS)[number]; sort: BatchSort; onSort: (key: SortKey) => void }) {
  const dir = sort?.key === column.key ? sort.dir : undefined;
  return (
    <th
      scope="col"
      aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none"}
      className="border-b border-slate-200 px-3 py-2 font-medium text-slate-600 dark:border-slate-800 dark:text-slate-300"
    >
      <button type="button" onClick={() => onSort(column.key)} className="inline-flex items-center gap-1 whitespace-nowrap hover:underline">
        {column.label}
        <span aria-hidden className="text-xs">
          {dir === "asc" ? "▲" : dir === "desc" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}

function CallCells({ row }: { row: TableRow }) {
  if (row.state === "found") {
    const { call } = row;
    return (
      <>
        <Td>{callKind(call.callType).label}</Td>
        <Td className="whitespace-nowrap">
          <VicidialTime value={call.callDate} label={false} />
        </Td>
        <Td className="whitespace-nowrap">{formatPhone(call.phoneNumber)}</Td>
        <Td>{call.campaignId}</Td>
        <Td>{call.status}</Td>
        <Td>{formatAgent(call.agentUser)}</Td>
        <Td className="font-mono">{formatTalkTime(call.customerTalkSeconds)}</Td>
      </>
    );
  }
  return (
    <td colSpan={7} className="border-b border-slate-100 px-3 py-2 align-top text-slate-600 dark:border-slate-800/60 dark:text-slate-400">
      {row.state === "pending" ? "Waiting for its turn…" : row.message}
    </td>
  );
}

/**
 * The batch's results, already in the order to show. They live only in the page's memory
 * (nothing to bookmark), so sorting is client state rather than URL state.
 */
export function BatchResultsTable({ rows, sort, onSort }: { rows: TableRow[]; sort: BatchSort; onSort: (key: SortKey) => void }) {
  return (
    <Table caption="Batch lookup results">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <SortHeader key={column.key} column={column} sort={sort} onSort={onSort} />
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.callId}>
            <Td className="font-mono">
              {row.state === "found" ? (
                <Link href={callPath(row.callId)} prefetch={false} className="text-brand-700 hover:underline dark:text-brand-100">
                  {row.callId}
                </Link>
              ) : (
                row.callId
              )}
            </Td>
            <Td>{row.state === "pending" ? <Badge>{resultLabel(row)}</Badge> : <Badge tone={STATE_TONES[row.state]}>{resultLabel(row)}</Badge>}</Td>
            <CallCells row={row} />
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
