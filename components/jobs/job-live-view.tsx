"use client";

import { useQueryClient } from "@tanstack/react-query";
import { QueryProvider } from "@/components/ui/query-provider";
import { JobPanels, type JobViewProps } from "./job-view";
import { jobKey, useJobSnapshot } from "./use-job";

/** The page of a job under way: its snapshot polled until the job has finished. */
export function JobLiveView(props: JobViewProps) {
  return (
    <QueryProvider>
      <Polled {...props} />
    </QueryProvider>
  );
}

function Polled({ snapshot: initial, ...props }: JobViewProps) {
  const queryClient = useQueryClient();
  const { data: snapshot, error } = useJobSnapshot(initial, props.filter, props.page);
  return <JobPanels {...props} snapshot={snapshot} pollError={error} onChanged={() => queryClient.invalidateQueries({ queryKey: jobKey(initial.progress.id) })} />;
}
