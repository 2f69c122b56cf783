"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { refreshConnectionAction } from "@/app/(dashboard)/actions";

export function RefreshConnectionButton() {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="secondary"
      loading={pending}
      onClick={() =>
        start(async () => {
          await refreshConnectionAction(undefined, {});
          router.refresh();
        })
      }
    >
      Check again
    </Button>
  );
}
