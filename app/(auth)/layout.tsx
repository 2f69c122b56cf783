import type { ReactNode } from "react";

// The sign-in page carries a per-request CSP nonce, so it is rendered per request.
export const dynamic = "force-dynamic";

/** Pages outside the dashboard shell: one card in the middle of the screen. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">{children}</div>
    </main>
  );
}
