"use client";

import { useRouter } from "next/navigation";
import { useId } from "react";
import { useForm, useWatch } from "react-hook-form";
import { addDidAction } from "@/app/(dashboard)/dids/actions";
import { Button, ButtonLink, ErrorCallout } from "@/components/ui";
import { useInputAdvice } from "@/components/ui/input-advice";
import { useKeepEarlyInput } from "@/components/ui/early-input";
import { useActionForm } from "@/components/ui/use-action";
import type { DidSuggestions } from "@/lib/dids/inventory";
import { DID_FIELDS } from "@/lib/dids/fields";
import { EMPTY_DID_FORM } from "@/lib/dids/form";
import type { AddDid, AddDidInput } from "@/lib/dids/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { DidFieldsets } from "./did-fieldsets";
import { didPath } from "./paths";

const FIELDS = ["didPattern", ...DID_FIELDS];
/** In-group: what most new DIDs route to. */
const INITIAL = { didRoute: "IN_GROUP", active: true } as const;
const resolver = lazyZodResolver(() => import("@/lib/dids/schemas").then((m) => m.addDidSchema));

export function AddDidForm({ suggestions, blockedReason }: { suggestions: DidSuggestions; blockedReason?: string }) {
  const router = useRouter();
  const formId = useId();
  const form = useForm<AddDidInput, unknown, AddDid>({
    resolver,
    defaultValues: { ...EMPTY_DID_FORM, active: INITIAL.active, didRoute: INITIAL.didRoute },
  });
  const { register, handleSubmit, formState, control } = form;
  useKeepEarlyInput(formId, form);
  const advise = useInputAdvice(form);
  const route = useWatch({ control, name: "didRoute" });
  const blocked = blockedReason !== undefined;

  const { run, error } = useActionForm(form, addDidAction, { fields: FIELDS, onSuccess: (data) => router.push(didPath(data.didPattern)) });
  const onSubmit = handleSubmit(async (values) => {
    await run(values);
  });

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Add DID">
      {blocked && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          VICIdial&apos;s API user cannot add DIDs: {blockedReason}
        </p>
      )}
      {error && <ErrorCallout error={error} />}
      <fieldset disabled={blocked || formState.isSubmitting} className="space-y-6">
        <DidFieldsets register={(name) => register(name)} errors={formState.errors} route={route} suggestions={suggestions} emptyChoice="VICIdial's default" initial={INITIAL} advise={advise} />
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" loading={formState.isSubmitting} disabled={blocked} title={blockedReason}>
          Add DID
        </Button>
        <ButtonLink href="/dids" variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
