"use client";

import { useRouter } from "next/navigation";
import { resolveFlagAction } from "@/app/(dashboard)/calls/flag-actions";
import { Button } from "@/components/ui";
import { useAction } from "@/components/ui/use-action";

/** Marks a flag resolved (the dispute is settled); the flag stays in the list. */
export function ResolveFlagButton({ flagId, label }: { flagId: number; label: string }) {
  const router = useRouter();
  // Read the list again either way: a refusal may mean the flag changed meanwhile.
  const { run, pending } = useAction(resolveFlagAction, { onSuccess: () => router.refresh(), onFailure: () => router.refresh() });
  return (
    <Button
      size="sm"
      variant="secondary"
      loading={pending}
      aria-label={label}
      onClick={() => void run({ flagId })}
    >
      Resolve
    </Button>
  );
}
