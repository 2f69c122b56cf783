import type { ReactNode } from "react";
import { OutcomeBadge } from "@/components/audit/outcome-badge";
import { Card, EmptyState, Table, Td, Th } from "@/components/ui";
import type { AuditRow } from "@/lib/audit/queries";
import { Time } from "@/components/ui/time";
import { AuditSummary } from "@/components/audit/audit-summary";

/** What changed, when, by whom: the object's own audit entries, newest first. */
export function ChangeHistory({ rows, scopeNote, undo }: { rows: AuditRow[]; scopeNote?: string; undo?: Record<number, ReactNode> }) {
  return (
    <Card title="History">
      {scopeNote && <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{scopeNote}</p>}
      {rows.length === 0 ? (
        <EmptyState title="No recorded changes">Changes made through the dashboard appear here.</EmptyState>
      ) : (
        <Table caption="Change history">
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
                <Td className="whitespace-nowrap">
                  <Time value={row.at} />
                </Td>
                <Td>{row.actorUsername}</Td>
                <Td>
                  <AuditSummary entry={row} />
                </Td>
                <Td>
                  <OutcomeBadge outcome={row.outcome} />
                </Td>
                {undo && <Td>{undo[row.id]}</Td>}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
