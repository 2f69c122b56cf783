"use client";

import { countOf } from "@/lib/text/plural";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorCallout } from "@/components/ui/error-callout";
import { ExportLink } from "@/components/ui/export-link";
import { Field } from "@/components/ui/field";
import { FilterBar } from "@/components/ui/filter-bar";
import { Card, EmptyState, Skeleton } from "@/components/ui/layout";
import type { ActionError } from "@/lib/actions/result";
import { matchesEntryViewFilter, type EntryViewFilter } from "@/lib/cid-groups/entry-filter";
import { AddEntryForm } from "./add-entry-form";
import { AreaCodeSection } from "./area-code-section";
import type { ChangeRights } from "./entry-row";
import { fetchEntries } from "./fetch-entries";
import { entriesKey } from "./keys";
import type { CidEntry } from "./types";
import { actionErrorOf } from "./use-cid-change";
import { WipeGroupButton } from "./wipe-group-button";


/** Area codes in VICIdial's order (INFO sorts by area code, then CID), each with its entries. */
function byAreacode(entries: readonly CidEntry[]): Map<string, CidEntry[]> {
  const groups = new Map<string, CidEntry[]>();
  for (const entry of entries) {
    const list = groups.get(entry.areacode);
    if (list) list.push(entry);
    else groups.set(entry.areacode, [entry]);
  }
  return groups;
}


/**
 * The live entries of one group. The server page reads them on every open and hands them over
 * through a HydrationBoundary; after that TanStack Query reads them again after every change
 * (invalidation), never in the background. When the page's read failed, nothing is retried
 * behind the user's back: the error stays, with a button to read again.
 */
export function EntriesView({
  groupId,
  initialError,
  filter,
  rights,
}: {
  groupId: string;
  /** Why the page's own read failed; the entries then come only from "Read the entries again". */
  initialError?: ActionError;
  filter: EntryViewFilter;
  rights: ChangeRights;
}) {
  const [retried, setRetried] = useState(false);
  const query = useQuery({
    queryKey: entriesKey(groupId),
    queryFn: () => fetchEntries(groupId),
    enabled: !initialError || retried,
    staleTime: Infinity,
    // The server already repeats a read once when VICIdial was unreachable.
    retry: false,
  });
  const showInitialError = !!initialError && !retried;
  const error = showInitialError ? initialError : actionErrorOf(query.error);
  const readAgain = () => {
    setRetried(true);
    void query.refetch();
  };

  if (!query.data || showInitialError) {
    if (query.isFetching && !showInitialError) return <EntriesSkeleton />;
    return (
      <div className="space-y-3">
        {error && <ErrorCallout error={error} />}
        <Button variant="secondary" onClick={readAgain}>
          Read the entries again
        </Button>
      </div>
    );
  }

  const entries = query.data;
  const groups = byAreacode(entries);
  const shown = entries.filter((e) => matchesEntryViewFilter(e, filter));
  const shownGroups = byAreacode(shown);
  const addForm = rights.canWrite && (
    <Card title="Add an entry">
      <AddEntryForm groupId={groupId} disabledReason={rights.disabledReason} />
    </Card>
  );

  return (
    <div className="space-y-6">
      {rights.canWrite && rights.disabledReason && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200">
          Changes are unavailable: {rights.disabledReason}
        </p>
      )}
      {query.isError && (
        <div className="space-y-2">
          {error && <ErrorCallout error={error} />}
          <Button variant="secondary" size="sm" onClick={readAgain}>
            Read the entries again
          </Button>
        </div>
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {countOf(entries.length, "entry")} in {countOf(groups.size, "area code")}, live from VICIdial
        {query.isFetching && " · reading again…"}
      </p>

      {entries.length === 0 ? (
        <>
          <EmptyState title="This CID group has no entries">
            {rights.canWrite
              ? "Add the first entry below: an area code or state and the caller ID number to show for it."
              : "A supervisor or admin can add entries."}
          </EmptyState>
          {addForm}
        </>
      ) : (
        <>
          {addForm}
          <FilterBar basePath={`/cid-groups/${encodeURIComponent(groupId)}`} params={{}}>
            <Field label="Show area code or state">
              {(p) => (
                <select {...p} name="areacode" defaultValue={filter.areacode ?? ""}>
                  <option value="">All</option>
                  {[...groups.keys()].map((code) => (
                    <option key={code} value={code}>
                      {code}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Search number">{(p) => <input {...p} name="q" type="search" inputMode="numeric" defaultValue={filter.q ?? ""} />}</Field>
          </FilterBar>
          <div className="flex justify-end">
            <ExportLink href={`/cid-groups/${encodeURIComponent(groupId)}/export.csv`} params={{ areacode: filter.areacode, q: filter.q }} label="Export entries (CSV)" />
          </div>
          {shown.length === 0 ? (
            <EmptyState title="No entry matches this filter">
              <Link href={`/cid-groups/${encodeURIComponent(groupId)}`} className="underline">
                Show every entry
              </Link>
            </EmptyState>
          ) : (
            [...shownGroups].map(([areacode, visible]) => (
              <AreaCodeSection key={areacode} groupId={groupId} areacode={areacode} entries={groups.get(areacode) ?? visible} visible={visible} rights={rights} />
            ))
          )}
          {rights.canWrite && (
            <Card title="Empty the whole group">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Deletes every entry of {groupId} in VICIdial at once. You will be asked to type the group ID.
                </p>
                <WipeGroupButton groupId={groupId} entryCount={entries.length} disabledReason={rights.disabledReason} />
              </div>
            </Card>
          )}
        </>
      )}
    </div>
  );
}

function EntriesSkeleton() {
  return (
    <div role="status" aria-label="Reading the entries from VICIdial" className="space-y-2">
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}
