import { notFound } from "next/navigation";
import { JobView } from "@/components/jobs/job-view";
import { JobUndoLinks } from "@/components/jobs/job-undo-links";
import { ButtonLink, flattenSearchParams, PageHeader, pageNumber } from "@/components/ui";
import { requirePage } from "@/lib/auth/guard";
import { JOB_KIND_INFO } from "@/lib/jobs/kinds";
import { findJobFor, jobSnapshot } from "@/lib/jobs/queries";
import { isRowFilter } from "@/lib/jobs/views";

export const metadata = { title: "Bulk job" };

export default async function JobPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePage("/jobs/[id]");
  const job = await findJobFor(user, (await params).id);
  if (!job) notFound();
  const query = flattenSearchParams(await searchParams);
  const filter = isRowFilter(query.state) ? query.state : "all";
  const page = pageNumber(query);
  const snapshot = await jobSnapshot(job.id, { filter, page });
  if (!snapshot) notFound();
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
        <JobView key={`${filter}:${page}`} snapshot={snapshot} filter={filter} page={page} params={query} isOwner={job.ownerUsername === user.username} />
      </div>
    </>
  );
}
