import { Link } from "@/components/ui/link";
import { buttonClass } from "@/components/ui";

/** Rendered with status 403 by `forbidden()` (requirePermission) when a role lacks a page's permission. */
export default function Forbidden() {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-red-700 dark:text-red-400">403</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">You do not have access to this page</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Your role does not include it. If you need it for your work, ask an admin to change your role.
        </p>
        <Link href="/" className={buttonClass("secondary", "md", "mt-6")}>
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
