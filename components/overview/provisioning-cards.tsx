import { Link } from "@/components/ui/link";
import { phonePath } from "@/components/phones/labels";
import { SipStatusBadge } from "@/components/phones/sip-status-badge";
import { anySipStatusKnown, listPhones, SIP_FILTER_NOT_REGISTERED } from "@/lib/phones/inventory";
import { JobStatusBadge } from "@/components/jobs/job-status-badge";
import { ButtonLink, Card, EmptyState, Table, Td, Th, totalLabel } from "@/components/ui";
import { Time } from "@/components/ui/time";
import type { Role } from "@/lib/auth/permissions";
import { JOB_KIND_INFO } from "@/lib/jobs/kinds";
import { listJobs } from "@/lib/jobs/queries";
import { ROW_STATE_WORDS } from "@/lib/text/outcome-words";
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

/**
 * Phones VICIdial reports as not registered (its peer_status, read from its database): what IT
 * checks first when an agent cannot log in. Without database reads, said plainly.
 */
export async function UnregisteredPhonesCard() {
  const [notRegistered, anyKnown] = await Promise.all([listPhones({ sip: SIP_FILTER_NOT_REGISTERED, sort: "extension", pageSize: 8 }), anySipStatusKnown()]);
  const href = `/phones?sip=${SIP_FILTER_NOT_REGISTERED}`;
  return (
    <Card title="Phones not registered" actions={anyKnown ? <SectionLink href={href}>{`All ${totalLabel(notRegistered.total)}`}</SectionLink> : undefined}>
      {!anyKnown ? (
        <EmptyState title="Registration not known">
          Whether a phone is registered is kept only in VICIdial&apos;s database. With cluster reads (VICIDIAL_DB_URL) the dashboard reads it, and phones that
          never registered or stopped registering are listed here.
        </EmptyState>
      ) : notRegistered.total.count === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Every phone VICIdial knows the registration of is registered.</p>
      ) : (
        <Table caption="Phones VICIdial reports as not registered">
          <thead>
            <tr>
              <Th>Phone</Th>
              <Th>Login</Th>
              <Th>SIP status</Th>
            </tr>
          </thead>
          <tbody>
            {notRegistered.rows.map((phone) => (
              <tr key={`${phone.serverIp}/${phone.extension}`}>
                <Td>
                  <Link href={phonePath(phone)} className="font-medium text-brand-600 hover:underline dark:text-brand-100">
                    {phone.extension}
                  </Link>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">{phone.serverIp}</span>
                </Td>
                <Td>{phone.login}</Td>
                <Td>
                  <SipStatusBadge peerStatus={phone.peerStatus} pingTime={phone.pingTime} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
