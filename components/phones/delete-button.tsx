"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { toast } from "@/components/ui/toast";
import { Button, ErrorCallout } from "@/components/ui";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionError, ActionResult } from "@/lib/actions/result";
import { backToListIfGone } from "@/components/ui/gone-record";

interface DeleteButtonProps {
  /** "Delete phone", "Delete alias": the button and the dialog's confirm. */
  label: string;
  title: string;
  /** What must be typed to confirm (the ID). */
  confirmText: string;
  children: ReactNode;
  run: () => Promise<ActionResult<unknown>>;
  /** Where to go once VICIdial confirmed the delete. */
  redirectTo: string;
  blockedReason?: string;
}

/**
 * A delete behind a typed confirmation. A refusal (VICIdial's NOTICE that the API user may not
 * delete) is shown in plain words with VICIdial's line behind "Details", and nothing moves.
 */
export function DeleteButton({ label, title, confirmText, children, run, redirectTo, blockedReason }: DeleteButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      const result = await run();
      setOpen(false);
      if (result.ok) {
        toast.success(result.message);
        router.push(redirectTo);
        return;
      }
      if (backToListIfGone(result.error, router.push, redirectTo)) return;
      setError(result.error);
      toast.error(result.error.message);
    });

  return (
    <div className="space-y-3">
      {error && <ErrorCallout error={error} />}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="danger" disabled={blockedReason !== undefined} onClick={() => setOpen(true)}>
          {label}
        </Button>
        {blockedReason && <p className="text-sm text-slate-600 dark:text-slate-400">Not available: {blockedReason}.</p>}
      </div>
      <ConfirmDialog open={open} title={title} confirmLabel={label} typeToConfirm={confirmText} busy={pending} onConfirm={confirm} onCancel={() => setOpen(false)}>
        {children}
      </ConfirmDialog>
    </div>
  );
}
