"use client";

import { useQuery } from "@tanstack/react-query";
import { isFinished } from "@/lib/jobs/kinds";
import type { JobSnapshot, RowFilter } from "@/lib/jobs/views";

/** How often a running job's page asks for news: live enough to watch, cheap for the server. */
export const POLL_MS = 1_000;

export class JobFetchError extends Error {
  constructor(
    readonly status: number,
    said?: string,
  ) {
    super(
      status === 401
        ? "Your session has ended; sign in again."
        : status === 404
          ? "This job no longer exists."
          : status === 503 && said
            ? said
            : "The dashboard could not be reached; retrying.",
    );
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new JobFetchError(response.status, await errorOf(response));
  return (await response.json()) as T;
}

/** The server's own words for a 503 (the database is away), when it sent any. */
async function errorOf(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: unknown };
    return typeof body.error === "string" ? body.error : undefined;
  } catch {
    return undefined;
  }
}

/** Every query of one job starts with this key, so one invalidation refreshes them all. */
export const jobKey = (id: string) => ["job", id] as const;

/**
 * The job page's one live read: progress, counters and the rows on screen come from a single
 * server snapshot, polled while the job runs. Counters and rows therefore never disagree, and the
 * read that says "Completed" is the same read that shows the last rows final.
 */
export function useJobSnapshot(initial: JobSnapshot, filter: RowFilter, page: number) {
  const id = initial.progress.id;
  return useQuery({
    queryKey: [...jobKey(id), filter, page],
    queryFn: () => getJson<JobSnapshot>(`/api/jobs/${id}?${new URLSearchParams({ state: filter, page: String(page) })}`),
    // The server page read this very view (its filter and page come from the URL too).
    initialData: initial,
    staleTime: 0,
    // Kept polling through a 503: the job goes on by itself once the database is back.
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data.progress.status) ? false : POLL_MS),
    retry: (count, error) => !(error instanceof JobFetchError && (error.status === 401 || error.status === 404)) && count < 3,
  });
}
