import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionError } from "@/lib/actions/result";

/** Puts an action's field errors beside their fields (keyed by the schema's field names, which are the form's). */
export function showFieldErrors<T extends FieldValues>(error: ActionError, setError: UseFormSetError<T>, fields: readonly string[]): void {
  let first = true;
  for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
    if (!fields.includes(field) || !messages[0]) continue;
    setError(field as Path<T>, { type: "server", message: messages.join("\n") }, { shouldFocus: first });
    first = false;
  }
}

/** What to say when the action itself could not be reached (network, server restart). */
export const UNREACHABLE_DASHBOARD: ActionError = {
  kind: "unavailable",
  message: "The dashboard could not be reached; check your connection and try again.",
};
