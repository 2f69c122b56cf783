"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useForm } from "react-hook-form";
import { Button, Field } from "@/components/ui";
import type { LookupCallInput } from "@/lib/calls/schemas";
import { CALL_ID_MAX_LENGTH, CALL_ID_MIN_LENGTH, CALL_ID_PREFIX_LIST } from "@/lib/calls/call-id";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { callPath } from "./paths";

const resolver = lazyZodResolver(() => import("@/lib/calls/schemas").then((m) => m.lookupCallSchema));

/**
 * The call ID search box. The ID is cleaned and checked here with the lookup's own schema, so a
 * wrong one is explained at once and never reaches VICIdial; a good one opens its deep link.
 */
export function CallSearchForm({ autoFocus = false, blockedReason }: { autoFocus?: boolean; blockedReason?: string }) {
  const router = useRouter();
  const [navigating, startNavigation] = useTransition();
  const { register, handleSubmit, formState } = useForm<LookupCallInput, unknown, { callId: string }>({
    resolver,
    defaultValues: { callId: "" },
  });

  const onSubmit = handleSubmit(({ callId }) => {
    startNavigation(() => router.push(callPath(callId)));
  });

  return (
    <>
      {blockedReason && (
        <p role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
          VICIdial&apos;s API user cannot look up calls: {blockedReason}
        </p>
      )}
      <form role="search" aria-label="Look up a call" onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-3">
      <Field
        label="Call ID"
        className="min-w-64 flex-1"
        error={formState.errors.callId?.message}
        hint={`Paste it as it is: spaces and quotes around it are removed. It starts with ${CALL_ID_PREFIX_LIST} and has ${CALL_ID_MIN_LENGTH} to ${CALL_ID_MAX_LENGTH} characters.`}
      >
        {(p) => <input {...p} {...register("callId")} autoComplete="off" spellCheck={false} autoFocus={autoFocus} placeholder="M2151015000000012345" className={`${p.className} font-mono`} />}
      </Field>
      <Button type="submit" className="mt-6" loading={navigating} disabled={blockedReason !== undefined} title={blockedReason}>
        Look up
      </Button>
    </form>
    </>
  );
}
