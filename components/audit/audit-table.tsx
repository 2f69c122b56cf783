import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { Table, Td, Th } from "@/components/ui";
import { Time } from "@/components/ui/time";
import type { AuditRow } from "@/lib/audit/queries";
import { describeEntry } from "@/lib/audit/changes";
import { AuditSummary } from "./audit-summary";
import { OutcomeBadge } from "./outcome-badge";

/** `undo`: the undo column's cells by entry id (components/audit/undo-cells.tsx); absent, no column. */
export function AuditTable({ rows, caption = "Audit log entries", undo }: { rows: AuditRow[]; caption?: string; undo?: Record<number, ReactNode> }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>User</Th>
          <Th>What</Th>
          <Th>Target</Th>
          <Th>Outcome</Th>
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
              <Time value={row.at} />
            </Td>
            <Td>{row.actorUsername}</Td>
            <Td className="max-w-md">
              <AuditSummary description={describeEntry(row)} />
            </Td>
            <Td className="max-w-xs break-words">{row.target ?? "—"}</Td>
            <Td>
              <OutcomeBadge outcome={row.outcome} />
            </Td>
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
