"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { dismissErrorToasts, toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action";
import { updatePhoneAction } from "@/app/(dashboard)/phones/actions";
import { Button, Card, Checkbox, ErrorCallout, Field, Fieldset, SuccessCallout } from "@/components/ui";
import { useInputAdvice } from "@/components/ui/input-advice";
import { registerShown } from "@/components/ui/register-shown";
import type { PhoneKey, UpdatePhone } from "@/lib/phones/schemas";
import { normalizeTimeZone, TIME_ZONES } from "@/lib/phones/time-zones";
import { CopyButton } from "@/components/ui/copy-button";
import { PHONE_CLEARABLE_FIELDS, PHONE_PROTOCOLS, PHONE_SECRET_FIELDS, PHONE_SETTING_FIELDS, phoneFieldLabel } from "@/lib/phones/fields";
import { WEBPHONE_LABELS, YES_NO_LABELS } from "./labels";
import { PasswordInput } from "./password-input";
import { ReferenceCombobox } from "@/components/cluster/reference-combobox";

/** The fields a person edits; each is a string in the form ("" when VICIdial's value is not known). */
const TEXT_FIELDS = PHONE_SETTING_FIELDS;
const SECRET_FIELDS = PHONE_SECRET_FIELDS;
/** update_phone's `--BLANK--` fields (contract 2.3, 3). */
const CLEARABLE = PHONE_CLEARABLE_FIELDS;

type TextField = (typeof TEXT_FIELDS)[number];
type Clearable = (typeof CLEARABLE)[number];
export type EditablePhone = PhoneKey & Record<TextField, string>;
type EditValues = Record<TextField | (typeof SECRET_FIELDS)[number], string> & { clear: Record<Clearable, boolean> };

const ALL_FIELDS: readonly string[] = [...TEXT_FIELDS, ...SECRET_FIELDS];

function formValuesOf(phone: EditablePhone): EditValues {
  const values = { phonePass: "", registrationPassword: "", clear: Object.fromEntries(CLEARABLE.map((field) => [field, false])) } as EditValues;
  for (const field of TEXT_FIELDS) values[field] = phone[field];
  values.localGmt = normalizeTimeZone(phone.localGmt) ?? phone.localGmt;
  return values;
}

function isClearable(field: string): field is Clearable {
  return (CLEARABLE as readonly string[]).includes(field);
}

/**
 * Only what differs from what VICIdial holds: unchanged fields are not sent at all. A ticked
 * "Clear" sends null (VICIdial's --BLANK--); the passwords, never shown, are sent when typed.
 */
function changesOf(values: EditValues, initial: EditValues): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  for (const field of TEXT_FIELDS) {
    if (isClearable(field) && values.clear[field]) {
      if (initial[field] !== "") changes[field] = null;
    } else if (values[field] !== initial[field]) changes[field] = values[field];
  }
  for (const field of SECRET_FIELDS) {
    if (isClearable(field) && values.clear[field]) changes[field] = null;
    else if (values[field] !== "") changes[field] = values[field];
  }
  return changes;
}

interface EditPhoneFormProps {
  phone: EditablePhone;
  /** Why VICIdial's API user may not change phones, if it may not. */
  blockedReason?: string;
}

