"use client";

import type { SearchParams } from "@/components/ui";
import type { JobSnapshot, RowFilter } from "@/lib/jobs/views";
import { JobProgressPanel } from "./job-progress";
import { JobRowsTable } from "./job-rows-table";
import { useJobSnapshot } from "./use-job";

/** The live part of a job's page: both panels render the same snapshot, so they always agree. */
export function JobLiveView({ initial, filter, page, params, isOwner }: { initial: JobSnapshot; filter: RowFilter; page: number; params: SearchParams; isOwner: boolean }) {
  const { data: snapshot, error } = useJobSnapshot(initial, filter, page);
  return (
    <div className="space-y-6">
      <JobProgressPanel job={snapshot.progress} pollError={error} isOwner={isOwner} />
      <JobRowsTable job={snapshot.progress} rows={snapshot.rows} filter={filter} params={params} />
    </div>
  );
}
