/** The name every row checkbox of a selectable list submits under (components/ui/bulk-bar.tsx reads it). */
export const SELECTED = "selected";

/**
 * A row's checkbox; `value` is the row's key as the bulk bar's choices expect it. A server
 * component: a list renders one per row, and a plain input needs no client code of its own.
 */
export function RowCheckbox({ formId, value, label }: { formId: string; value: string; label: string }) {
  return <input type="checkbox" form={formId} name={SELECTED} value={value} aria-label={label} className="h-4 w-4 rounded border-slate-300 dark:border-slate-600" />;
}
