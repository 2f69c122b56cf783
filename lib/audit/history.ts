import type { AuditOutcome } from "./outcome";
import { describeEntry, type ChangeSource, type EntryDescription } from "./changes";

/** An audit entry as a history panel shows it, its words made on the server (describeEntry). */
export interface HistoryEntry {
  id: number;
  at: Date | string;
  actorUsername: string;
  outcome: AuditOutcome;
  /** VICIdial's answer line, for panels that show it. */
  raw?: string | null;
  description: EntryDescription;
}

type AuditRowLike = ChangeSource & { id: number; at: Date; actorUsername: string; outcome: AuditOutcome; message: string | null; raw: string | null };

export function historyEntry(row: AuditRowLike): HistoryEntry {
  return { id: row.id, at: row.at, actorUsername: row.actorUsername, outcome: row.outcome, raw: row.raw, description: describeEntry(row) };
}
