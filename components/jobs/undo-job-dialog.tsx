"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import {
  previewCidJobUndoAction,
  previewDidJobUndoAction,
  previewPhoneJobUndoAction,
  startCidJobUndoAction,
  startDidJobUndoAction,
  startPhoneJobUndoAction,
} from "@/app/(dashboard)/jobs/undo-actions";
import { Button, ErrorCallout, Skeleton, Table, Td, Th } from "@/components/ui";
import { Modal } from "@/components/ui/modal";
import { useAction } from "@/components/ui/use-action";
import type { FileJobKind } from "@/lib/jobs/kinds";
import type { JobUndoPreview } from "@/lib/undo/job";

const ACTIONS: Record<FileJobKind, { preview: typeof previewDidJobUndoAction; start: typeof startDidJobUndoAction }> = {
  dids: { preview: previewDidJobUndoAction, start: startDidJobUndoAction },
  "did-copy": { preview: previewDidJobUndoAction, start: startDidJobUndoAction },
  cid: { preview: previewCidJobUndoAction, start: startCidJobUndoAction },
  agents: { preview: previewPhoneJobUndoAction, start: startPhoneJobUndoAction },
};

const UNREACHABLE = "The dashboard could not be reached. Check your connection and the jobs list before trying again.";

/**
 * "Undo this job": a dry run first (which rows will be undone, which changed since and will be
 * skipped), then a new job with its own progress and results.
 */
export function UndoJobDialog({ jobId, kind, open, onClose }: { jobId: string; kind: FileJobKind; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const titleId = useId();
  const [preview, setPreview] = useState<JobUndoPreview | null>(null);
  const actions = ACTIONS[kind];
  const dryRun = useAction(actions.preview, { successToast: false, errorToast: false, unreachableMessage: UNREACHABLE, onSuccess: setPreview });
  const undo = useAction(actions.start, {
    errorToast: false,
    unreachableMessage: UNREACHABLE,
    onSuccess: (data) => {
      onClose();
      router.push(`/jobs/${data.jobId}`);
    },
  });
  const { run: dryRunRun } = dryRun;
  const { clearError: clearUndoError } = undo;
  const error = dryRun.error ?? undo.error;
  const busy = dryRun.pending || undo.pending;

  const opened = () => {
    setPreview(null);
    clearUndoError();
    void dryRunRun({ jobId });
  };

  const start = () => void undo.run({ jobId });

  const skipped = preview?.rows.filter((row) => row.skip) ?? [];
  return (
    <Modal open={open} onOpen={opened} onDismiss={onClose} busy={busy} labelledBy={titleId} wide>
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
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="danger" disabled={!preview || preview.toUndo === 0} loading={busy && preview !== null} onClick={start}>
            Start the undo
          </Button>
        </div>
      </div>
    </Modal>
  );
}
