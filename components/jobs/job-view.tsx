"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense } from "react";
import type { SearchParams } from "@/components/ui";
import { isFinished } from "@/lib/jobs/kinds";
import type { JobSnapshot, RowFilter } from "@/lib/jobs/views";
import { JobProgressPanel } from "./job-progress";
import { JobRowsTable } from "./job-rows-table";

export interface JobViewProps {
  snapshot: JobSnapshot;
  filter: RowFilter;
  page: number;
  params: SearchParams;
  isOwner: boolean;
}

/** The poller and TanStack Query, loaded only for a job still under way. */
const JobLiveView = lazy(() => import("./job-live-view").then((m) => ({ default: m.JobLiveView })));

/**
 * A job's page. A finished job no longer moves, so nothing is polled and TanStack Query is not
 * loaded: after a control (the password sheet) the server page is read again. A job under way
 * is polled (job-live-view.tsx); until that code is there the server's snapshot stands.
 */
export function JobView(props: JobViewProps) {
  const router = useRouter();
  const still = <JobPanels {...props} onChanged={() => router.refresh()} />;
  if (isFinished(props.snapshot.progress.status)) return still;
  return (
    <Suspense fallback={still}>
      <JobLiveView {...props} />
    </Suspense>
  );
}

/** Both panels render one snapshot, so they always agree. */
export function JobPanels({ snapshot, filter, params, isOwner, pollError = null, onChanged }: JobViewProps & { pollError?: Error | null; onChanged: () => unknown }) {
  return (
    <div className="space-y-6">
      <JobProgressPanel job={snapshot.progress} pollError={pollError} isOwner={isOwner} onChanged={onChanged} />
      <JobRowsTable job={snapshot.progress} rows={snapshot.rows} filter={filter} params={params} />
    </div>
  );
}
