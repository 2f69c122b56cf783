"use client";

import { useCallback, useRef, useState } from "react";
import { usePoll } from "@/components/ui/use-poll";
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

  /** Asking again cannot help: the session is over or the job is gone. */
  get final(): boolean {
    return this.status === 401 || this.status === 404;
  }
}

async function getJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store" });
  } catch {
    throw new JobFetchError(0);
  }
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

/**
 * The job page's one live read: progress, counters and the rows on screen come from a single
 * server snapshot, polled while the job runs. Counters and rows therefore never disagree, and the
 * read that says "Completed" is the same read that shows the last rows final. A failed read keeps
 * the last snapshot and says why; polling goes on (through a 503 the job goes on by itself once
 * the database is back) unless the session ended or the job is gone. `readNow` reads at once,
 * after a control was used. Polled with usePoll rather than TanStack Query, which would add
 * 12 KB to the page a user watches while a job runs.
 */
export function useJobSnapshot(initial: JobSnapshot, filter: RowFilter, page: number) {
  const [snapshot, setSnapshot] = useState(initial);
  const [error, setError] = useState<JobFetchError | null>(null);
  // Answers can cross (a poll and a read after a control): only the latest request's counts.
  const sent = useRef(0);
  const id = initial.progress.id;
  const read = useCallback(
    async (live: () => boolean = () => true) => {
      const request = ++sent.current;
      try {
        const next = await getJson<JobSnapshot>(`/api/jobs/${id}?${new URLSearchParams({ state: filter, page: String(page) })}`);
        if (!live() || request !== sent.current) return;
        setSnapshot(next);
        setError(null);
      } catch (failure) {
        if (live() && request === sent.current) setError(failure instanceof JobFetchError ? failure : new JobFetchError(0));
      }
    },
    [id, filter, page],
  );
  const polling = !isFinished(snapshot.progress.status) && !error?.final;
  usePoll(read, polling ? POLL_MS : null);
  return { snapshot, error, readNow: () => read() };
}
