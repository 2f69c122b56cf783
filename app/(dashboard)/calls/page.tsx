import { Link } from "@/components/ui/link";
import { CallFilters } from "@/components/calls/call-filters";
import { CallResultsTable } from "@/components/calls/call-results-table";
import { CallSearchForm } from "@/components/forms";
import { RecentLookups } from "@/components/calls/recent-lookups";
import { ButtonLink, Card, EmptyState, ErrorCallout, flattenSearchParams, PageHeader, withParams } from "@/components/ui";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { offsetFromNow, vicidialZoneLabel } from "@/lib/calls/format";
import { readError } from "@/lib/calls/read-error";
import { callsReader } from "@/lib/calls/reader";
import type { CallPage } from "@/lib/calls/reader/types";
import { DEFAULT_DAYS, parseCallSearch, type ParsedSearch } from "@/lib/calls/search";
import { recentLookups } from "@/lib/calls/recent";
import { apiCapability } from "@/lib/connection/capabilities";

export const metadata = { title: "Call lookup" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function PageLinks({ parsed, page, params }: { parsed: ParsedSearch; page: CallPage; params: Record<string, string | undefined> }) {
  const link = (target: number, label: string, enabled: boolean) =>
    enabled ? (
      <Link href={withParams("/calls", params, { page: target === 1 ? undefined : String(target) })} className="rounded-md px-3 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800">
        {label}
      </Link>
    ) : (
      <span aria-disabled className="rounded-md px-3 py-1.5 text-slate-400">
        {label}
      </span>
    );
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-end gap-1 text-sm text-slate-600 dark:text-slate-400">
      {link(parsed.page - 1, "Previous", parsed.page > 1)}
      <span>Page {parsed.page}</span>
      {link(parsed.page + 1, "Next", page.more)}
    </nav>
  );
}

/** The call ID lookup through the API: all there is without database access, and still there with it. */
async function LookupSection({ userId }: { userId: number }) {
  const [recent, capability] = await Promise.all([recentLookups(userId), apiCapability("calls.lookup")]);
  return (
    <>
      <Card title="Look up a call">
        <CallSearchForm blockedReason={capability.allowed ? undefined : capability.reason} />
      </Card>
      <section aria-labelledby="recent-lookups" className="space-y-3">
        <h2 id="recent-lookups" className="text-lg font-semibold">
          Your recent lookups
        </h2>
        <RecentLookups lookups={recent} />
      </section>
    </>
  );
}

export default async function CallsPage({ searchParams }: Props) {
  const user = await requirePage("/calls");
  const reader = callsReader();
  const actions = (
    <>
      {can(user.role, "calls.flags.view") && reader && (
        <ButtonLink href="/calls/flags" variant="secondary">
          Flagged calls
        </ButtonLink>
      )}
      <ButtonLink href="/calls/batch" variant="secondary">
        Look up many calls
      </ButtonLink>
    </>
  );

  if (!reader) {
    return (
      <>
        <PageHeader
          title="Call lookup"
          description="Find a call by its VICIdial call ID to check it for an audit or a dispute. Each result has its own link to paste into a ticket."
          actions={actions}
        />
        <div className="space-y-6">
          <p role="note" className="rounded-md border border-blue-200 bg-blue-50 p-3 text-sm text-blue-900 dark:border-blue-900 dark:bg-blue-950/40 dark:text-blue-200">
            With read access to VICIdial&apos;s database (<code>VICIDIAL_DB_URL</code>, see the README), this page also finds calls by phone number, date and time, agent,
            campaign or in-group and status, and each call opens with its agent&apos;s and customer&apos;s names, its hangup reason, its recordings to play in the page,
            and a way to flag it for a dispute.
          </p>
          <LookupSection userId={user.id} />
        </div>
      </>
    );
  }

  const params = flattenSearchParams(await searchParams);
  let parsed: ParsedSearch | null = null;
  let found: CallPage | null = null;
  let failure: ReturnType<typeof readError> | null = null;
  let zone = vicidialZoneLabel(null);
  try {
    const now = await reader.serverNow();
    zone = vicidialZoneLabel(offsetFromNow(now));
    parsed = parseCallSearch(params, now);
    if (parsed.search) found = await reader.search(parsed.search);
  } catch (error) {
    failure = readError(error);
  }
  const range = parsed?.search ? { from: parsed.search.from, to: parsed.search.to } : undefined;
  const orderParams = { ...params, page: undefined };

  return (
    <>
      <PageHeader
        title="Call lookup"
        description="Find calls by the customer's number, the time, the agent, the campaign or in-group, the status or the call ID, then open one to hear its recordings."
        actions={actions}
      />
      <div className="space-y-6">
        <Card title="Search calls">
          {parsed ? <CallFilters parsed={parsed} zoneLabel={zone} /> : <p className="text-sm">The search needs VICIdial&apos;s database, which did not answer.</p>}
        </Card>
        {failure && <ErrorCallout error={failure} title="VICIdial's database could not be read" />}
        {parsed && !parsed.search && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Nothing was searched: correct the highlighted fields.
          </p>
        )}
        {found && parsed && (
          <section aria-labelledby="call-results" className="space-y-3">
            <h2 id="call-results" className="text-lg font-semibold">
              {parsed.asked ? "Calls found" : `Calls of the last ${DEFAULT_DAYS} days`}
            </h2>
            {found.rows.length === 0 ? (
              <EmptyState title={parsed.page > 1 ? "No more calls" : "No calls match"}>
                No call in VICIdial&apos;s logs matches this search between the two times. Widen the dates (a search covers up to 92 days), check the number or leave a
                filter out.
              </EmptyState>
            ) : (
              <>
                <CallResultsTable
                  rows={found.rows}
                  range={range}
                  caption="Calls found"
                  timeHeader={
                    <th scope="col" aria-sort={parsed.oldestFirst ? "ascending" : "descending"} className="border-b border-slate-200 px-3 py-2 font-medium text-slate-600 dark:border-slate-800 dark:text-slate-300">
                      <Link href={withParams("/calls", orderParams, { order: parsed.oldestFirst ? undefined : "oldest" })} className="inline-flex items-center gap-1 hover:underline">
                        Time ({zone})
                        <span aria-hidden className="text-xs">
                          {parsed.oldestFirst ? "▲" : "▼"}
                        </span>
                      </Link>
                    </th>
                  }
                />
                <PageLinks parsed={parsed} page={found} params={params} />
              </>
            )}
          </section>
        )}
        <LookupSection userId={user.id} />
      </div>
    </>
  );
}

