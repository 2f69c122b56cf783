"use client";

import { useQuery } from "@tanstack/react-query";
import { isFinished } from "@/lib/jobs/kinds";
import type { JobProgress, JobRowPage, RowFilter } from "@/lib/jobs/views";

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

export const jobKey = (id: string) => ["job", id] as const;

/** The job's progress, polled while it runs; every component of the page shares this one query. */
export function useJobProgress(initial: JobProgress) {
  return useQuery({
    queryKey: jobKey(initial.id),
    queryFn: () => getJson<JobProgress>(`/api/jobs/${initial.id}`),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data.status) ? false : POLL_MS),
    // Kept polling through a 503: the job goes on by itself once the database is back.
    retry: (count, error) => !(error instanceof JobFetchError && (error.status === 401 || error.status === 404)) && count < 3,
  });
}

export function useJobRows(id: string, filter: RowFilter, page: number, live: boolean) {
  return useQuery({
    queryKey: ["job", id, "rows", filter, page],
    queryFn: () => getJson<JobRowPage>(`/api/jobs/${id}/rows?${new URLSearchParams({ state: filter, page: String(page) })}`),
    refetchInterval: live ? POLL_MS * 2 : false,
    placeholderData: (previous) => previous,
  });
}
