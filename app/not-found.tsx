import { Link } from "@/components/ui/link";
import { buttonClass } from "@/components/ui";

/** An address outside the dashboard's pages (the signed-in ones have their own, in the shell). */
export default function NotFound() {
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-slate-500 dark:text-slate-400">404</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Page not found</h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">The dashboard has no page at this address. The link may be old or mistyped.</p>
        <Link href="/" className={buttonClass("secondary", "md", "mt-6")}>
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
