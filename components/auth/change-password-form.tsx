"use client";

import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/ui/use-action";
import { changeOwnPasswordAction } from "@/app/(dashboard)/account/actions";
import { ErrorCallout, Field, Input } from "@/components/ui";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-length";
import type { ChangeOwnPasswordInput } from "@/lib/auth/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { registerShown } from "@/components/ui/register-shown";
import { SubmitButton } from "@/components/ui/submit-button";

const resolver = lazyZodResolver(() => import("@/lib/auth/schemas").then((m) => m.changeOwnPasswordSchema));

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

/**
 * The signed-in user's own password. After a one-time password, success continues to the page
 * they were going to (`continueTo`).
 */
export function ChangePasswordForm({ continueTo }: { continueTo?: string }) {
  const form = useForm<ChangeOwnPasswordInput>({
    resolver,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { handleSubmit, formState } = form;
  const register = registerShown(form);

  const { run, error } = useActionForm(form, changeOwnPasswordAction, {
    fields: FIELDS,
    callout: "unplaced",
    errorToast: false,
    onSuccess: () => {
      form.reset();
      if (continueTo) window.location.assign(continueTo);
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    await run(values);
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
      <SubmitButton loading={formState.isSubmitting}>
        Change password
      </SubmitButton>
    </form>
  );
}
