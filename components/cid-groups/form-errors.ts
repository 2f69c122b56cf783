import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionError } from "@/lib/actions/result";

/**
 * Puts an action's field errors next to their fields. Returns whether any landed, so the caller
 * shows the callout only for errors no field holds.
 */
export function showFieldErrors<V extends FieldValues>(error: ActionError, setError: UseFormSetError<V>, fields: readonly Path<V>[]): boolean {
  let placed = false;
  for (const field of fields) {
    const message = error.fieldErrors?.[field]?.[0];
    if (message) {
      setError(field, { type: "server", message }, { shouldFocus: !placed });
      placed = true;
    }
  }
  return placed;
}
