import Link from "next/link";
import type { ReactNode } from "react";
import type { AuditRow } from "@/lib/audit/queries";
import { can, type Role } from "@/lib/auth/permissions";
import { undoableAction } from "@/lib/undo/undoable";
import { undoneBy } from "@/lib/undo/undo";
import { UndoButton } from "./undo-button";

const linkClass = "text-brand-600 hover:underline dark:text-brand-500";

/**
 * The undo column of audit tables, keyed by entry id: "Undo" where this role may undo the entry,
 * "Undone by entry N" where it was, "Undoes entry N" on an undo. Links go both ways.
 */
export async function undoCells(rows: readonly AuditRow[], role: Role): Promise<Record<number, ReactNode>> {
  const undone = await undoneBy(rows.map((row) => row.id));
  const cells: Record<number, ReactNode> = {};
  for (const row of rows) {
    const parts: ReactNode[] = [];
    if (row.undoOf !== null) {
      parts.push(
        <Link key="of" href={`/audit/${row.undoOf}`} className={linkClass}>
          Undoes entry {row.undoOf}
        </Link>,
      );
    }
    const by = undone.get(row.id);
    const undoable = undoableAction(row);
    if (by !== undefined) {
      parts.push(
        <Link key="by" href={`/audit/${by}`} className={linkClass}>
          Undone by entry {by}
        </Link>,
      );
    } else if (undoable && can(role, undoable.permission)) {
      parts.push(<UndoButton key="undo" entryId={row.id} resource={undoable.resource} />);
    }
    if (parts.length > 0) cells[row.id] = <div className="flex flex-col items-start gap-1 text-xs">{parts}</div>;
  }
  return cells;
}
