"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Field, Input } from "@/components/ui";
import { loginUrl } from "@/lib/auth/callback-url";
import type { signInSchema } from "@/lib/auth/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { SubmitButton } from "@/components/ui/submit-button";

const resolver = lazyZodResolver(() => import("@/lib/auth/schemas").then((m) => m.signInSchema));

const GENERIC = "Sign-in failed. Try again.";

/**
 * next-auth hands back either the message our sign-in check threw (a sentence) or one of its own
 * codes (one word, e.g. "CredentialsSignin"); only sentences are shown as they are.
 */
function messageFor(error: string | null | undefined): string {
  return error && /\s/.test(error) ? error : GENERIC;
}

export function LoginForm({ callbackUrl, notice }: { callbackUrl: string; notice?: string }) {
  const [error, setError] = useState<string | null>(null);
  // No defaultValues: react-hook-form would write them into the inputs when it takes over,
  // wiping what a quick (or password-manager) typist entered before the page finished loading.
  const form = useForm<z.input<typeof signInSchema>, unknown, z.output<typeof signInSchema>>({ resolver });
  const { register, handleSubmit, formState } = form;

  const onSubmit = handleSubmit(async ({ username, password }) => {
    setError(null);
    try {
      // next-auth's client comes with the first sign-in, not with the page.
      const { signIn } = await import("next-auth/react");
      const result = await signIn("credentials", { redirect: false, username, password, callbackUrl });
      if (result?.ok && !result.error) {
        // A full load of the login page with the new session cookie: the server sends the user on
        // (to the account page first if they signed in with a one-time password).
        window.location.assign(loginUrl(callbackUrl));
        return;
      }
      setError(messageFor(result?.error));
    } catch {
      setError("The dashboard could not be reached. Check your connection and try again.");
    }
    form.resetField("password");
    form.setFocus("password");
  });

  // Stays busy after success too, until the next page replaces this one.
  const busy = formState.isSubmitting || (formState.isSubmitSuccessful && error === null);

  // method="post": even a submit that somehow bypasses the handler never puts the password in a URL.
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? "login-error" : undefined}>
      {notice && !error && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          {notice}
        </p>
      )}
      {error && (
        <p id="login-error" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200">
          {error}
        </p>
      )}
      <Field label="Username" error={formState.errors.username?.message}>
        {(props) => <Input {...props} {...register("username")} autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus />}
      </Field>
      <Field label="Password" error={formState.errors.password?.message}>
        {(props) => <Input {...props} {...register("password")} type="password" autoComplete="current-password" />}
      </Field>
      <SubmitButton className="w-full" loading={busy}>
        Sign in
      </SubmitButton>
    </form>
  );
}
