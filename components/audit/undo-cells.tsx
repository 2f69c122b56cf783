import type { ReactNode } from "react";
import type { AuditRow } from "@/lib/audit/queries";
import type { Role } from "@/lib/auth/permissions";
import { isEmptyUndoState } from "@/lib/undo/types";
import { undoStates } from "@/lib/undo/undo-state";
import { UndoCell } from "./undo-cell";

/** The undo column of server-rendered audit tables, keyed by entry id (empty cells left out). */
export async function undoCells(rows: readonly AuditRow[], role: Role): Promise<Record<number, ReactNode>> {
  const states = await undoStates(rows, role);
  const cells: Record<number, ReactNode> = {};
  for (const [id, state] of states) if (!isEmptyUndoState(state)) cells[id] = <UndoCell entryId={id} state={state} />;
  return cells;
}
