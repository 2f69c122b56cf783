import { Link } from "@/components/ui/link";
import { callCardPath } from "@/components/calls/paths";
import { ResolveFlagButton } from "@/components/calls/resolve-flag-button";
import { Badge, EmptyState, ExportLink, Field, FilterBar, flattenSearchParams, PageHeader, pageNumber, Pagination, Table, Td, Th } from "@/components/ui";
import { Time } from "@/components/ui/time";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { FLAG_REASON_LABELS, flagFiltersSchema } from "@/lib/calls/flag-schema";
import { listFlags } from "@/lib/calls/flags";
import { formatPhone } from "@/lib/calls/format";
import { FLAG_REASONS } from "@/lib/db/schema/call-flags";
import { formatVicidialTime } from "@/lib/time/format";

export const metadata = { title: "Flagged calls" };

const BASE = "/calls/flags";
const PAGE_SIZE = 25;

export default async function FlaggedCallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("/calls/flags");
  const params = flattenSearchParams(await searchParams);
  const filters = flagFiltersSchema.parse(params);
  const page = pageNumber(params);
  const { rows, total } = await listFlags(filters, page, PAGE_SIZE);
  const filtered = Object.values(filters).some(Boolean);
  const mayResolve = can(user.role, "calls.flag");
  return (
    <>
      <PageHeader
        title="Flagged calls"
        description="Calls QA and supervisors flagged for a dispute or a review, newest first. Open one to hear its recordings; the export holds each call's details and the dashboard's links to its recordings."
        actions={<ExportLink href={`${BASE}/export.csv`} params={params} />}
      />
      <FilterBar basePath={BASE} params={{}}>
        <Field label="Reason">
          {(p) => (
            <select {...p} name="reason" defaultValue={filters.reason ?? ""}>
              <option value="">Any reason</option>
              {FLAG_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {FLAG_REASON_LABELS[reason]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="State">
          {(p) => (
            <select {...p} name="state" defaultValue={filters.state ?? ""}>
              <option value="">Open or resolved</option>
              <option value="open">Open</option>
              <option value="resolved">Resolved</option>
            </select>
          )}
        </Field>
        <Field label="Agent">{(p) => <input {...p} name="agent" defaultValue={filters.agent ?? ""} autoComplete="off" />}</Field>
        <Field label="Flagged by">{(p) => <input {...p} name="flaggedBy" defaultValue={filters.flaggedBy ?? ""} autoComplete="off" />}</Field>
        <Field label="Phone number or call ID">{(p) => <input {...p} name="q" defaultValue={filters.q ?? ""} autoComplete="off" />}</Field>
      </FilterBar>
      {rows.length === 0 ? (
        <EmptyState title={filtered ? "No flag matches these filters" : "No flagged calls yet"}>
          {filtered ? (
            <Link href={BASE} className="underline">
              Show every flag
            </Link>
          ) : (
            "Open a call from the call search and flag it with a reason and notes; it then shows here."
          )}
        </EmptyState>
      ) : (
        <>
          <Table caption="Flagged calls">
            <thead>
              <tr>
                <Th>Flagged</Th>
                <Th>Call (VICIdial server time)</Th>
                <Th>Phone number</Th>
                <Th>Agent</Th>
                <Th>Campaign or in-group</Th>
                <Th>Reason</Th>
                <Th>Notes</Th>
                <Th>State</Th>
                {mayResolve && (
                  <Th>
                    <span className="sr-only">Resolve</span>
                  </Th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((flag) => (
                <tr key={flag.id}>
                  <Td className="whitespace-nowrap">
                    <Time value={flag.createdAt} relative />
                    <span className="block text-xs text-slate-500">by {flag.flaggedByName}</span>
                  </Td>
                  <Td className="whitespace-nowrap">
                    <Link href={callCardPath(flag.direction, flag.callKey)} className="text-brand-700 hover:underline dark:text-brand-100">
                      {formatVicidialTime(flag.callDate)}
                    </Link>
                    <span className="block text-xs text-slate-500">{flag.direction === "inbound" ? "Inbound" : "Outbound"}</span>
                  </Td>
                  <Td className="whitespace-nowrap font-mono">{formatPhone(flag.phoneNumber)}</Td>
                  <Td>{flag.agent || "—"}</Td>
                  <Td>{flag.campaignId || "—"}</Td>
                  <Td>{FLAG_REASON_LABELS[flag.reason] ?? flag.reason}</Td>
                  <Td className="max-w-xs whitespace-pre-wrap break-words">{flag.notes || "—"}</Td>
                  <Td>{flag.state === "open" ? <Badge tone="amber">Open</Badge> : <Badge tone="green">Resolved</Badge>}</Td>
                  {mayResolve && <Td>{flag.state === "open" && <ResolveFlagButton flagId={flag.id} label={`Resolve the flag of ${formatVicidialTime(flag.callDate)}`} />}</Td>}
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={page} pageSize={PAGE_SIZE} total={total} params={params} basePath={BASE} />
        </>
      )}
    </>
  );
}
