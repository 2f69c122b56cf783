"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/ui/use-action";
import { addCidGroupAction } from "@/app/(dashboard)/cid-groups/actions";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Field } from "@/components/ui/field";
import type { AddCidGroupInput } from "@/lib/cid-groups/schemas";

const resolver = lazyZodResolver(() => import("@/lib/cid-groups/schemas").then((m) => m.addCidGroupSchema));
import { lazyZodResolver } from "@/components/ui/lazy-resolver";

/** Puts an existing VICIdial CID group (or campaign) on the dashboard's list; the action checks it with INFO. */
export function AddGroupForm({ disabledReason }: { disabledReason?: string }) {
  const router = useRouter();
  const form = useForm<AddCidGroupInput>({ resolver, defaultValues: { groupId: "" } });

  const { run, pending, error } = useActionForm(form, addCidGroupAction, {
    fields: ["groupId"],
    callout: "unplaced",
    onSuccess: () => {
      form.reset({ groupId: "" });
      router.refresh();
    },
  });
  const submit = form.handleSubmit(async (values) => {
    await run(values);
  });

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
