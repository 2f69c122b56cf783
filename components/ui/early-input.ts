"use client";

import { useLayoutEffect, useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

type EarlyValues = Map<string, string | boolean>;

/** The fields of the server-rendered form whose value differs from the HTML's own default. */
function changedInDom(formId: string): EarlyValues {
  const changed: EarlyValues = new Map();
  if (typeof document === "undefined") return changed;
  const form = document.getElementById(formId);
  if (!(form instanceof HTMLFormElement)) return changed;
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLSelectElement && element.name) {
      const initial = Array.from(element.options).find((option) => option.defaultSelected) ?? element.options[0];
      if (initial && element.value !== initial.value) changed.set(element.name, element.value);
    } else if (element instanceof HTMLTextAreaElement && element.name) {
      if (element.value !== element.defaultValue) changed.set(element.name, element.value);
    } else if (element instanceof HTMLInputElement && element.name) {
      if (element.type === "checkbox") {
        if (element.checked !== element.defaultChecked) changed.set(element.name, element.checked);
      } else if (element.type === "radio") {
        if (element.checked && !element.defaultChecked) changed.set(element.name, element.value);
      } else if (element.type !== "hidden" && element.type !== "file" && element.value !== element.defaultValue) {
        changed.set(element.name, element.value);
      }
    }
  }
  return changed;
}

/**
 * Keeps what a user typed or chose in the server-rendered form before React took over the page.
 * When React hydrates, react-hook-form registers each field and writes its default value into
 * the element, silently undoing a choice made in the first few hundred milliseconds. The values
 * are read from the page during that first render (before the fields register) and given back
 * to the form right after. Give the form element `id={formId}`.
 */
export function useKeepEarlyInput<T extends FieldValues>(formId: string, form: Pick<UseFormReturn<T>, "setValue">): void {
  const [early] = useState(() => changedInDom(formId));
  const { setValue } = form;
  useLayoutEffect(() => {
    for (const [name, value] of early) setValue(name as Path<T>, value as never, { shouldDirty: true });
  }, [early, setValue]);
}
