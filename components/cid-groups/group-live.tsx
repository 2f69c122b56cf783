"use client";

import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import { QueryProvider } from "@/components/ui/query-provider";
import type { ActionError } from "@/lib/actions/result";
import type { EntryViewFilter } from "@/lib/cid-groups/entry-filter";
import { EntriesView } from "./entries-view";
import type { ChangeRights } from "./entry-row";
import { RecentChanges } from "./recent-changes";

export interface CidGroupLiveProps {
  groupId: string;
  /** The server's reads (entries, recent changes), handed to the browser's query cache. */
  reads: DehydratedState;
  initialError?: ActionError;
  filter: EntryViewFilter;
  rights: ChangeRights;
}

/** The live part of a CID group's page: its entries and their controls, and its recent changes. */
export function CidGroupLive({ groupId, reads, initialError, filter, rights }: CidGroupLiveProps) {
  return (
    <QueryProvider>
      <HydrationBoundary state={reads}>
        <EntriesView groupId={groupId} initialError={initialError} filter={filter} rights={rights} />
        <RecentChanges groupId={groupId} />
      </HydrationBoundary>
    </QueryProvider>
  );
}
