import Link from "next/link";
import { Table, Td, Th } from "@/components/ui";
import type { AuditRow } from "@/lib/audit/queries";
import { formatDuration } from "./format";
import { OutcomeBadge } from "./outcome-badge";
import { Time } from "@/components/ui/time";

export function AuditTable({ rows, caption = "Audit log entries" }: { rows: AuditRow[]; caption?: string }) {
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
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <Td className="whitespace-nowrap">
              <Time value={row.at} />
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
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
