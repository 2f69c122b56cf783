"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { OutcomeBadge } from "@/components/audit/outcome-badge";
import { UndoCell } from "@/components/audit/undo-cell";
import { Card, Table, Td, Th } from "@/components/ui";
import type { RecentChange } from "@/lib/audit/recent";
import { isEmptyUndoState } from "@/lib/undo/types";
import { Time } from "@/components/ui/time";
import { AuditSummary } from "@/components/audit/audit-summary";
import { historyKey } from "./keys";

async function fetchHistory(groupId: string): Promise<RecentChange[]> {
  const response = await fetch(`/api/cid-groups/${encodeURIComponent(groupId)}/history`, { cache: "no-store" });
  if (!response.ok) throw new Error("The recent changes could not be read; reload the page.");
  return (await response.json()) as RecentChange[];
}

/**
 * The group's last changes made through the dashboard, from the audit log. A query of its own,
 * seeded by the server page and read again after every change made on the page (useCidChange),
 * so the panel never says "no change" beside a change just made.
 */
export function RecentChanges({ groupId }: { groupId: string }) {
  const { data: rows = [], error } = useQuery({ queryKey: historyKey(groupId), queryFn: () => fetchHistory(groupId) });
  const undo = rows.some((row) => !isEmptyUndoState(row.undo));
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
      {error && (
        <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      )}
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
                <Td className="whitespace-nowrap"><Time value={row.at} relative /></Td>
                <Td>{row.actorUsername}</Td>
                <Td>
                  <AuditSummary entry={row} />
                </Td>
                <Td>
                  <OutcomeBadge outcome={row.outcome} />
                </Td>
                {undo && <Td>{!isEmptyUndoState(row.undo) && <UndoCell entryId={row.id} state={row.undo} />}</Td>}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
