"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { removeCidGroupAction } from "@/app/(dashboard)/cid-groups/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Takes a group off the dashboard's list after a confirmation that says VICIdial is not touched. */
export function RemoveGroupButton({ groupId, afterRemove }: { groupId: string; afterRemove?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  const remove = () =>
    startTransition(async () => {
      const result = await removeCidGroupAction(undefined, { groupId });
      setOpen(false);
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success(result.message);
      if (afterRemove) router.push(afterRemove);
      else router.refresh();
    });

  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)} aria-label={`Remove ${groupId} from the list`}>
        Remove from list
      </Button>
      <ConfirmDialog
        open={open}
        title={`Remove ${groupId} from the dashboard's list?`}
        confirmLabel="Remove from list"
        busy={pending}
        onConfirm={remove}
        onCancel={() => setOpen(false)}
      >
        <p>
          This only changes the dashboard&apos;s list. Nothing changes in VICIdial: the group and its entries stay as they are, and you can add the
          group back at any time.
        </p>
      </ConfirmDialog>
    </>
  );
}