export function EditPhoneForm({ phone, blockedReason }: EditPhoneFormProps) {
  const router = useRouter();
  const key: PhoneKey = { serverIp: phone.serverIp, extension: phone.extension };
  const [initial, setInitial] = useState(() => formValuesOf(phone));
  const [newPasswords, setNewPasswords] = useState<{ label: string; value: string }[]>([]);

  // The one schema, applied to the changes rather than the whole form: update_phone's rules hold
  // for what is sent, and a value VICIdial already holds is never re-checked. The schemas (and
  // zod) load on the first check, not with the page.
  const resolver: Resolver<EditValues, unknown, UpdatePhone> = async (values) => {
    const { updatePhoneSchema } = await import("@/lib/phones/schemas");
    const parsed = updatePhoneSchema.safeParse({ ...key, ...changesOf(values, initial) });
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field && !errors[field]) errors[field] = { type: "validation", message: issue.message };
    }
    // Nothing changed is not an error of any field: the submit handler says so.
    return Object.keys(errors).length > 0 ? { values: {}, errors: errors as FieldErrors<EditValues> } : { values: key, errors: {} };
  };

  const form = useForm<EditValues, unknown, UpdatePhone>({ resolver, defaultValues: initial });
  const { handleSubmit, setValue, formState } = form;
  const register = registerShown(form);
  const advise = useInputAdvice(form);
  const errors = formState.errors;
  const cleared = useWatch({ control: form.control, name: "clear" });
  const { run, error, clearError } = useActionForm(form, updatePhoneAction, { fields: ALL_FIELDS, listPath: "/phones" });

  const onSubmit = handleSubmit(async (changes) => {
    clearError();
    dismissErrorToasts();
    if (Object.keys(changes).every((field) => field === "serverIp" || field === "extension")) {
      toast.info("Nothing has changed.");
      return;
    }
    const result = await run(changes);
    if (!result.ok) return;
    const values = form.getValues();
    const next: EditValues = { ...values, phonePass: "", registrationPassword: "", clear: { ...initial.clear } };
    for (const field of CLEARABLE) if (values.clear[field] && field !== "registrationPassword") next[field] = "";
    setNewPasswords(
      [
        { label: "New phone password", value: changes.phonePass },
        { label: "New registration password", value: changes.registrationPassword ?? undefined },
      ].filter((p): p is { label: string; value: string } => typeof p.value === "string"),
    );
    setInitial(next);
    form.reset(next);
    router.refresh();
  });

  const clearBox = (field: Clearable, what: string) => <Checkbox label={`Clear ${what}`} {...register(`clear.${field}`)} />;
  const generate = (field: (typeof SECRET_FIELDS)[number]) => (password: string) => setValue(field, password, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  const disabled = blockedReason !== undefined;
  const unknownOption = (field: TextField) => initial[field] === "" && <option value="">Not recorded</option>;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Change phone">
      {blockedReason && (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          Changes are switched off: {blockedReason}.
        </p>
      )}
      {error && <ErrorCallout error={error} />}
      {newPasswords.length > 0 && (
        <Card title="New passwords, shown once">
          <SuccessCallout>Copy them now: the dashboard does not keep them.</SuccessCallout>
          <dl className="mt-3 space-y-2">
            {newPasswords.map((p) => (
              <div key={p.label} className="flex flex-wrap items-center gap-3">
                <dt className="w-56 text-sm font-medium">{p.label}</dt>
                <dd className="flex items-center gap-2">
                  <code className="rounded bg-slate-100 px-2 py-1 font-mono text-sm dark:bg-slate-800">{p.value}</code>
                  <CopyButton value={p.value} label={`Copy ${p.label.toLowerCase()}`} />
                </dd>
              </div>
            ))}
          </dl>
        </Card>
      )}
      <fieldset disabled={disabled || formState.isSubmitting} className="space-y-6">
        <Fieldset legend="Phone" description="Only the fields you change are sent to VICIdial.">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <div className="space-y-1">
              <Field label={phoneFieldLabel("phoneFullName")} error={errors.phoneFullName?.message} hint="2 to 30 characters">
                {(p) => (
                  <>
                    <input {...p} {...register("phoneFullName")} readOnly={cleared.phoneFullName} autoComplete="off" />
                    {!cleared.phoneFullName && advise("phoneFullName", "phone_full_name")}
                  </>
                )}
              </Field>
              {clearBox("phoneFullName", "full name")}
            </div>
            <Field label={phoneFieldLabel("phoneLogin")} error={errors.phoneLogin?.message} hint="Up to 15 characters">
              {(p) => <input {...p} {...register("phoneLogin")} autoComplete="off" />}
            </Field>
            <Field label={phoneFieldLabel("protocol")} error={errors.protocol?.message}>
              {(p) => (
                <select {...p} {...register("protocol")}>
                  {unknownOption("protocol")}
                  {PHONE_PROTOCOLS.map((protocol) => (
                    <option key={protocol} value={protocol}>
                      {protocol}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={phoneFieldLabel("dialplanNumber")} error={errors.dialplanNumber?.message} hint="3 to 20 characters">
              {(p) => <input {...p} {...register("dialplanNumber")} autoComplete="off" />}
            </Field>
            <Field label={phoneFieldLabel("voicemailId")} error={errors.voicemailId?.message} hint="2 to 10 letters or digits">
              {(p) => <input {...p} {...register("voicemailId")} autoComplete="off" />}
            </Field>
            <Field label={phoneFieldLabel("outboundCid")} error={errors.outboundCid?.message} hint="6 to 18 digits">
              {(p) => (
                <>
                  <input {...p} {...register("outboundCid")} inputMode="tel" autoComplete="off" />
                  {advise("outboundCid", "outbound_cid")}
                </>
              )}
            </Field>
            <Field label={phoneFieldLabel("localGmt")} error={errors.localGmt?.message}>
              {(p) => (
                <select {...p} {...register("localGmt")}>
                  {unknownOption("localGmt")}
                  {TIME_ZONES.map((zone) => (
                    <option key={zone.value} value={zone.value}>
                      {zone.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={phoneFieldLabel("active")} error={errors.active?.message}>
              {(p) => (
                <select {...p} {...register("active")}>
                  {unknownOption("active")}
                  <option value="Y">Yes</option>
                  <option value="N">No</option>
                </select>
              )}
            </Field>
          </div>
        </Fieldset>

        <Fieldset legend="Settings">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <div className="space-y-1">
              <Field label={phoneFieldLabel("phoneContext")} error={errors.phoneContext?.message} hint="2 to 20 characters">
                {(p) => <input {...p} {...register("phoneContext")} readOnly={cleared.phoneContext} autoComplete="off" />}
              </Field>
              {clearBox("phoneContext", "context")}
            </div>
            <div className="space-y-1">
              <Field label={phoneFieldLabel("email")} error={errors.email?.message}>
                {(p) => <input {...p} {...register("email")} type="email" readOnly={cleared.email} autoComplete="off" />}
              </Field>
              {clearBox("email", "email")}
            </div>
            <Field label={phoneFieldLabel("adminUserGroup")} error={errors.adminUserGroup?.message} hint="2 to 20 characters">
              {(p) => <input {...p} {...register("adminUserGroup")} autoComplete="off" />}
            </Field>
            <div className="space-y-1">
              <Field label={phoneFieldLabel("templateId")} error={errors.templateId?.message}>
                {(p) => <ReferenceCombobox {...p} {...register("templateId")} kind="template" readOnly={cleared.templateId} />}
              </Field>
              {clearBox("templateId", "template")}
            </div>
            <ChoiceSelect label="Webphone" field="isWebphone" options={WEBPHONE_LABELS} form={form} unknown={initial.isWebphone === ""} />
            <ChoiceSelect label="Webphone auto-answer" field="webphoneAutoAnswer" options={YES_NO_LABELS} form={form} unknown={initial.webphoneAutoAnswer === ""} />
            <ChoiceSelect label="Use external server IP" field="useExternalServerIp" options={YES_NO_LABELS} form={form} unknown={initial.useExternalServerIp === ""} />
            <ChoiceSelect label="On-hook agent" field="onHookAgent" options={YES_NO_LABELS} form={form} unknown={initial.onHookAgent === ""} />
          </div>
        </Fieldset>

        <Fieldset legend="Passwords" description="Leave empty to keep the current passwords. VICIdial accepts 2 to 30 characters.">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="New phone password" error={errors.phonePass?.message}>
              {(p) => <PasswordInput {...p} {...register("phonePass")} onGenerate={generate("phonePass")} generateLabel="Generate new phone password" />}
            </Field>
            <div className="space-y-1">
              <Field label="New registration password" error={errors.registrationPassword?.message}>
                {(p) => (
                  <PasswordInput
                    {...p}
                    {...register("registrationPassword")}
                    readOnly={cleared.registrationPassword}
                    onGenerate={generate("registrationPassword")}
                    generateLabel="Generate new registration password"
                  />
                )}
              </Field>
              {clearBox("registrationPassword", "registration password (the phone then registers without a secret)")}
            </div>
          </div>
        </Fieldset>
      </fieldset>

      <Button type="submit" loading={formState.isSubmitting} disabled={disabled}>
        Save changes
      </Button>
    </form>
  );
}

function ChoiceSelect({
  label,
  field,
  options,
  form,
  unknown,
}: {
  label: string;
  field: "isWebphone" | "webphoneAutoAnswer" | "useExternalServerIp" | "onHookAgent";
  options: Record<string, string>;
  form: ReturnType<typeof useForm<EditValues, unknown, UpdatePhone>>;
  unknown: boolean;
}) {
  return (
    <Field label={label} error={form.formState.errors[field]?.message}>
      {(p) => (
        <select {...p} {...registerShown(form)(field)}>
          {unknown && <option value="">Not recorded</option>}
          {Object.entries(options).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
