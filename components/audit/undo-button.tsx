"use client";

import { useState } from "react";
import { Button } from "@/components/ui";
import { onDemand, preloadOn } from "@/components/ui/on-demand";
import type { UndoResource } from "@/lib/undo/types";

/** The dialog and every resource's undo actions load on the way to the first click, not with the page. */
const UndoDialog = onDemand(() => import("./undo-dialog").then((m) => m.UndoDialog));

/** "Undo" on an audit entry; the dialog checks the object's state before anything is sent. */
export function UndoButton({ entryId, resource, size = "sm" }: { entryId: number; resource: UndoResource; size?: "sm" | "md" }) {
  // null until first opened; then the dialog stays mounted, so closing it hands focus back.
  const [open, setOpen] = useState<boolean | null>(null);
  return (
    <>
      <Button variant="secondary" size={size} {...preloadOn(UndoDialog)} onClick={() => setOpen(true)} aria-label={`Undo entry ${entryId}`}>
        Undo
      </Button>
      {open !== null && <UndoDialog entryId={entryId} resource={resource} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
