"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action";
import { addAliasAction, updateAliasAction } from "@/app/(dashboard)/aliases/actions";
import { Button, ButtonLink, ErrorCallout, Field } from "@/components/ui";
import { useInputAdvice } from "@/components/ui/input-advice";
import { joinLogins } from "@/lib/aliases/logins";
import type { AddAlias, AddAliasInput, UpdateAlias } from "@/lib/aliases/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { registerShown } from "@/components/ui/register-shown";
import { ALIAS_FIELDS, EMPTY_ALIAS_FORM } from "@/lib/aliases/fields";
import { LoginPicker } from "./login-picker";

const FIELDS: readonly string[] = ALIAS_FIELDS;

type Values = typeof EMPTY_ALIAS_FORM;

interface AliasFormProps {
  /** Absent: a new alias. */
  alias?: Values;
  /** Names of the phones behind the alias's logins. */
  known?: Record<string, string>;
  blockedReason?: string;
}

const addResolver = lazyZodResolver(() => import("@/lib/aliases/schemas").then((m) => m.addAliasSchema));

/** The edit form checks only what changed, with update_phone_alias's rules (name 2–50). */
function changesResolver(initial: Values): Resolver<Values, unknown, UpdateAlias> {
  return async (values) => {
    const changes: Record<string, unknown> = { aliasId: initial.aliasId };
    if (values.aliasName !== initial.aliasName) changes.aliasName = values.aliasName;
    if (joinLogins(values.phoneLogins) !== joinLogins(initial.phoneLogins)) changes.phoneLogins = values.phoneLogins;
    const { updateAliasSchema } = await import("@/lib/aliases/schemas");
    const parsed = updateAliasSchema.safeParse(changes);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field && !errors[field]) errors[field] = { type: "validation", message: issue.message };
    }
    // Nothing changed is no field's fault: the submit handler says so.
    return Object.keys(errors).length > 0 ? { values: {}, errors: errors as FieldErrors<Values> } : { values: { aliasId: initial.aliasId }, errors: {} };
  };
}

export function AliasForm(props: AliasFormProps) {
  return props.alias ? <EditAlias {...props} alias={props.alias} /> : <AddAlias {...props} />;
}

function AddAlias({ known, blockedReason }: AliasFormProps) {
  const router = useRouter();
  const form = useForm<AddAliasInput, unknown, AddAlias>({
    resolver: addResolver,
    defaultValues: EMPTY_ALIAS_FORM,
  });
  const register = registerShown(form);
  const advise = useInputAdvice(form);
  const { run, error } = useActionForm(form, addAliasAction, {
    fields: FIELDS,
    onSuccess: (data) => router.push(`/aliases/${encodeURIComponent(data.aliasId)}`),
  });
  const onSubmit = form.handleSubmit(async (values) => {
    await run(values);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Add phone alias">
      {error && <ErrorCallout error={error} />}
      <fieldset disabled={blockedReason !== undefined || form.formState.isSubmitting} className="space-y-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Alias ID" required error={form.formState.errors.aliasId?.message} hint="2 to 20 letters, digits, - or _">
            {(p) => <input {...p} {...register("aliasId")} autoComplete="off" />}
          </Field>
          <Field label="Alias name" required error={form.formState.errors.aliasName?.message} hint="Up to 50 characters">
            {(p) => (
              <>
                <input {...p} {...register("aliasName")} autoComplete="off" />
                {advise("aliasName", "alias_name")}
              </>
            )}
          </Field>
        </div>
        <Controller
          control={form.control}
          name="phoneLogins"
          render={({ field, fieldState }) => <LoginPicker value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} known={known} />}
        />
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" loading={form.formState.isSubmitting} disabled={blockedReason !== undefined}>
          Add alias
        </Button>
        <ButtonLink href="/aliases" variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

function EditAlias({ alias, known, blockedReason }: AliasFormProps & { alias: Values }) {
  const router = useRouter();
  const [initial, setInitial] = useState(alias);
  const form = useForm<Values, unknown, UpdateAlias>({ resolver: changesResolver(initial), defaultValues: initial });
  const register = registerShown(form);
  const advise = useInputAdvice(form);
  const { run, error, clearError } = useActionForm(form, updateAliasAction, { fields: FIELDS, listPath: "/aliases" });
  const onSubmit = form.handleSubmit(async (changes) => {
    clearError();
    if (changes.aliasName === undefined && changes.phoneLogins === undefined) {
      toast.info("Nothing has changed.");
      return;
    }
    const result = await run(changes);
    if (!result.ok) return;
    const next = form.getValues();
    setInitial(next);
    form.reset(next);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Change phone alias">
      {blockedReason && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          Changes are switched off: {blockedReason}.
        </p>
      )}
      {error && <ErrorCallout error={error} />}
      <fieldset disabled={blockedReason !== undefined || form.formState.isSubmitting} className="space-y-6">
        <Field label="Alias name" error={form.formState.errors.aliasName?.message} hint="2 to 50 characters">
          {(p) => (
              <>
                <input {...p} {...register("aliasName")} autoComplete="off" />
                {advise("aliasName", "alias_name")}
              </>
            )}
        </Field>
        <Controller
          control={form.control}
          name="phoneLogins"
          render={({ field, fieldState }) => <LoginPicker value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} known={known} />}
        />
      </fieldset>
      <Button type="submit" loading={form.formState.isSubmitting} disabled={blockedReason !== undefined}>
        Save changes
      </Button>
    </form>
  );
}
