import { Link } from "@/components/ui/link";
import { JobStatusBadge } from "@/components/jobs/job-status-badge";
import { ButtonLink, EmptyState, Field, FilterBar, flattenSearchParams, PageHeader, Pagination, SortTh, Table, Td } from "@/components/ui";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { FILE_JOB_KINDS, JOB_KIND_INFO, JOB_KINDS, JOB_STATUS_LABELS, JOB_STATUSES, MAX_JOB_ROWS } from "@/lib/jobs/kinds";
import { canSeeAllJobs, JOB_PAGE_SIZE, listJobs, parseJobListQuery } from "@/lib/jobs/queries";
import { Time } from "@/components/ui/time";
import { ExportLink } from "@/components/ui/export-link";

export const metadata = { title: "Bulk jobs" };

const BASE = "/jobs";

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("/jobs");
  const params = flattenSearchParams(await searchParams);
  const query = parseJobListQuery(params);
  const { rows, total } = await listJobs(user, query);
  const startable = FILE_JOB_KINDS.filter((kind) => can(user.role, JOB_KIND_INFO[kind].permission));
  const sortParams = { ...params, sort: query.sort, dir: query.dir };
  const th = (label: string, column: string) => <SortTh label={label} column={column} params={sortParams} basePath={BASE} />;
  const filtered = Boolean(query.status || query.kind);
  const allJobs = canSeeAllJobs(user);

  return (
    <>
      <PageHeader
        title="Bulk jobs"
        description={`CSV imports of DIDs, CID group entries and agent phones, up to ${MAX_JOB_ROWS.toLocaleString("en-US")} rows per job, with live progress. Jobs keep running when you close the page. ${allJobs ? "As an admin you see everyone's jobs." : "You see the jobs you started."}`}
        actions={
          <>
            <ExportLink href="/jobs/export.csv" params={params} />
            {startable.length > 0 && <ButtonLink href="/jobs/new">New job</ButtonLink>}
          </>
        }
      />
      <FilterBar basePath={BASE} params={sortParams}>
        <Field label="Status">
          {(p) => (
            <select {...p} name="status" defaultValue={query.status ?? ""}>
              <option value="">Any status</option>
              {JOB_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {JOB_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Kind">
          {(p) => (
            <select {...p} name="kind" defaultValue={query.kind ?? ""}>
              <option value="">Any kind</option>
              {JOB_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {JOB_KIND_INFO[kind].label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </FilterBar>
      {rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No job matches these filters">
            <Link href={BASE} className="underline">
              Show every job
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No bulk jobs yet" action={startable.length > 0 ? <ButtonLink href="/jobs/new">New job</ButtonLink> : undefined}>
            Start a job to add many DIDs, CID entries or agent phones from one CSV file. A dry run checks every row before anything is sent.
          </EmptyState>
        )
      ) : (
        <>
          <Table caption="Bulk jobs">
            <thead>
              <tr>
                {th("Job", "title")}
                {th("Kind", "kind")}
                {th("Status", "status")}
                <th scope="col" className="border-b border-slate-200 px-3 py-2 font-medium text-slate-600 dark:border-slate-800 dark:text-slate-300">
                  Results
                </th>
                {allJobs && th("Started by", "owner")}
                {th("Started", "created")}
              </tr>
            </thead>
            <tbody>
              {rows.map((job) => (
                <tr key={job.id}>
                  <Td>
                    <Link href={`/jobs/${job.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-500">
                      {job.title}
                    </Link>
                  </Td>
                  <Td>{JOB_KIND_INFO[job.kind].label}</Td>
                  <Td>
                    <JobStatusBadge status={job.status} />
                  </Td>
                  <Td className="whitespace-nowrap text-sm tabular-nums">
                    {job.done} done · {job.exists} existed · <span className={job.failed > 0 ? "text-red-700 dark:text-red-400" : ""}>{job.failed} failed</span> · {job.skipped} skipped
                    <span className="block text-xs text-slate-500 dark:text-slate-400">of {job.total}</span>
                  </Td>
                  {allJobs && <Td>{job.owner}</Td>}
                  <Td className="whitespace-nowrap">
                    <Time value={job.createdAt} relative />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={query.page ?? 1} pageSize={JOB_PAGE_SIZE} total={total} params={sortParams} basePath={BASE} />
        </>
      )}
    </>
  );
}
