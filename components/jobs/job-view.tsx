"use client";

import type { SearchParams } from "@/components/ui";
import type { JobSnapshot, RowFilter } from "@/lib/jobs/views";
import { JobProgressPanel } from "./job-progress";
import { JobRowsTable } from "./job-rows-table";
import { useJobSnapshot } from "./use-job";

export interface JobViewProps {
  snapshot: JobSnapshot;
  filter: RowFilter;
  page: number;
  params: SearchParams;
  isOwner: boolean;
}

/**
 * The live part of a job's page: both panels render the same snapshot, so they always agree.
 * The page keys it by the row view (filter and page), so another view starts from its own
 * server snapshot.
 */
export function JobView({ snapshot: initial, filter, page, params, isOwner }: JobViewProps) {
  const { snapshot, error, readNow } = useJobSnapshot(initial, filter, page);
  return (
    <div className="space-y-6">
      <JobProgressPanel job={snapshot.progress} pollError={error} isOwner={isOwner} onChanged={readNow} />
      <JobRowsTable job={snapshot.progress} rows={snapshot.rows} filter={filter} params={params} />
    </div>
  );
}
