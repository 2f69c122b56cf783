"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { addCidGroupAction } from "@/app/(dashboard)/cid-groups/actions";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Field } from "@/components/ui/field";
import type { ActionError } from "@/lib/actions/result";
import type { AddCidGroupInput } from "@/lib/schemas/cid-group";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { showFieldErrors } from "./form-errors";

const resolver = lazyZodResolver(() => import("@/lib/schemas/cid-group").then((m) => m.addCidGroupSchema));

/** Puts an existing VICIdial CID group (or campaign) on the dashboard's list; the action checks it with INFO. */
export function AddGroupForm({ disabledReason }: { disabledReason?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError>();
  const form = useForm<AddCidGroupInput>({ resolver, defaultValues: { groupId: "" } });

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      setError(undefined);
      const result = await addCidGroupAction(undefined, values);
      if (result.ok) {
        toast.success(result.message);
        form.reset({ groupId: "" });
        router.refresh();
        return;
      }
      toast.error(result.error.message);
      if (!showFieldErrors(result.error, form.setError, ["groupId"])) setError(result.error);
    }),
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        <Field
          label="CID group or campaign ID"
          error={form.formState.errors.groupId?.message}
          hint="The ID as it is in VICIdial; the dashboard checks with VICIdial that it exists."
          className="min-w-64 flex-1"
        >
          {(p) => <input {...p} {...form.register("groupId")} autoComplete="off" spellCheck={false} />}
        </Field>
        <Button type="submit" className="mt-6" loading={pending} disabled={!!disabledReason} title={disabledReason}>
          Add to list
        </Button>
      </div>
      {disabledReason && <p className="text-sm text-amber-800 dark:text-amber-300">Unavailable: {disabledReason}</p>}
      {error && <ErrorCallout error={error} />}
    </form>
  );
}
