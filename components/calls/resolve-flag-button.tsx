"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { resolveFlagAction } from "@/app/(dashboard)/calls/flag-actions";
import { Button } from "@/components/ui";
import { toast } from "@/components/ui/toast";

/** Marks a flag resolved (the dispute is settled); the flag stays in the list. */
export function ResolveFlagButton({ flagId, label }: { flagId: number; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      variant="secondary"
      loading={pending}
      aria-label={label}
      onClick={() =>
        startTransition(async () => {
          const result = await resolveFlagAction(undefined, { flagId });
          if (result.ok) toast.success(result.message);
          else toast.error(result.error.message);
          router.refresh();
        })
      }
    >
      Resolve
    </Button>
  );
}
