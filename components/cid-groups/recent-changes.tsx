import Link from "next/link";
import { OutcomeBadge } from "@/components/audit/outcome-badge";
import { Card, Table, Td, Th } from "@/components/ui";
import type { AuditRow } from "@/lib/audit/queries";
import { Time } from "@/components/ui/time";
import { AuditSummary } from "@/components/audit/audit-summary";

/** The group's last changes made through the dashboard, from the audit log. */
export function RecentChanges({ rows, groupId }: { rows: AuditRow[]; groupId: string }) {
  return (
    <Card
      title="Recent changes"
      className="mt-8"
      actions={
        <Link href={`/audit?${new URLSearchParams({ resource: "cid", target: groupId })}`} className="text-sm text-brand-600 hover:underline dark:text-brand-500">
          Full history
        </Link>
      }
    >
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No change to this group has been made through the dashboard yet.</p>
      ) : (
        <Table caption={`Recent changes to ${groupId}`}>
          <thead>
            <tr>
              <Th>When</Th>
              <Th>Who</Th>
              <Th>What</Th>
              <Th>Outcome</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <Td className="whitespace-nowrap"><Time value={row.at} relative /></Td>
                <Td>{row.actorUsername}</Td>
                <Td>
                  <AuditSummary entry={row} />
                </Td>
                <Td>
                  <OutcomeBadge outcome={row.outcome} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
