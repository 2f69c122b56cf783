"use client";

import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/ui/use-action";
import type { z } from "zod";
import { saveRoleMapAction } from "@/app/(dashboard)/settings/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { cn, ErrorCallout, Field } from "@/components/ui";
import type { roleMapFormSchema } from "@/lib/auth/oidc/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { registerShown } from "@/components/ui/register-shown";

const resolver = lazyZodResolver(() => import("@/lib/auth/oidc/schemas").then((m) => m.roleMapFormSchema));

const FIELDS = ["roleMap"] as const;

/** The saved group-to-role map, one entry per line. */
export function RoleMapForm({ saved }: { saved: string }) {
  const form = useForm<z.input<typeof roleMapFormSchema>, unknown, z.output<typeof roleMapFormSchema>>({
    resolver,
    defaultValues: { roleMap: saved.split(",").join("\n") },
  });
  const { handleSubmit, formState } = form;
  const register = registerShown(form);

  // The form checks the text with the schema; the action parses the text itself, so the text is sent.
  const { run, error } = useActionForm(form, saveRoleMapAction, { fields: FIELDS, callout: "unplaced", errorToast: false });
  const onSubmit = handleSubmit(async () => {
    await run({ roleMap: form.getValues("roleMap") });
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Role map">
      {error && <ErrorCallout error={error} />}
      <Field label="Groups and roles" hint="One group=role per line, most powerful first: a person in several groups gets the first match. Roles: admin, supervisor, provisioning, qa." error={formState.errors.roleMap?.message} required>
        {(props) => (
          <textarea {...props} {...register("roleMap")} rows={6} spellCheck={false} className={cn(props.className, "font-mono")} />
        )}
      </Field>
      <SubmitButton loading={formState.isSubmitting}>
        Save role map
      </SubmitButton>
    </form>
  );
}
