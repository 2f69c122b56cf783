import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionError } from "@/lib/actions/result";

/**
 * Puts an action's field errors beside their fields (they are keyed by the schema's field names,
 * which are the form's). Returns the error for the callout above the form.
 */
export function showFieldErrors<T extends FieldValues>(error: ActionError, setError: UseFormSetError<T>, fields: readonly string[]): void {
  for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
    if (fields.includes(field) && messages[0]) setError(field as Path<T>, { type: "server", message: messages[0] }, { shouldFocus: true });
  }
}
