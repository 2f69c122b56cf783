"use client";

import { useRouter } from "next/navigation";
import { useAction } from "@/components/ui/use-action";
import { Button } from "@/components/ui/button";
import { refreshConnectionAction } from "@/app/(dashboard)/actions";

export function RefreshConnectionButton() {
  const router = useRouter();
  // The page shows the answer (the connection cards); only a dashboard out of reach is toasted.
  const { run, pending } = useAction(refreshConnectionAction, { successToast: false, onSuccess: () => router.refresh() });
  return (
    <Button
      variant="secondary"
      loading={pending}
      onClick={() => void run({})}
    >
      Check again
    </Button>
  );
}
