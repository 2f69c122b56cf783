"use client";

import { useState } from "react";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import { useActionForm } from "@/components/ui/use-action";
import { addPhoneAction } from "@/app/(dashboard)/phones/actions";
import { Button, ButtonLink, ErrorCallout, Field, Fieldset } from "@/components/ui";
import { useInputAdvice } from "@/components/ui/input-advice";
import { EMPTY_PHONE_FORM, PHONE_ADD_FIELDS, PHONE_PROTOCOLS, phoneFieldLabel } from "@/lib/phones/fields";
import type { AddPhone, AddPhoneInput } from "@/lib/phones/schemas";
import { TIME_ZONES } from "@/lib/phones/time-zones";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { registerShown } from "@/components/ui/register-shown";
import { WEBPHONE_LABELS, YES_NO_LABELS } from "./labels";
import { PasswordInput } from "./password-input";
import { PhoneCreated } from "./phone-created";
import { ReferenceCombobox } from "@/components/cluster/reference-combobox";

const FIELDS: readonly string[] = PHONE_ADD_FIELDS;
const resolver = lazyZodResolver(() => import("@/lib/phones/schemas").then((m) => m.addPhoneSchema));
/** Filled from the extension until the user types in them (a field typed in is "dirty"). */
const FOLLOW_EXTENSION = ["dialplanNumber", "voicemailId", "phoneLogin"] as const;

interface AddPhoneFormProps {
  /** Server IPs of known phones, offered as suggestions. */
  servers: string[];
  /** VICIdial's own time zone (version's TZ), preselected when it is one of the list. */
  defaultTimeZone?: string;
  /** Why VICIdial's API user may not add phones, if it may not. */
  blockedReason?: string;
}

