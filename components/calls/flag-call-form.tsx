"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { flagCallAction } from "@/app/(dashboard)/calls/flag-actions";
import { Button, ErrorCallout, Field } from "@/components/ui";
import { useActionForm } from "@/components/ui/use-action";
import { FLAG_NOTES_MAX, FLAG_REASON_LABELS } from "@/lib/calls/flag-labels";
import type { FlagCallInput } from "@/lib/calls/flag-schema";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { registerShown } from "@/components/ui/register-shown";
import type { CallDirection } from "@/lib/calls/reader/types";
import { FLAG_REASONS } from "@/lib/db/schema/call-flag-values";

const resolver = lazyZodResolver(() => import("@/lib/calls/flag-schema").then((m) => m.flagCallSchema));

const FIELDS = ["reason", "notes"] as const;

/** Flags this call for a dispute or a review: a reason and notes, kept in the dashboard's database. */
export function FlagCallForm({ direction, callKey }: { direction: CallDirection; callKey: string }) {
  const router = useRouter();
  const form = useForm<FlagCallInput>({ resolver, defaultValues: { direction, key: callKey, reason: "customer_dispute", notes: "" } });

  const register = registerShown(form);
  const { run, pending, error } = useActionForm(form, flagCallAction, {
    fields: FIELDS,
    onSuccess: () => {
      form.reset({ direction, key: callKey, reason: "customer_dispute", notes: "" });
      router.refresh();
    },
  });
  const submit = form.handleSubmit(async (values) => {
    await run(values);
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Flag this call" className="space-y-3">
      <Field label="Reason" error={form.formState.errors.reason?.message}>
        {(p) => (
          <select {...p} {...register("reason")}>
            {FLAG_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {FLAG_REASON_LABELS[reason]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Notes" hint={`What the dispute is about, what to check. At most ${FLAG_NOTES_MAX} characters.`} error={form.formState.errors.notes?.message}>
        {(p) => <textarea {...p} {...register("notes")} rows={3} />}
      </Field>
      <Button type="submit" loading={pending}>
        Flag call
      </Button>
      {error && <ErrorCallout error={error} />}
    </form>
  );
}
