"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { changeOwnPasswordAction } from "@/app/(dashboard)/account/actions";
import { Button, ErrorCallout, Field, Input } from "@/components/ui";
import type { ActionError } from "@/lib/actions/result";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-length";
import type { ChangeOwnPasswordInput } from "@/lib/auth/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { showFieldErrors, UNREACHABLE } from "./form-errors";
import { useHydrated } from "./use-hydrated";

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

const resolver = lazyZodResolver(() => import("@/lib/auth/schemas").then((m) => m.changeOwnPasswordSchema));

/**
 * The signed-in user's own password. After a one-time password, success continues to the page
 * they were going to (`continueTo`).
 */
export function ChangePasswordForm({ continueTo }: { continueTo?: string }) {
  const [error, setError] = useState<ActionError | null>(null);
  const form = useForm<ChangeOwnPasswordInput>({
    resolver,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { register, handleSubmit, formState } = form;
  const hydrated = useHydrated();

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    let result;
    try {
      result = await changeOwnPasswordAction(undefined, values);
    } catch {
      setError(UNREACHABLE);
      return;
    }
    if (!result.ok) {
      showFieldErrors(result.error, form.setError, FIELDS);
      if (!result.error.fieldErrors) setError(result.error);
      return;
    }
    toast.success(result.message);
    form.reset();
    if (continueTo) window.location.assign(continueTo);
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="max-w-md space-y-4" aria-label="Change password">
      {error && <ErrorCallout error={error} />}
      <Field label="Current password" error={formState.errors.currentPassword?.message}>
        {(props) => <Input {...props} {...register("currentPassword")} type="password" autoComplete="current-password" />}
      </Field>
      <Field label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a good one.`} error={formState.errors.newPassword?.message}>
        {(props) => <Input {...props} {...register("newPassword")} type="password" autoComplete="new-password" />}
      </Field>
      <Field label="New password again" error={formState.errors.confirmPassword?.message}>
        {(props) => <Input {...props} {...register("confirmPassword")} type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" loading={formState.isSubmitting} disabled={!hydrated}>
        Change password
      </Button>
    </form>
  );
}
