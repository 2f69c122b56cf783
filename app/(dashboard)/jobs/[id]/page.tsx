import { notFound } from "next/navigation";
import { JobProgressPanel } from "@/components/jobs/job-progress";
import { JobRowsTable } from "@/components/jobs/job-rows-table";
import { JobUndoLinks } from "@/components/jobs/job-undo-links";
import { ButtonLink, flattenSearchParams, PageHeader, pageNumber } from "@/components/ui";
import { requirePermission } from "@/lib/auth/guard";
import { JOB_KIND_INFO } from "@/lib/jobs/kinds";
import { findJobFor, jobProgress } from "@/lib/jobs/queries";
import { isRowFilter } from "@/lib/jobs/views";

export const metadata = { title: "Bulk job" };

export default async function JobPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("jobs.run");
  const job = await findJobFor(user, (await params).id);
  if (!job) notFound();
  const query = flattenSearchParams(await searchParams);
  const progress = await jobProgress(job);
  return (
    <>
      <PageHeader
        title={job.title}
        description={`${JOB_KIND_INFO[job.kind].label}. The job runs on the server: closing this page does not stop it.`}
        actions={
          <ButtonLink href="/jobs" variant="secondary">
            All jobs
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <JobUndoLinks job={job} role={user.role} />
        <JobProgressPanel initial={progress} />
        <JobRowsTable initial={progress} filter={isRowFilter(query.state) ? query.state : "all"} page={pageNumber(query)} params={query} />
      </div>
    </>
  );
}
