import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionError } from "@/lib/actions/result";

/** Puts an action's field errors beside the form's fields (the schema's names are the form's). */
export function showFieldErrors<T extends FieldValues>(error: ActionError, setError: UseFormSetError<T>, fields: readonly Path<T>[]): void {
  let first = true;
  for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
    if (!(fields as readonly string[]).includes(field) || !messages[0]) continue;
    setError(field as Path<T>, { type: "server", message: messages.join("\n") }, { shouldFocus: first });
    first = false;
  }
}

/** When the server could not be reached at all (network down, server restarting). */
export const UNREACHABLE: ActionError = {
  kind: "unavailable",
  message: "The dashboard could not be reached. Check your connection and try again.",
};
