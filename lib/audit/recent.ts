import "server-only";
import type { Role } from "@/lib/auth/permissions";
import type { UndoState } from "@/lib/undo/types";
import { undoStates } from "@/lib/undo/undo-state";
import { historyEntry, type HistoryEntry } from "./history";
import { listAuditForTarget } from "./queries";

/**
 * One line of a page's "Recent changes" panel: what the browser needs, nothing more (the words
 * of what changed rather than the before and after, no request parameters, no raw answers).
 */
export interface RecentChange extends HistoryEntry {
  at: string;
  undo: UndoState;
}

/** `role`: whose undo rights the panel shows. */
export async function recentChanges(resource: string, target: string, role: Role, limit = 10): Promise<RecentChange[]> {
  const rows = await listAuditForTarget(resource, target, limit);
  const undo = await undoStates(rows, role);
  return rows.map((row) => ({ ...historyEntry(row), at: row.at.toISOString(), raw: undefined, undo: undo.get(row.id)! }));
}
