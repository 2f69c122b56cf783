import Link from "next/link";
import type { ReactNode } from "react";
import { Table, Td, Th } from "@/components/ui";
import type { AuditRow } from "@/lib/audit/queries";
import { formatAuditTime, formatDuration } from "./format";
import { OutcomeBadge } from "./outcome-badge";

/** `undo`: the undo column's cells by entry id (components/audit/undo-cells.tsx); absent, no column. */
export function AuditTable({ rows, caption = "Audit log entries", undo }: { rows: AuditRow[]; caption?: string; undo?: Record<number, ReactNode> }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>User</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Outcome</Th>
          <Th className="text-right">Duration</Th>
          <Th>
            <span className="sr-only">Details</span>
          </Th>
          {undo && (
            <Th>
              <span className="sr-only">Undo</span>
            </Th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <Td className="whitespace-nowrap">
              <time dateTime={row.at.toISOString()}>{formatAuditTime(row.at)}</time>
            </Td>
            <Td>{row.actorUsername}</Td>
            <Td>
              <code className="text-xs">{row.action}</code>
            </Td>
            <Td className="max-w-xs break-words">{row.target ?? "—"}</Td>
            <Td>
              <OutcomeBadge outcome={row.outcome} />
              {row.message && <p className="mt-1 max-w-sm text-xs text-slate-600 dark:text-slate-400">{row.message}</p>}
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{formatDuration(row.durationMs)}</Td>
            <Td>
              <Link href={`/audit/${row.id}`} className="text-brand-600 hover:underline dark:text-brand-500" aria-label={`Details of entry ${row.id}`}>
                Details
              </Link>
            </Td>
            {undo && <Td>{undo[row.id]}</Td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
