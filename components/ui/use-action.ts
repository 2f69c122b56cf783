"use client";

import { useRouter } from "next/navigation";
import { useCallback, useLayoutEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { ActionError, ActionResult } from "@/lib/actions/result";
import { callAction, placeFieldErrors, type CallOptions, type ServerAction } from "./call-action";
import { backToListIfGone } from "./gone-record";
import { dismissErrorToasts, toast } from "./toast";

export interface ActionOptions<T> extends CallOptions {
  /** After VICIdial accepted: the result's message is already toasted (unless successToast is false). */
  onSuccess?: (data: T, message: string) => void | Promise<void>;
  /** After a refusal, once it is shown (not called when the page went back to its list). */
  onFailure?: (error: ActionError) => void;
  /** Where a record's page goes when VICIdial says the record is gone (it is off the list). */
  listPath?: string;
  /** Default true. */
  successToast?: boolean;
  /** Default true: a refusal is toasted as well as shown in the page. */
  errorToast?: boolean;
}

/**
 * How a refusal is told, everywhere: a record VICIdial no longer has sends its page back to the
 * list; a change VICIdial made despite failing while answering is a warning; anything else is
 * an error toast. Returns false when the page went back to its list (nothing more to show).
 */
export function announceFailure(error: ActionError, options: { push: (href: string) => void; listPath?: string; errorToast?: boolean }): boolean {
  if (options.listPath && backToListIfGone(error, options.push, options.listPath)) return false;
  if (options.errorToast === false) return true;
  if (error.reconciled?.state === "done") toast.warning(error.message);
  else toast.error(error.message);
  return true;
}

interface Internal {
  /** Puts field errors beside fields; true when any landed. */
  place?: (error: ActionError) => boolean;
  /** Whether the callout shows an error whose every part landed beside a field. */
  calloutWhenPlaced: boolean;
}

function useRun<I, T>(action: ServerAction<I, T>, options: ActionOptions<T>, internal: Internal) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  // The latest options without re-creating run on every render (callers pass object literals).
  const latest = useRef({ options, internal });
  useLayoutEffect(() => {
    latest.current = { options, internal };
  });

  const run = useCallback(
    async (input: I): Promise<ActionResult<T>> => {
      const { options: o, internal: i } = latest.current;
      setError(null);
      dismissErrorToasts();
      setPending(true);
      try {
        const result = await callAction(action, input, o);
        if (result.ok) {
          if (o.successToast !== false) toast.success(result.message);
          await o.onSuccess?.(result.data, result.message);
          return result;
        }
        if (!announceFailure(result.error, { push: router.push, listPath: o.listPath, errorToast: o.errorToast })) return result;
        const placed = i.place?.(result.error) ?? false;
        if (!placed || i.calloutWhenPlaced) setError(result.error);
        o.onFailure?.(result.error);
        return result;
      } finally {
        setPending(false);
      }
    },
    [action, router],
  );

  return { run, pending, error, setError, clearError: useCallback(() => setError(null), []) };
}

/**
 * Sends values that are not a form (a delete button, a toggle, a start button) to a server
 * action: pending state, the error for a callout, toasts, the gone-record case, and a network
 * failure or a dashboard that does not answer shown as such.
 */
export function useAction<I, T>(action: ServerAction<I, T>, options: ActionOptions<T> = {}) {
  return useRun(action, options, { calloutWhenPlaced: true });
}

export interface ActionFormOptions<T> extends ActionOptions<T> {
  /** The form's fields a server field error may land beside (the schema's names are the form's). */
  fields: readonly string[];
  /** Where the action's input nests the form's values, e.g. `options.`. */
  prefix?: string;
  /**
   * "always" (default): the callout says what was refused even when every part sits beside its
   * field; "unplaced": only errors no field holds get the callout.
   */
  callout?: "always" | "unplaced";
}

/**
 * useAction for a react-hook-form form: server field errors are set on the form's fields too.
 * Call `run` from the form's handleSubmit (so formState.isSubmitting holds while it runs).
 */
export function useActionForm<V extends FieldValues, I, T>(form: Pick<UseFormReturn<V>, "setError">, action: ServerAction<I, T>, options: ActionFormOptions<T>) {
  const { fields, prefix, callout = "always", ...rest } = options;
  return useRun(action, rest, { place: (error) => placeFieldErrors(error, form.setError, fields, prefix), calloutWhenPlaced: callout === "always" });
}
