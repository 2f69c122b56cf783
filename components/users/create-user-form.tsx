"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/ui/use-action";
import type { z } from "zod";
import { createUserAction } from "@/app/(dashboard)/users/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { ErrorCallout, Field, Input, Select } from "@/components/ui";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import type { createUserSchema } from "@/lib/auth/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { registerShown } from "@/components/ui/register-shown";
import { OneTimePasswordDialog } from "./one-time-password-dialog";

const FIELDS = ["username", "displayName", "role"] as const;

const resolver = lazyZodResolver(() => import("@/lib/auth/schemas").then((m) => m.createUserSchema));

export function CreateUserForm() {
  const [issued, setIssued] = useState<{ username: string; oneTimePassword: string } | null>(null);
  const form = useForm<z.input<typeof createUserSchema>, unknown, z.output<typeof createUserSchema>>({
    resolver,
    defaultValues: { username: "", displayName: "", role: "qa" },
  });
  const { handleSubmit, formState } = form;
  const register = registerShown(form);

  const { run, error } = useActionForm(form, createUserAction, {
    fields: FIELDS,
    callout: "unplaced",
    errorToast: false,
    onSuccess: (data) => {
      form.reset();
      setIssued(data);
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    await run(values);
  });

  return (
    <>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Create user">
        {error && <ErrorCallout error={error} />}
        <Field label="Username" hint="Used to sign in. Letters, digits, dot, dash, underscore." error={formState.errors.username?.message} required>
          {(props) => <Input {...props} {...register("username")} autoComplete="off" autoCapitalize="none" spellCheck={false} />}
        </Field>
        <Field label="Display name" error={formState.errors.displayName?.message} required>
          {(props) => <Input {...props} {...register("displayName")} autoComplete="off" />}
        </Field>
        <Field label="Role" error={formState.errors.role?.message} required>
          {(props) => (
            <Select {...props} {...register("role")}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <SubmitButton loading={formState.isSubmitting}>
          Create user
        </SubmitButton>
      </form>
      <OneTimePasswordDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
