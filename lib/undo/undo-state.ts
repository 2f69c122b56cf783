import "server-only";
import type { AuditRow } from "@/lib/audit/queries";
import { can, type Role } from "@/lib/auth/permissions";
import type { UndoState } from "./types";
import { undoableAction } from "./undoable";
import { undoneBy } from "./undo";

export async function undoStates(rows: readonly Pick<AuditRow, "id" | "undoOf" | "resource" | "action" | "outcome">[], role: Role): Promise<Map<number, UndoState>> {
  const undone = await undoneBy(rows.map((row) => row.id));
  return new Map(
    rows.map((row) => {
      const by = undone.get(row.id) ?? null;
      const undoable = undoableAction(row);
      const mayUndo = by === null && undoable !== null && can(role, undoable.permission);
      return [row.id, { undoOf: row.undoOf, undoneBy: by, undoable: mayUndo ? undoable.resource : null }];
    }),
  );
}
