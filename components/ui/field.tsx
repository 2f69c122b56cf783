import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 disabled:bg-slate-100 dark:bg-slate-900 dark:text-slate-100 dark:disabled:bg-slate-800";
const borderFor = (invalid: boolean) =>
  invalid ? "border-red-500 dark:border-red-400" : "border-slate-300 dark:border-slate-700";

interface FieldProps {
  label: ReactNode;
  /** Shown under the control; errors replace nothing, they add a line in red. */
  hint?: ReactNode;
  error?: string | string[];
  required?: boolean;
  className?: string;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string; className: string }) => ReactNode;
}

/** A label, a control, a hint and the error for that control, wired for screen readers. */
export function Field({ label, hint, error, required, className, children }: FieldProps) {
  const id = useId();
  const message = Array.isArray(error) ? error[0] : error;
  const describedBy = [hint ? `${id}-hint` : "", message ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      {/* The required mark sits outside the label so the label text stays exactly the field's name. */}
      <div className="flex items-baseline gap-0.5">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          {label}
        </label>
        {required && (
          <span aria-hidden className="text-sm text-red-600">
            *
          </span>
        )}
      </div>
      {children({
        id,
        "aria-invalid": message ? true : undefined,
        "aria-describedby": describedBy,
        className: cn(control, borderFor(!!message)),
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {message && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {message}
        </p>
      )}
    </div>
  );
}

export function Input({ className, invalid, ...props }: ComponentProps<"input"> & { invalid?: boolean }) {
  return <input className={cn(control, borderFor(!!invalid), className)} {...props} />;
}

export function Select({ className, invalid, ...props }: ComponentProps<"select"> & { invalid?: boolean }) {
  return <select className={cn(control, borderFor(!!invalid), "pr-8", className)} {...props} />;
}

export function Checkbox({ label, className, ...props }: ComponentProps<"input"> & { label: ReactNode }) {
  const id = useId();
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <input id={props.id ?? id} type="checkbox" className="h-4 w-4 rounded border-slate-300 text-brand-600" {...props} />
      <label htmlFor={props.id ?? id} className="text-sm text-slate-800 dark:text-slate-200">
        {label}
      </label>
    </div>
  );
}

export function Fieldset({ legend, description, children }: { legend: string; description?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-slate-100">{legend}</legend>
      {description && <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p>}
      {children}
    </fieldset>
  );
}
