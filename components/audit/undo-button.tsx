"use client";

import { useState } from "react";
import { Button } from "@/components/ui";
import type { UndoResource } from "@/lib/undo/types";
import { UndoDialog } from "./undo-dialog";

/** "Undo" on an audit entry; the dialog checks the object's state before anything is sent. */
export function UndoButton({ entryId, resource, size = "sm" }: { entryId: number; resource: UndoResource; size?: "sm" | "md" }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size={size} onClick={() => setOpen(true)} aria-label={`Undo entry ${entryId}`}>
        Undo
      </Button>
      <UndoDialog entryId={entryId} resource={resource} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
