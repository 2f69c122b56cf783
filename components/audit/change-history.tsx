import type { ReactNode } from "react";
import { Card, EmptyState, Table, Td, Th } from "@/components/ui";
import { Time } from "@/components/ui/time";
import type { HistoryEntry } from "@/lib/audit/history";
import { AuditSummary } from "./audit-summary";
import { OutcomeBadge } from "./outcome-badge";

interface ChangeHistoryProps {
  rows: HistoryEntry[];
  /** The table's caption, for screen readers: "History of this DID". */
  caption: string;
  /** The card's title (default "History"), and links beside it. */
  title?: string;
  actions?: ReactNode;
  className?: string;
  /** Said when nothing was recorded yet (default: "No recorded changes"). */
  empty?: ReactNode;
  /** Above the table: whose entries these are, when not everyone's. */
  scopeNote?: string;
  /** Why the entries could not be read again (the ones shown may be stale). */
  problem?: string;
  /** Said instead of the table when the viewer may not read the audit log. */
  hidden?: string;
  /** Each entry's undo control, by entry id; absent, no undo column. */
  undo?: Record<number, ReactNode>;
  /** A column with VICIdial's answer line behind a toggle. */
  raw?: boolean;
  /** "5 minutes ago" rather than the date and time. */
  relativeTime?: boolean;
}

const NOTHING_YET = <EmptyState title="No recorded changes">Changes made through the dashboard appear here.</EmptyState>;

/** A record's own audit entries on its page, newest first: when, who, what, whether it worked. */
export function ChangeHistory({ rows, caption, title = "History", actions, className, empty = NOTHING_YET, scopeNote, problem, hidden, undo, raw = false, relativeTime = false }: ChangeHistoryProps) {
  return (
    <Card title={title} actions={actions} className={className}>
      {hidden ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{hidden}</p>
      ) : (
        <>
          {problem && (
            <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-400">
              {problem}
            </p>
          )}
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
                      <Time value={row.at} relative={relativeTime} />
                    </Td>
                    <Td>{row.actorUsername}</Td>
                    <Td>
                      <AuditSummary description={row.description} />
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
