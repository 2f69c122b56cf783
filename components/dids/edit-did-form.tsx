"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { dismissErrorToasts, toast } from "@/components/ui/toast";
import { useActionForm } from "@/components/ui/use-action";
import { updateDidAction } from "@/app/(dashboard)/dids/actions";
import { Button, ErrorCallout, SuccessCallout } from "@/components/ui";
import { useInputAdvice } from "@/components/ui/input-advice";
import type { DidSuggestions } from "@/lib/dids/inventory";
import { DID_FIELDS } from "@/lib/dids/fields";
import { clearedMessage, didChanges, NO_CHANGES } from "@/lib/dids/form";
import type { DidFormValues, UpdateDid, UpdateDidInput } from "@/lib/dids/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { registerShown } from "@/components/ui/register-shown";
import { DidFieldsets } from "./did-fieldsets";

const FIELDS = ["didPattern", ...DID_FIELDS];
const resolver = lazyZodResolver(() => import("@/lib/dids/schemas").then((m) => m.updateDidSchema));

interface EditDidFormProps {
  didPattern: string;
  /** The DID as the dashboard knows it; the change is measured against these values. */
  initial: DidFormValues;
  suggestions: DidSuggestions;
  blockedReason?: string;
}

/**
 * Sends only what changed (didChanges). "No changes" is said without sending anything, and an
 * emptied field is an error here, since VICIdial cannot clear DID fields.
 */
export function EditDidForm({ didPattern, initial, suggestions, blockedReason }: EditDidFormProps) {
  const router = useRouter();
  const [saved, setSaved] = useState<DidFormValues>(initial);
  const [notice, setNotice] = useState<{ tone: "info" | "success"; text: string } | null>(null);
  const form = useForm<UpdateDidInput, unknown, UpdateDid>({
    resolver,
    defaultValues: { didPattern, ...initial },
  });
  const { handleSubmit, formState, control, getValues, reset } = form;
  const route = useWatch({ control, name: "didRoute" });
  const advise = useInputAdvice(form);
  const blocked = blockedReason !== undefined;

  const { run, error, clearError } = useActionForm(form, updateDidAction, { fields: FIELDS, listPath: "/dids" });

  const onSubmit = handleSubmit(async () => {
    clearError();
    dismissErrorToasts();
    setNotice(null);
    const values = getValues();
    const { changes, cleared } = didChanges(saved, values);
    if (cleared.length > 0) {
      cleared.forEach((field, i) => form.setError(field, { type: "cleared", message: clearedMessage(field) }, { shouldFocus: i === 0 }));
      return;
    }
    if (Object.keys(changes).length === 0) {
      setNotice({ tone: "info", text: NO_CHANGES });
      toast.info(NO_CHANGES);
      return;
    }
    const result = await run({ didPattern, ...changes });
    if (!result.ok) return;
    setSaved(values);
    reset(values);
    setNotice({ tone: "success", text: result.message });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Edit DID">
      {blocked && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          VICIdial&apos;s API user cannot change DIDs: {blockedReason}
        </p>
      )}
      {error && <ErrorCallout error={error} />}
      {notice?.tone === "success" && <SuccessCallout>{notice.text}</SuccessCallout>}
      {notice?.tone === "info" && (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm text-slate-800 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-200">
          {notice.text}
        </p>
      )}
      <fieldset disabled={blocked || formState.isSubmitting} className="space-y-6">
        <DidFieldsets register={registerShown(form)} errors={formState.errors} route={route} suggestions={suggestions} patternLocked emptyChoice="Not known here (unchanged)" advise={advise} />
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" loading={formState.isSubmitting} disabled={blocked} title={blockedReason}>
          Save changes
        </Button>
        <Button
          variant="ghost"
          disabled={!formState.isDirty || formState.isSubmitting}
          onClick={() => {
            reset({ didPattern, ...saved });
            clearError();
            setNotice(null);
          }}
        >
          Undo changes
        </Button>
      </div>
    </form>
  );
}
