import type { ReactNode } from "react";
import { OutcomeBadge } from "@/components/audit/outcome-badge";
import { Table, Td, Th } from "@/components/ui";
import type { AuditRow } from "@/lib/audit/queries";
import { Time } from "@/components/ui/time";
import { AuditSummary } from "@/components/audit/audit-summary";

/** The DID's audit entries, newest first: who did what, whether it worked, and what changed. */
export function DidHistory({ rows, undo }: { rows: AuditRow[]; undo?: Record<number, ReactNode> }) {
  if (rows.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">No changes to this DID were made through the dashboard yet.</p>;
  }
  return (
    <Table caption="History of this DID">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>What</Th>
          <Th>Outcome</Th>
          <Th>VICIdial&apos;s answer</Th>
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
              <Td>
                {row.raw && (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs font-medium">Show</summary>
                    <pre className="mt-1 whitespace-pre-wrap break-all font-mono text-xs">{row.raw}</pre>
                  </details>
                )}
              </Td>
              {undo && <Td>{undo[row.id]}</Td>}
            </tr>
        ))}
      </tbody>
    </Table>
  );
}
