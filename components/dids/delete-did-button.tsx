"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { deleteDidAction } from "@/app/(dashboard)/dids/actions";
import { Button, ErrorCallout } from "@/components/ui";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionError } from "@/lib/actions/result";
import { UNREACHABLE_DASHBOARD } from "./form-errors";
import { backToListIfGone } from "@/components/ui/gone-record";

/** Deleting asks for the pattern to be typed: DIDs differ by a digit, and calls to a deleted DID fail. */
export function DeleteDidButton({ didPattern, blockedReason }: { didPattern: string; blockedReason?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const [busy, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      setError(null);
      let result;
      try {
        result = await deleteDidAction(undefined, { didPattern });
      } catch {
        result = { ok: false as const, error: UNREACHABLE_DASHBOARD };
      }
      if (!result.ok) {
        if (backToListIfGone(result.error, router.push, "/dids")) return;
        setError(result.error);
        toast.error(result.error.message);
        return;
      }
      toast.success(result.message);
      setOpen(false);
      router.push("/dids");
    });

  return (
    <>
      <Button variant="danger" disabled={blockedReason !== undefined} title={blockedReason} onClick={() => setOpen(true)}>
        Delete DID
      </Button>
      {blockedReason && <span className="text-xs text-slate-600 dark:text-slate-400">VICIdial&apos;s API user cannot delete DIDs: {blockedReason}</span>}
      <ConfirmDialog
        open={open}
        title={`Delete DID ${didPattern}?`}
        confirmLabel="Delete DID"
        typeToConfirm={didPattern}
        busy={busy}
        onConfirm={confirm}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
      >
        <p>VICIdial will delete this DID at once. Calls to it will no longer be routed, and this cannot be undone.</p>
        {error && <ErrorCallout error={error} />}
      </ConfirmDialog>
    </>
  );
}
