import { Link } from "@/components/ui/link";
import { Card, PageHeader } from "@/components/ui";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { FILE_JOB_KINDS, JOB_KIND_INFO, MAX_JOB_ROWS } from "@/lib/jobs/kinds";

export const metadata = { title: "New bulk job" };

export default async function NewJobPage() {
  const user = await requirePage("/jobs/new");
  const kinds = FILE_JOB_KINDS.filter((kind) => can(user.role, JOB_KIND_INFO[kind].permission));
  return (
    <>
      <PageHeader title="New bulk job" description={`What should the file add? Up to ${MAX_JOB_ROWS.toLocaleString("en-US")} rows per job.`} />
      {kinds.length === 0 ? (
        <Card>
          <p className="text-sm">Your role may not change DIDs, CID groups or phones, so it cannot start a bulk job.</p>
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {kinds.map((kind) => (
            <li key={kind}>
              <Link
                href={`/jobs/new/${kind}`}
                className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-visible:border-brand-600 dark:border-slate-800 dark:bg-slate-900"
              >
                <span className="block text-base font-semibold">{JOB_KIND_INFO[kind].label}</span>
                <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{JOB_KIND_INFO[kind].description}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
