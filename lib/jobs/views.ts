import type { JobKind, JobStatus, RowState, SheetState } from "./kinds";
import { ROW_STATE_WORDS } from "@/lib/text/outcome-words";

/**
 * What the job pages get from the route handlers (JSON): plain data, no database types, so the
 * browser's polling code and the server agree on one shape.
 */
export interface JobProgress {
  id: string;
  kind: JobKind;
  title: string;
  status: JobStatus;
  pauseReason: string | null;
  owner: string;
  createdAt: string;
  finishedAt: string | null;
  total: number;
  counts: Record<RowState, number>;
  /** Rows not final yet (waiting or being sent). */
  remaining: number;
  /** Rows finished per second over the last half minute of running; null when not running. */
  ratePerSecond: number | null;
  etaSeconds: number | null;
  sheet: SheetState | null;
  sheetDownloadedAt: string | null;
  /** When the kept password sheet is discarded if its owner has not confirmed saving it. */
  sheetExpiresAt: string | null;
}

export interface JobRowView {
  seq: number;
  /** 0: a row of the file; 1: a row the job added (an alias over the phones). */
  phase: number;
  label: string;
  state: RowState;
  message: string | null;
  raw: string | null;
  uncertain: boolean;
  finishedAt: string | null;
}

export interface JobRowPage {
  rows: JobRowView[];
  total: number;
  page: number;
  pageSize: number;
}

/** What the job page polls: progress and the rows on screen, from one database snapshot. */
export interface JobSnapshot {
  progress: JobProgress;
  rows: JobRowPage;
  filter: RowFilter;
}

/** Row filters of the results table; "problems" is failed and skipped together. */
export const ROW_FILTERS = ["all", "failed", "problems", "done", "exists", "skipped", "pending"] as const;
export type RowFilter = (typeof ROW_FILTERS)[number];

export const ROW_FILTER_LABELS: Record<RowFilter, string> = {
  all: "All rows",
  failed: ROW_STATE_WORDS.failed,
  problems: "Failed or skipped",
  done: ROW_STATE_WORDS.done,
  exists: ROW_STATE_WORDS.exists,
  skipped: ROW_STATE_WORDS.skipped,
  pending: "Not sent yet",
};

export function isRowFilter(value: unknown): value is RowFilter {
  return typeof value === "string" && (ROW_FILTERS as readonly string[]).includes(value);
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function formatRate(perSecond: number): string {
  return perSecond >= 1 ? `${perSecond.toFixed(1)} rows/s` : `${(perSecond * 60).toFixed(1)} rows/min`;
}

/** What a job's page says while its database is away (restarted, failing over). */
export const DATABASE_AWAY =
  "The dashboard's database is not answering right now. Nothing is lost: the job waits and goes on by itself once the database is back.";
