"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { updateCidEntriesAction } from "@/app/(dashboard)/cid-groups/actions";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { Field } from "@/components/ui/field";
import type { ActionError } from "@/lib/actions/result";
import type { UpdateCidEntries, UpdateCidEntriesInput } from "@/lib/cid-groups/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { placeFieldErrors } from "@/components/ui/call-action";
import type { CidEntry } from "./types";
import { actionErrorOf, useCidChange } from "./use-cid-change";

const descriptionResolver = lazyZodResolver(() => import("@/lib/cid-groups/schemas").then((m) => m.updateCidEntriesSchema));

/** Replaces a description. VICIdial's API cannot clear one, so an empty value is refused (schema). */
export function DescriptionEditor({ groupId, entry, onDone }: { groupId: string; entry: CidEntry; onDone: () => void }) {
  const save = useCidChange(groupId, updateCidEntriesAction);
  const [error, setError] = useState<ActionError>();
  const form = useForm<UpdateCidEntriesInput, unknown, UpdateCidEntries>({
    resolver: descriptionResolver,
    defaultValues: { groupId, areacode: entry.areacode, outboundCid: entry.outboundCid, description: entry.description },
  });
  const submit = form.handleSubmit(async (values) => {
    setError(undefined);
    try {
      await save.mutateAsync(values);
      onDone();
    } catch (failure) {
      const actionError = actionErrorOf(failure);
      if (actionError && !placeFieldErrors(actionError, form.setError, ["description"])) setError(actionError);
    }
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <Field
        label={`New description for ${entry.outboundCid}`}
        error={form.formState.errors.description?.message}
        hint="VICIdial's API can replace a description but cannot clear it."
      >
        {(p) => <input {...p} {...form.register("description")} autoComplete="off" autoFocus />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" loading={save.isPending}>
          Save
        </Button>
        <Button variant="secondary" size="sm" onClick={onDone} disabled={save.isPending}>
          Cancel
        </Button>
      </div>
      {error && <ErrorCallout error={error} />}
    </form>
  );
}
