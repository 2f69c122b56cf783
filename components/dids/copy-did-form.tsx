"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useActionForm } from "@/components/ui/use-action";
import { copyDidAction, type CopyDidResult } from "@/app/(dashboard)/dids/actions";
import { Badge, Button, ErrorCallout, Field } from "@/components/ui";
import { useInputAdvice } from "@/components/ui/input-advice";
import type { CopyDid, CopyDidInput } from "@/lib/dids/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { registerShown } from "@/components/ui/register-shown";
import { didPath } from "./paths";

const FIELDS = ["newDids", "description", "sourceDidPattern"];
const resolver = lazyZodResolver(() => import("@/lib/dids/schemas").then((m) => m.copyDidSchema));

/** copy_did: the source's settings to new DIDs, with a per-DID result (added or already there). */
export function CopyDidForm({ sourceDidPattern, blockedReason }: { sourceDidPattern: string; blockedReason?: string }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<{ message: string; data: CopyDidResult } | null>(null);
  const form = useForm<CopyDidInput, unknown, CopyDid>({
    resolver,
    defaultValues: { sourceDidPattern, newDids: "", description: "" },
  });
  const { handleSubmit, formState } = form;
  const register = registerShown(form);
  const advise = useInputAdvice(form);
  const blocked = blockedReason !== undefined;

  const { run, error } = useActionForm(form, copyDidAction, { fields: FIELDS });

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    const result = await run(values);
    // A partly done copy is still recorded; the history shows it.
    if (!result.ok) {
      router.refresh();
      return;
    }
    setOutcome({ message: result.message, data: result.data });
    form.reset({ sourceDidPattern, newDids: "", description: values.description ?? "" });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Copy DID">
      {blocked && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          VICIdial&apos;s API user cannot copy DIDs: {blockedReason}
        </p>
      )}
      {error && <ErrorCallout error={error} />}
      {outcome && <CopyOutcome message={outcome.message} data={outcome.data} />}
      <fieldset disabled={blocked || formState.isSubmitting} className="grid gap-4 md:grid-cols-2">
        <Field
          label="New DIDs"
          required
          error={formState.errors.newDids?.message}
          hint="One pattern per line, or separated by commas. Each gets this DID's route and settings."
        >
          {(p) => (
            <>
              <textarea {...p} {...register("newDids")} rows={5} autoComplete="off" spellCheck={false} className={`${p.className} whitespace-pre-line font-mono`} />
              {advise("newDids", "new_dids")}
            </>
          )}
        </Field>
        <Field label="Description of the new DIDs" error={formState.errors.description?.message} hint="Optional; left empty, each copy keeps this DID's description">
          {(p) => (
            <>
              <input {...p} {...register("description")} autoComplete="off" />
              {advise("description", "did_description")}
            </>
          )}
        </Field>
      </fieldset>
      <Button type="submit" loading={formState.isSubmitting} disabled={blocked} title={blockedReason}>
        Copy to new DIDs
      </Button>
    </form>
  );
}

function CopyOutcome({ message, data }: { message: string; data: CopyDidResult }) {
  return (
    <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950/50 dark:text-green-200">
      <p className="font-medium">{message}</p>
      <ul aria-label="Copy results" className="mt-2 space-y-1">
        {data.dids.map((did) => (
          <li key={did.pattern} className="flex items-center gap-2">
            {did.outcome === "added" ? (
              <>
                <Badge tone="green">Added</Badge>
                <Link href={didPath(did.pattern)} className="font-mono underline">
                  {did.pattern}
                </Link>
              </>
            ) : (
              <>
                <Badge tone="amber">Already existed</Badge>
                <span className="font-mono">{did.pattern}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
