import Link from "next/link";
import { JobStatusBadge } from "@/components/jobs/job-status-badge";
import { ButtonLink, Card, EmptyState, Table, Td, Th } from "@/components/ui";
import { Time } from "@/components/ui/time";
import type { Role } from "@/lib/auth/permissions";
import { JOB_KIND_INFO } from "@/lib/jobs/kinds";
import { listJobs } from "@/lib/jobs/queries";
import { ROW_STATE_WORDS } from "@/lib/outcomes";
import { SectionLink } from "./section-link";

/** Running jobs first, then the latest finished ones, each with how its rows turned out. */
export async function JobsCard({ viewer }: { viewer: { username: string; role: Role } }) {
  const [running, recent] = await Promise.all([
    listJobs(viewer, { status: "running", sort: "created", dir: "desc", pageSize: 5 }),
    listJobs(viewer, { sort: "created", dir: "desc", pageSize: 8 }),
  ]);
  const rows = [...running.rows, ...recent.rows.filter((job) => job.status !== "running")].slice(0, 8);
  return (
    <Card title="Bulk jobs" actions={<SectionLink href="/jobs">All jobs</SectionLink>}>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        {running.total === 0 ? "No job is running." : `${running.total} ${running.total === 1 ? "job is" : "jobs are"} running.`}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No jobs yet" action={<ButtonLink href="/jobs/new">Start a bulk job</ButtonLink>}>
          Add many phones, DIDs or CID entries from one CSV file.
        </EmptyState>
      ) : (
        <Table caption="Running and recent bulk jobs">
          <thead>
            <tr>
              <Th>Job</Th>
              <Th>Status</Th>
              <Th>Rows</Th>
              <Th>Started</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((job) => (
              <tr key={job.id}>
                <Td>
                  <Link href={`/jobs/${job.id}`} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
                    {job.title}
                  </Link>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">{JOB_KIND_INFO[job.kind].label}</span>
                </Td>
                <Td>
                  <JobStatusBadge status={job.status} />
                </Td>
                <Td className="whitespace-nowrap text-sm tabular-nums">
                  {job.done} {ROW_STATE_WORDS.done.toLowerCase()} · <span className={job.failed > 0 ? "text-red-700 dark:text-red-400" : ""}>{job.failed} {ROW_STATE_WORDS.failed.toLowerCase()}</span> · {job.total} in all
                </Td>
                <Td className="whitespace-nowrap">
                  <Time value={job.createdAt} relative />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

/** Registration is in VICIdial's database only; said plainly until the dashboard reads it. */
export function UnregisteredPhonesCard() {
  return (
    <Card title="Phones not registered">
      <EmptyState title="Not available yet">
        Whether a phone is registered (its SIP or IAX device has checked in) is kept only in VICIdial&apos;s database, which this dashboard does not read yet. Once it
        does, phones that never registered or stopped registering will be listed here.
      </EmptyState>
    </Card>
  );
}
