import type { ActionError } from "@/lib/actions/result";
import { DASHBOARD_TIMEOUT, DASHBOARD_UNREACHABLE } from "./call-action";
import { cn } from "./cn";

const titles: Record<ActionError["kind"], string> = {
  validation: "Please correct the highlighted fields",
  unauthorized: "Your session has ended",
  forbidden: "Not allowed",
  vicidial: "VICIdial refused the change",
  unavailable: "VICIdial could not be reached",
  conflict: "Already exists",
  internal: "Something went wrong in the dashboard",
};

/** After an unknown outcome, what reading VICIdial back showed decides the headline. */
const reconciledTitles: Record<NonNullable<ActionError["reconciled"]>["state"], string> = {
  done: "VICIdial failed while answering, but the change is in place",
  not_done: "VICIdial failed and nothing was changed",
  exists: "VICIdial failed while answering; the change was probably made",
  unchecked: "VICIdial failed; whether the change was made is unknown",
};

/** The browser's own request failed: the dashboard, not VICIdial, was out of reach (callAction). */
const dashboardTitles: Record<string, string> = {
  [DASHBOARD_UNREACHABLE]: "The dashboard could not be reached",
  [DASHBOARD_TIMEOUT]: "The dashboard did not answer",
};

/** A failed action in plain words, with VICIdial's raw line behind a "details" toggle. */
export function ErrorCallout({ error, title, className }: { error: ActionError; title?: string; className?: string }) {
  const headline = title ?? (error.reconciled ? reconciledTitles[error.reconciled.state] : (dashboardTitles[error.code ?? ""] ?? titles[error.kind]));
  return (
    <div role="alert" className={cn("rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200", className)}>
      <p className="font-semibold">{headline}</p>
      <p className="mt-1">{error.message}</p>
      {error.raw && (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs font-medium">Details</summary>
          <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-white/60 p-2 font-mono text-xs dark:bg-black/30">{error.raw}</pre>
        </details>
      )}
    </div>
  );
}

export function SuccessCallout({ children }: { children: React.ReactNode }) {
  return (
    <div role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950/50 dark:text-green-200">
      {children}
    </div>
  );
}
