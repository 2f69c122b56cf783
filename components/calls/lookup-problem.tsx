import type { ReactNode } from "react";
import { cn } from "@/components/ui";

const tones = {
  neutral: "border-slate-300 bg-slate-50 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100",
  amber: "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100",
};

/**
 * A lookup that found nothing to show: not found, found without a call log, or an ID VICIdial
 * would refuse. These are answers, not breakdowns, so they get their own wording and heading;
 * VICIdial's raw line stays behind "Details".
 */
export function LookupProblem({ title, tone = "neutral", raw, children }: { title: string; tone?: keyof typeof tones; raw?: string; children: ReactNode }) {
  return (
    <section role="alert" aria-label={title} className={cn("rounded-lg border p-4 text-sm", tones[tone])}>
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="mt-2 space-y-2">{children}</div>
      {raw && (
        <details className="mt-3">
          <summary className="cursor-pointer text-xs font-medium">Details</summary>
          <pre className="mt-1 overflow-x-auto whitespace-pre-wrap break-all rounded bg-white/60 p-2 font-mono text-xs dark:bg-black/30">{raw}</pre>
        </details>
      )}
    </section>
  );
}