export function AddPhoneForm({ servers, defaultTimeZone, blockedReason }: AddPhoneFormProps) {
  const [created, setCreated] = useState<AddPhone | null>(null);
  const form = useForm<AddPhoneInput, unknown, AddPhone>({
    resolver: resolver,
    defaultValues: { ...EMPTY_PHONE_FORM, serverIp: servers.length === 1 ? servers[0] : "", protocol: "SIP", localGmt: defaultTimeZone ?? "" },
  });
  const { handleSubmit, setValue, formState } = form;
  const register = registerShown(form);
  const { run, error } = useActionForm(form, addPhoneAction, { fields: FIELDS });
  const advise = useInputAdvice(form);
  const errors = formState.errors;

  if (created) {
    return (
      <PhoneCreated
        phone={created}
        onAddAnother={() => {
          setCreated(null);
          form.reset();
        }}
      />
    );
  }

  const onSubmit = handleSubmit(async (values) => {
    const result = await run(values);
    if (result.ok) setCreated(values);
  });

  const extension = register("extension", {
    onChange: (event: { target: { value: string } }) => {
      for (const field of FOLLOW_EXTENSION) {
        if (!form.getFieldState(field).isDirty) setValue(field, event.target.value, { shouldValidate: formState.isSubmitted });
      }
    },
  });
  const generate = (field: "phonePass" | "registrationPassword") => (password: string) =>
    setValue(field, password, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  const disabled = blockedReason !== undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Add phone">
      {error && <ErrorCallout error={error} />}
      <fieldset disabled={disabled || formState.isSubmitting} className="space-y-6">
        <Fieldset legend="Phone" description="Everything VICIdial needs to create the phone. The dial plan number, voicemail box and login follow the extension until you change them.">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field label={phoneFieldLabel("extension")} required error={errors.extension?.message} hint="Letters, digits, - and _">
              {(p) => <input {...p} {...extension} autoComplete="off" />}
            </Field>
            <Field label={phoneFieldLabel("dialplanNumber")} required error={errors.dialplanNumber?.message}>
              {(p) => <input {...p} {...register("dialplanNumber")} autoComplete="off" />}
            </Field>
            <Field label={phoneFieldLabel("voicemailId")} required error={errors.voicemailId?.message} hint="Up to 10 letters or digits">
              {(p) => <input {...p} {...register("voicemailId")} autoComplete="off" />}
            </Field>
            <Field label={phoneFieldLabel("phoneLogin")} required error={errors.phoneLogin?.message} hint="Up to 15 characters">
              {(p) => <input {...p} {...register("phoneLogin")} autoComplete="off" />}
            </Field>
            <Field label={phoneFieldLabel("phonePass")} required error={errors.phonePass?.message} hint="Letters, digits, - and _">
              {(p) => <PasswordInput {...p} {...register("phonePass")} onGenerate={generate("phonePass")} generateLabel="Generate phone password" />}
            </Field>
            <Field label={phoneFieldLabel("registrationPassword")} required error={errors.registrationPassword?.message} hint="The SIP/IAX secret">
              {(p) => (
                <PasswordInput
                  {...p}
                  {...register("registrationPassword")}
                  onGenerate={generate("registrationPassword")}
                  generateLabel="Generate registration password"
                />
              )}
            </Field>
            <Field label={phoneFieldLabel("serverIp")} required error={errors.serverIp?.message} hint="The Asterisk server the phone registers to">
              {(p) => <ReferenceCombobox {...p} {...register("serverIp")} kind="server" seen={servers} inputMode="decimal" />}
            </Field>
            <Field label={phoneFieldLabel("protocol")} required error={errors.protocol?.message}>
              {(p) => (
                <select {...p} {...register("protocol")}>
                  {PHONE_PROTOCOLS.map((protocol) => (
                    <option key={protocol} value={protocol}>
                      {protocol}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={phoneFieldLabel("phoneFullName")} required error={errors.phoneFullName?.message} hint="Up to 50 characters; 30 if you change it later">
              {(p) => (
                <>
                  <input {...p} {...register("phoneFullName")} autoComplete="off" />
                  {advise("phoneFullName", "phone_full_name")}
                </>
              )}
            </Field>
            <Field label={phoneFieldLabel("localGmt")} required error={errors.localGmt?.message}>
              {(p) => (
                <select {...p} {...register("localGmt")}>
                  <option value="">Choose…</option>
                  {TIME_ZONES.map((zone) => (
                    <option key={zone.value} value={zone.value}>
                      {zone.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={phoneFieldLabel("outboundCid")} required error={errors.outboundCid?.message} hint="Digits only">
              {(p) => (
                <>
                  <input {...p} {...register("outboundCid")} inputMode="tel" autoComplete="off" />
                  {advise("outboundCid", "outbound_cid")}
                </>
              )}
            </Field>
          </div>
        </Fieldset>

        <Fieldset legend="Optional settings" description="Left empty, VICIdial uses its own defaults.">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field label={phoneFieldLabel("phoneContext")} error={errors.phoneContext?.message} hint="VICIdial's default: default">
              {(p) => <input {...p} {...register("phoneContext")} autoComplete="off" />}
            </Field>
            <Field label={phoneFieldLabel("email")} error={errors.email?.message}>
              {(p) => <input {...p} {...register("email")} type="email" autoComplete="off" />}
            </Field>
            <Field label={phoneFieldLabel("adminUserGroup")} error={errors.adminUserGroup?.message} hint="VICIdial's default: ---ALL---">
              {(p) => <input {...p} {...register("adminUserGroup")} autoComplete="off" />}
            </Field>
            <Field label={phoneFieldLabel("templateId")} error={errors.templateId?.message} hint="A conf template ID, such as SIP_generic">
              {(p) => <ReferenceCombobox {...p} {...register("templateId")} kind="template" />}
            </Field>
            <ChoiceField label={phoneFieldLabel("isWebphone")} error={errors.isWebphone?.message} options={WEBPHONE_LABELS} {...register("isWebphone")} />
            <ChoiceField label={phoneFieldLabel("webphoneAutoAnswer")} error={errors.webphoneAutoAnswer?.message} options={YES_NO_LABELS} defaultNote="Yes" {...register("webphoneAutoAnswer")} />
            <ChoiceField label={phoneFieldLabel("useExternalServerIp")} error={errors.useExternalServerIp?.message} options={YES_NO_LABELS} {...register("useExternalServerIp")} />
            <ChoiceField label={phoneFieldLabel("onHookAgent")} error={errors.onHookAgent?.message} options={YES_NO_LABELS} {...register("onHookAgent")} />
          </div>
        </Fieldset>
      </fieldset>

      <div className="flex items-center gap-3">
        <Button type="submit" loading={formState.isSubmitting} disabled={disabled}>
          Add phone
        </Button>
        <ButtonLink href="/phones" variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

/** A setting VICIdial defaults when it is not sent; the empty choice says what that default is. */
function ChoiceField({
  label,
  error,
  options,
  defaultNote,
  ...select
}: { label: string; error?: string; options: Record<string, string>; defaultNote?: string } & UseFormRegisterReturn) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <select {...p} {...select}>
          <option value="">{defaultNote ? `VICIdial's default (${defaultNote})` : "VICIdial's default"}</option>
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
