import type { ReactNode } from "react";
import { Card, EmptyState, Table, Td, Th } from "@/components/ui";
import { Time } from "@/components/ui/time";
import type { AuditRow } from "@/lib/audit/queries";
import { AuditSummary } from "./audit-summary";
import { OutcomeBadge } from "./outcome-badge";

interface ChangeHistoryProps {
  rows: AuditRow[];
  /** The table's caption, for screen readers: "History of this DID". */
  caption: string;
  /** Said when nothing was recorded yet (default: "No recorded changes"). */
  empty?: ReactNode;
  /** Above the table: whose entries these are, when not everyone's. */
  scopeNote?: string;
  /** Said instead of the table when the viewer may not read the audit log. */
  hidden?: string;
  /** Each entry's undo control, by entry id. */
  undo?: Record<number, ReactNode>;
  /** A column with VICIdial's answer line behind a toggle. */
  raw?: boolean;
}

/** A record's own audit entries on its page, newest first: when, who, what, whether it worked. */
const NOTHING_YET = <EmptyState title="No recorded changes">Changes made through the dashboard appear here.</EmptyState>;

export function ChangeHistory({ rows, caption, empty = NOTHING_YET, scopeNote, hidden, undo, raw = false }: ChangeHistoryProps) {
  return (
    <Card title="History">
      {hidden ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{hidden}</p>
      ) : (
        <>
          {scopeNote && <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{scopeNote}</p>}
          {rows.length === 0 ? (
            empty
          ) : (
            <Table caption={caption}>
              <thead>
                <tr>
                  <Th>When</Th>
                  <Th>Who</Th>
                  <Th>What</Th>
                  <Th>Outcome</Th>
                  {raw && <Th>VICIdial&apos;s answer</Th>}
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
                    {raw && (
                      <Td>
                        {row.raw && (
                          <details className="mt-1">
                            <summary className="cursor-pointer text-xs font-medium">Show</summary>
                            <pre className="mt-1 whitespace-pre-wrap break-all font-mono text-xs">{row.raw}</pre>
                          </details>
                        )}
                      </Td>
                    )}
                    {undo && <Td>{undo[row.id]}</Td>}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </>
      )}
    </Card>
  );
}
