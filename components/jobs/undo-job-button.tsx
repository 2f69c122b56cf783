"use client";

import { useState } from "react";
import { Button } from "@/components/ui";
import { onDemand, preloadOn } from "@/components/ui/on-demand";
import type { FileJobKind } from "@/lib/jobs/kinds";

/** The dry-run dialog and the undo actions load on the way to the first click, not with the page. */
const UndoJobDialog = onDemand(() => import("./undo-job-dialog").then((m) => m.UndoJobDialog));

export function UndoJobButton({ jobId, kind }: { jobId: string; kind: FileJobKind }) {
  // null until first opened; then the dialog stays mounted, so closing it hands focus back.
  const [open, setOpen] = useState<boolean | null>(null);
  return (
    <>
      <Button variant="secondary" {...preloadOn(UndoJobDialog)} onClick={() => setOpen(true)}>
        Undo this job
      </Button>
      {open !== null && <UndoJobDialog jobId={jobId} kind={kind} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
