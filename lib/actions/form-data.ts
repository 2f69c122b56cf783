/**
 * A submitted form as a plain object for zod: a key sent once is a value, a key sent several times
 * (checkbox groups, multi-selects) is an array, and empty strings stay "" so the schema decides what
 * an empty field means. React's own `$ACTION_…` bookkeeping fields are dropped.
 */
export function formDataToObject(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const values = new Map<string, FormDataEntryValue | FormDataEntryValue[]>();
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const existing = values.get(key);
    if (existing === undefined) values.set(key, value);
    else if (Array.isArray(existing)) existing.push(value);
    else values.set(key, [existing, value]);
  }
  // fromEntries defines own properties, so a field named "__proto__" cannot reach the prototype.
  return Object.fromEntries(values);
}
