"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { flagCallAction } from "@/app/(dashboard)/calls/flag-actions";
import { Button, ErrorCallout, Field } from "@/components/ui";
import { toast } from "@/components/ui/toast";
import type { ActionError } from "@/lib/actions/result";
import { FLAG_NOTES_MAX, FLAG_REASON_LABELS } from "@/lib/calls/flag-labels";
import type { FlagCallInput } from "@/lib/calls/flag-schema";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { CallDirection } from "@/lib/calls/reader/types";
import { FLAG_REASONS } from "@/lib/db/schema/call-flag-values";

const resolver = lazyZodResolver(() => import("@/lib/calls/flag-schema").then((m) => m.flagCallSchema));

/** Flags this call for a dispute or a review: a reason and notes, kept in the dashboard's database. */
export function FlagCallForm({ direction, callKey }: { direction: CallDirection; callKey: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError>();
  const form = useForm<FlagCallInput>({ resolver, defaultValues: { direction, key: callKey, reason: "customer_dispute", notes: "" } });

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      setError(undefined);
      const result = await flagCallAction(undefined, values);
      if (result.ok) {
        toast.success(result.message);
        form.reset({ direction, key: callKey, reason: "customer_dispute", notes: "" });
        router.refresh();
        return;
      }
      toast.error(result.error.message);
      setError(result.error);
    }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label="Flag this call" className="space-y-3">
      <Field label="Reason" error={form.formState.errors.reason?.message}>
        {(p) => (
          <select {...p} {...form.register("reason")}>
            {FLAG_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {FLAG_REASON_LABELS[reason]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Notes" hint={`What the dispute is about, what to check. At most ${FLAG_NOTES_MAX} characters.`} error={form.formState.errors.notes?.message}>
        {(p) => <textarea {...p} {...form.register("notes")} rows={3} />}
      </Field>
      <Button type="submit" loading={pending}>
        Flag call
      </Button>
      {error && <ErrorCallout error={error} />}
    </form>
  );
}
