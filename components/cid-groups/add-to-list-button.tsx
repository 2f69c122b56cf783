"use client";

import { useRouter } from "next/navigation";
import { useAction } from "@/components/ui/use-action";
import { addCidGroupAction } from "@/app/(dashboard)/cid-groups/actions";
import { Button } from "@/components/ui/button";

/** For a group opened by its URL that is not on the dashboard's list yet. */
export function AddToListButton({ groupId, disabledReason }: { groupId: string; disabledReason?: string }) {
  const router = useRouter();
  const { run, pending } = useAction(addCidGroupAction, { onSuccess: () => router.refresh() });
  const add = () => void run({ groupId });
  return (
    <Button variant="secondary" loading={pending} disabled={!!disabledReason} title={disabledReason} onClick={add}>
      Add to the dashboard&apos;s list
    </Button>
  );
}
