"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { addCidEntryAction } from "@/app/(dashboard)/cid-groups/actions";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Checkbox, Field } from "@/components/ui/field";
import { useInputAdvice } from "@/components/ui/input-advice";
import type { ActionError } from "@/lib/actions/result";
import { AREACODE_MAX, CID_MAX, CID_MIN, DESCRIPTION_MAX } from "@/lib/cid-groups/fields";
import type { AddCidEntry, AddCidEntryInput } from "@/lib/cid-groups/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { placeFieldErrors } from "@/components/ui/call-action";
import { registerShown } from "@/components/ui/register-shown";
import { actionErrorOf, useCidChange } from "./use-cid-change";

const FIELDS = ["areacode", "outboundCid", "description", "active"] as const;

const resolver = lazyZodResolver(() => import("@/lib/cid-groups/schemas").then((m) => m.addCidEntrySchema));

/**
 * Stage ADD. After a success the area code stays filled in (entries usually come several per
 * area code); after a refusal every value stays as typed.
 */
export function AddEntryForm({ groupId, disabledReason }: { groupId: string; disabledReason?: string }) {
  const [error, setError] = useState<ActionError>();
  const add = useCidChange(groupId, addCidEntryAction);
  const form = useForm<AddCidEntryInput, unknown, AddCidEntry>({
    resolver,
    defaultValues: { groupId, areacode: "", outboundCid: "", description: "", active: true },
  });
  const { errors } = form.formState;
  const register = registerShown(form);
  const advise = useInputAdvice(form);

  const submit = form.handleSubmit(async (values) => {
    setError(undefined);
    try {
      await add.mutateAsync(values);
      form.reset({ ...values, outboundCid: "", description: "" });
      form.setFocus("outboundCid");
    } catch (failure) {
      const actionError = actionErrorOf(failure);
      if (actionError && !placeFieldErrors(actionError, form.setError, FIELDS)) setError(actionError);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Add an entry" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Area code or state" error={errors.areacode?.message} hint={`Up to ${AREACODE_MAX} letters or digits, e.g. 727 or FL`} required>
          {(p) => <input {...p} {...register("areacode")} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field label="Outbound CID" error={errors.outboundCid?.message} hint={`Digits only, ${CID_MIN} to ${CID_MAX}`} required>
          {(p) => (
            <>
              <input {...p} {...register("outboundCid")} inputMode="tel" autoComplete="off" />
              {advise("outboundCid", "outbound_cid")}
            </>
          )}
        </Field>
        <Field
          label="Description"
          error={errors.description?.message}
          hint={`Optional, up to ${DESCRIPTION_MAX}: letters, digits, spaces and . , - _`}
          className="lg:col-span-2"
        >
          {(p) => (
            <>
              <input {...p} {...register("description")} autoComplete="off" />
              {advise("description", "cid_description")}
            </>
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Checkbox label="Active" {...register("active")} />
        <Button type="submit" loading={add.isPending} disabled={!!disabledReason} title={disabledReason}>
          Add entry
        </Button>
      </div>
      {error && <ErrorCallout error={error} />}
    </form>
  );
}
