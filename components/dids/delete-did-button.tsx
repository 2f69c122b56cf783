"use client";

import { deleteDidAction } from "@/app/(dashboard)/dids/actions";
import { DeleteButton } from "@/components/ui/delete-button";

/** Deleting asks for the pattern to be typed: DIDs differ by a digit, and calls to a deleted DID fail. */
export function DeleteDidButton({ didPattern, blockedReason }: { didPattern: string; blockedReason?: string }) {
  return (
    <DeleteButton
      label="Delete DID"
      title={`Delete DID ${didPattern}?`}
      confirmText={didPattern}
      action={deleteDidAction}
      input={{ didPattern }}
      redirectTo="/dids"
      blockedReason={blockedReason}
      blockedNote={(reason) => <span className="text-xs text-slate-600 dark:text-slate-400">VICIdial&apos;s API user cannot delete DIDs: {reason}</span>}
      refusal="dialog"
    >
      <p>VICIdial will delete this DID at once. Calls to it will no longer be routed, and this cannot be undone.</p>
    </DeleteButton>
  );
}
