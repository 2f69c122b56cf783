"use client";

import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { addDidAction } from "@/app/(dashboard)/dids/actions";
import { Button, ButtonLink, ErrorCallout } from "@/components/ui";
import { useInputAdvice } from "@/components/ui/input-advice";
import { registerShown } from "@/components/ui/register-shown";
import { useActionForm } from "@/components/ui/use-action";
import type { DidSuggestions } from "@/lib/dids/inventory";
import { DID_FIELDS } from "@/lib/dids/fields";
import { EMPTY_DID_FORM } from "@/lib/dids/form";
import type { AddDid, AddDidInput } from "@/lib/dids/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { DidFieldsets } from "./did-fieldsets";
import { didPath } from "./paths";

const FIELDS = ["didPattern", ...DID_FIELDS];
const resolver = lazyZodResolver(() => import("@/lib/dids/schemas").then((m) => m.addDidSchema));

export function AddDidForm({ suggestions, blockedReason }: { suggestions: DidSuggestions; blockedReason?: string }) {
  const router = useRouter();
  const form = useForm<AddDidInput, unknown, AddDid>({
    resolver,
    // In-group: what most new DIDs route to.
    defaultValues: { ...EMPTY_DID_FORM, active: true, didRoute: "IN_GROUP" },
  });
  const { handleSubmit, formState, control } = form;
  const advise = useInputAdvice(form);
  const route = useWatch({ control, name: "didRoute" });
  const blocked = blockedReason !== undefined;

  const { run, error } = useActionForm(form, addDidAction, { fields: FIELDS, onSuccess: (data) => router.push(didPath(data.didPattern)) });
  const onSubmit = handleSubmit(async (values) => {
    await run(values);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Add DID">
      {blocked && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          VICIdial&apos;s API user cannot add DIDs: {blockedReason}
        </p>
      )}
      {error && <ErrorCallout error={error} />}
      <fieldset disabled={blocked || formState.isSubmitting} className="space-y-6">
        <DidFieldsets register={registerShown(form)} errors={formState.errors} route={route} suggestions={suggestions} emptyChoice="VICIdial's default" advise={advise} />
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
