import type { BatchItem } from "@/lib/calls/schemas";
import { LOOKUP_STATE_LABELS, type BatchRow } from "./outcome";

/** A row of the batch table: a finished lookup, or a valid ID still waiting for its turn. */
export type TableRow = BatchRow | { callId: string; state: "pending" };

export interface BatchPlan {
  /** One row per distinct call ID, in pasted order: invalid ones already marked, the rest pending. */
  rows: TableRow[];
  /** The distinct valid IDs, in pasted order: what is sent to VICIdial. */
  toSend: string[];
  pasted: number;
  duplicates: number;
  invalid: number;
}

/** What a pasted batch comes to before anything is sent. */
export function planBatch(items: readonly BatchItem[]): BatchPlan {
  const seen = new Set<string>();
  const rows: TableRow[] = [];
  const toSend: string[] = [];
  let invalid = 0;
  for (const item of items) {
    if (seen.has(item.callId)) continue;
    seen.add(item.callId);
    if (item.problem) {
      invalid++;
      rows.push({ callId: item.callId || item.pasted, state: "invalid", message: item.problem });
    } else {
      toSend.push(item.callId);
      rows.push({ callId: item.callId, state: "pending" });
    }
  }
  return { rows, toSend, pasted: items.length, duplicates: items.length - seen.size, invalid };
}

/** Finished lookups replace their pending rows; the order stays as pasted. */
export function mergeResults(rows: readonly TableRow[], results: readonly BatchRow[]): TableRow[] {
  const byId = new Map(results.map((row) => [row.callId, row]));
  return rows.map((row) => byId.get(row.callId) ?? row);
}

export const SORT_KEYS = ["callId", "result", "kind", "date", "phone", "group", "status", "agent", "talk"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = "asc" | "desc";
export type BatchSort = { key: SortKey; dir: SortDir } | null;

/** The sort after a click on `key`'s header: ascending first, then descending. */
export function nextSort(current: BatchSort, key: SortKey): BatchSort {
  return current?.key === key && current.dir === "asc" ? { key, dir: "desc" } : { key, dir: "asc" };
}

const PENDING_LABEL = "Waiting";

export function resultLabel(row: TableRow): string {
  return row.state === "pending" ? PENDING_LABEL : LOOKUP_STATE_LABELS[row.state];
}

function sortValue(row: TableRow, key: SortKey): string | number | undefined {
  if (key === "callId") return row.callId;
  if (key === "result") return resultLabel(row);
  if (row.state !== "found") return undefined;
  const { call } = row;
  switch (key) {
    case "kind":
      return call.callType;
    case "date":
      return call.callDate;
    case "phone":
      return call.phoneNumber;
    case "group":
      return call.campaignId;
    case "status":
      return call.status;
    case "agent":
      return call.agentUser;
    case "talk":
      return call.customerTalkSeconds;
  }
}

/** Sorted by one column; rows without that value (no call found) stay at the bottom either way. */
export function sortRows(rows: readonly TableRow[], key: SortKey, dir: SortDir): TableRow[] {
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row, key) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        return a.value === b.value ? a.index - b.index : a.value === undefined ? 1 : -1;
      }
      const order =
        typeof a.value === "number" && typeof b.value === "number"
          ? a.value - b.value
          : String(a.value).localeCompare(String(b.value), "en", { numeric: true });
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map(({ row }) => row);
}
