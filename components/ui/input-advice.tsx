"use client";

import { useWatch, type FieldValues, type Path, type PathValue, type UseFormReturn } from "react-hook-form";
import { adviseInput, listInWords } from "@/lib/input";
import type { ApiParameter } from "@/lib/vicidial/parameters";

/**
 * Under a field: the cleaned value that will be sent instead of a pasted phone number, the
 * closest value VICIdial keeps (one click to take it), and warnings that do not stop the change.
 * The words come from lib/input, the same rules the schemas apply.
 */
export function InputAdvice({ api, value, onUse }: { api: ApiParameter; value: string | null | undefined; onUse: (value: string) => void }) {
  const advice = adviseInput(api, value);
  if (!advice.cleaned && !advice.suggestion && !advice.warning) return null;
  return (
    <div className="space-y-1 text-sm" aria-live="polite">
      {advice.cleaned && (
        <p className="text-slate-700 dark:text-slate-300">
          Sent as <span className="font-mono font-medium">{advice.cleaned.value}</span>: {listInWords(advice.cleaned.removed)} removed.
        </p>
      )}
      {advice.suggestion && (
        <p className="text-slate-700 dark:text-slate-300">
          VICIdial keeps only plain letters here.{" "}
          <button
            type="button"
            onClick={() => onUse(advice.suggestion!)}
            className="rounded font-medium text-brand-700 underline hover:text-brand-800 focus-visible:outline focus-visible:outline-2 dark:text-brand-400"
          >
            Use “{advice.suggestion}”
          </button>
        </p>
      )}
      {advice.warning && (
        <p role="note" className="text-amber-800 dark:text-amber-300">
          {advice.warning}
        </p>
      )}
    </div>
  );
}

/**
 * The advice of a form's fields, for `advise("phoneFullName", "phone_full_name")` under each
 * field that takes pasted text; taking a suggestion sets the field and checks it again.
 */
export function useInputAdvice<T extends FieldValues, C, O>(form: UseFormReturn<T, C, O>) {
  const values = useWatch({ control: form.control }) as Record<string, unknown>;
  const { setValue } = form;
  return function advise(name: Path<T>, api: ApiParameter) {
    const value = values[name];
    return (
      <InputAdvice
        api={api}
        value={typeof value === "string" ? value : ""}
        onUse={(next) => setValue(name, next as PathValue<T, Path<T>>, { shouldDirty: true, shouldValidate: true })}
      />
    );
  };
}
