import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionError, ActionResult } from "@/lib/actions/result";

/**
 * Calling a server action from the browser, without React: the one place that turns a failed
 * request (network down, server restarting, no answer) into an ActionResult, so every caller
 * shows it as a failure in plain words instead of leaving the promise to reject or hang.
 */

/** A server action from `action()`: it also takes FormData, which these callers never send. */
export type ServerAction<I, T> = (prev: unknown, input: I) => Promise<ActionResult<T>>;

/** The request never reached the dashboard, or its answer never came back. */
export const DASHBOARD_UNREACHABLE = "DASHBOARD_UNREACHABLE";
/** The dashboard took longer than ACTION_TIMEOUT_MS to answer. */
export const DASHBOARD_TIMEOUT = "DASHBOARD_TIMEOUT";

/**
 * Above what one action may take on the server: two VICIdial calls (a write and the read that
 * reconciles it) at VICIDIAL_TIMEOUT_MS's ceiling of 120 s each.
 */
export const ACTION_TIMEOUT_MS = 300_000;

export function unreachable(message = "The dashboard could not be reached; check your connection and try again."): ActionError {
  return { kind: "unavailable", code: DASHBOARD_UNREACHABLE, message };
}

function timedOut(ms: number): ActionError {
  return {
    kind: "unavailable",
    code: DASHBOARD_TIMEOUT,
    message: `The dashboard did not answer within ${Math.round(ms / 1000)} seconds. The change may still have been made: check before trying again.`,
  };
}

export interface CallOptions {
  timeoutMs?: number;
  /** Said when the dashboard could not be reached, where the page knows better what to check. */
  unreachableMessage?: string;
}

/** Never throws and never waits forever: a request that fails or hangs comes back as a failed result. */
export async function callAction<I, T>(action: ServerAction<I, T>, input: I, options: CallOptions = {}): Promise<ActionResult<T>> {
  const ms = options.timeoutMs ?? ACTION_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ActionResult<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: timedOut(ms) }), ms);
  });
  try {
    return await Promise.race([action(undefined, input), timeout]);
  } catch {
    return { ok: false, error: unreachable(options.unreachableMessage) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Puts an action's field errors beside the form's fields (the schema's names are the form's),
 * in the order the fields are given, focusing the first. A field shows its first message, as the
 * form's own resolver does. `prefix`: where the action's input nests the form's values
 * (`options.` for a bulk job's settings). Returns whether any landed, so a caller may keep the callout for errors no field holds.
 */
export function placeFieldErrors<V extends FieldValues>(error: ActionError, setError: UseFormSetError<V>, fields: readonly string[], prefix = ""): boolean {
  let placed = false;
  for (const field of fields) {
    const message = error.fieldErrors?.[prefix + field]?.find(Boolean);
    if (!message) continue;
    setError(field as Path<V>, { type: "server", message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}
