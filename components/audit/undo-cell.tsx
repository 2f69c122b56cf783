import { Link } from "@/components/ui/link";
import type { UndoState } from "@/lib/undo/types";
import { UndoButton } from "./undo-button";

const linkClass = "text-brand-600 hover:underline dark:text-brand-500";

/** An audit entry's undo cell: "Undoes entry N", "Undone by entry N" (links both ways), or "Undo". */
export function UndoCell({ entryId, state }: { entryId: number; state: UndoState }) {
  return (
    <div className="flex flex-col items-start gap-1 text-xs">
      {state.undoOf !== null && (
        <Link href={`/audit/${state.undoOf}`} className={linkClass}>
          Undoes entry {state.undoOf}
        </Link>
      )}
      {state.undoneBy !== null && (
        <Link href={`/audit/${state.undoneBy}`} className={linkClass}>
          Undone by entry {state.undoneBy}
        </Link>
      )}
      {state.undoable && <UndoButton entryId={entryId} resource={state.undoable} />}
    </div>
  );
}
