"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import {
  previewCidJobUndoAction,
  previewDidJobUndoAction,
  previewPhoneJobUndoAction,
  startCidJobUndoAction,
  startDidJobUndoAction,
  startPhoneJobUndoAction,
} from "@/app/(dashboard)/jobs/undo-actions";
import { Button, ErrorCallout, Skeleton, Table, Td, Th } from "@/components/ui";
import type { ActionError } from "@/lib/actions/result";
import type { FileJobKind } from "@/lib/jobs/kinds";
import type { JobUndoPreview } from "@/lib/undo/job";

const ACTIONS: Record<FileJobKind, { preview: typeof previewDidJobUndoAction; start: typeof startDidJobUndoAction }> = {
  dids: { preview: previewDidJobUndoAction, start: startDidJobUndoAction },
  "did-copy": { preview: previewDidJobUndoAction, start: startDidJobUndoAction },
  cid: { preview: previewCidJobUndoAction, start: startCidJobUndoAction },
  agents: { preview: previewPhoneJobUndoAction, start: startPhoneJobUndoAction },
};

const UNREACHABLE: ActionError = { kind: "unavailable", message: "The dashboard did not answer. Check your connection and the jobs list before trying again." };

/**
 * "Undo this job": a dry run first (which rows will be undone, which changed since and will be
 * skipped), then a new job with its own progress and results.
 */
export function UndoJobButton({ jobId, kind }: { jobId: string; kind: FileJobKind }) {
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<JobUndoPreview | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const [busy, startTransition] = useTransition();
  const actions = ACTIONS[kind];

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      setPreview(null);
      setError(null);
      startTransition(async () => {
        try {
          const result = await actions.preview(undefined, { jobId });
          if (result.ok) setPreview(result.data);
          else setError(result.error);
        } catch {
          setError(UNREACHABLE);
        }
      });
    }
    if (!open && dialog.open) dialog.close();
  }, [open, jobId, actions]);

  const start = () =>
    startTransition(async () => {
      try {
        const result = await actions.start(undefined, { jobId });
        if (!result.ok) {
          setError(result.error);
          return;
        }
        toast.success(result.message);
        setOpen(false);
        router.push(`/jobs/${result.data.jobId}`);
      } catch {
        setError(UNREACHABLE);
      }
    });

  const skipped = preview?.rows.filter((row) => row.skip) ?? [];
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Undo this job
      </Button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        onCancel={(e) => {
          e.preventDefault();
          if (!busy) setOpen(false);
        }}
        className="m-auto w-full max-w-2xl rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="space-y-4 p-5 text-sm">
          <h2 id={titleId} className="text-lg font-semibold">
            Undo this job: dry run
          </h2>
          {!preview && !error && (
            <div aria-label="Checking every row" className="space-y-2">
              <Skeleton className="h-4 w-3/4" />
              <Skeleton className="h-4 w-1/2" />
            </div>
          )}
          {preview && (
            <>
              <p role="status">
                {preview.toUndo} of {preview.rows.length} changes will be undone
                {skipped.length > 0 ? `; ${skipped.length} will be skipped because they changed since or were undone already` : ""}. Nothing has been sent yet.
              </p>
              {skipped.length > 0 && (
                <Table caption="Rows that will be skipped">
                  <thead>
                    <tr>
                      <Th>Item</Th>
                      <Th>Why</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {skipped.map((row) => (
                      <tr key={row.entryId}>
                        <Td>{row.label}</Td>
                        <Td>{row.skip}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </>
          )}
          {error && <ErrorCallout error={error} />}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </Button>
            <Button variant="danger" disabled={!preview || preview.toUndo === 0} loading={busy && preview !== null} onClick={start}>
              Start the undo
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
