import "server-only";
import type { AuditOutcome } from "@/lib/db/schema/audit";
import type { Role } from "@/lib/auth/permissions";
import type { UndoState } from "@/lib/undo/types";
import { undoStates } from "@/lib/undo/undo-state";
import { listAuditForTarget } from "./queries";

/** One line of a page's "Recent changes" panel: what the browser needs, nothing more (no request parameters, no raw answers). */
export interface RecentChange {
  id: number;
  at: string;
  actorUsername: string;
  action: string;
  resource: string;
  /** The entry's before and after, for the summary of what changed. */
  before: unknown;
  after: unknown;
  message: string | null;
  outcome: AuditOutcome;
  undo: UndoState;
}

/** `role`: whose undo rights the panel shows. */
export async function recentChanges(resource: string, target: string, role: Role, limit = 10): Promise<RecentChange[]> {
  const rows = await listAuditForTarget(resource, target, limit);
  const undo = await undoStates(rows, role);
  return rows.map((row) => ({
    id: Number(row.id),
    at: row.at.toISOString(),
    actorUsername: row.actorUsername,
    action: row.action,
    resource: row.resource,
    before: row.before,
    after: row.after,
    message: row.message,
    outcome: row.outcome,
    undo: undo.get(row.id)!,
  }));
}
