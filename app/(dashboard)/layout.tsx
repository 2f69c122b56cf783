import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { ConnectionStatus } from "@/components/shell/connection-status";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireUserForRequestedPage } from "@/lib/auth/guard";
import { navFor } from "@/lib/auth/navigation";
import { TimeZoneProvider } from "@/components/ui/time";
import { viewerClock } from "@/lib/time/viewer-zone";

// Every page here depends on who is signed in and carries a per-request CSP nonce.
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUserForRequestedPage();
  const clock = await viewerClock();
  return (
    <TimeZoneProvider zone={clock.zone} renderedAt={clock.renderedAt}>
      <div className="flex min-h-screen flex-col md:flex-row">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <aside className="border-b border-slate-200 bg-slate-100 md:sticky md:top-0 md:h-screen md:w-56 md:shrink-0 md:border-b-0 md:border-r dark:border-slate-800 dark:bg-slate-900">
          <div className="px-4 py-4">
            <Link href="/" className="text-base font-semibold tracking-tight">
              VICIdial Admin
            </Link>
          </div>
          <nav aria-label="Main" className="px-2 pb-4">
            <NavLinks items={navFor(user.role)} />
          </nav>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2 md:px-6 dark:border-slate-800 dark:bg-slate-900">
            <ConnectionStatus />
            <div className="flex items-center gap-3 text-sm">
              <Link href="/account" className="text-right hover:underline">
                <span className="block font-medium" data-testid="current-user">
                  {user.displayName}
                </span>
                <span className="block text-xs text-slate-500 dark:text-slate-400">
                  {user.username} · {ROLE_LABELS[user.role]}
                </span>
              </Link>
              <SignOutButton />
            </div>
          </header>
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 md:px-6">
            {children}
          </main>
        </div>
      </div>
    </TimeZoneProvider>
  );
}
