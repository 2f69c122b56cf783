"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { addCidGroupAction } from "@/app/(dashboard)/cid-groups/actions";
import { Button } from "@/components/ui/button";

/** For a group opened by its URL that is not on the dashboard's list yet. */
export function AddToListButton({ groupId, disabledReason }: { groupId: string; disabledReason?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const add = () =>
    startTransition(async () => {
      const result = await addCidGroupAction(undefined, { groupId });
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      toast.success(result.message);
      router.refresh();
    });
  return (
    <Button variant="secondary" loading={pending} disabled={!!disabledReason} title={disabledReason} onClick={add}>
      Add to the dashboard&apos;s list
    </Button>
  );
}
