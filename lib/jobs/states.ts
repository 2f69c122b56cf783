/**
 * The values a job's columns may hold: plain lists with no imports, so the database schema
 * (lib/db/schema/jobs.ts, whose check constraints list them) and the browser both read them.
 * Their words and rights are in kinds.ts.
 */
/** Jobs started from a CSV file (the wizard's kinds). */
export const FILE_JOB_KINDS = ["dids", "did-copy", "cid", "agents"] as const;
export type FileJobKind = (typeof FILE_JOB_KINDS)[number];
/** Jobs started from rows selected in a list: activate, deactivate or delete them (lib/jobs/bulk.ts). */
export const BULK_JOB_KINDS = ["did-bulk", "phone-bulk"] as const;
export type BulkJobKind = (typeof BULK_JOB_KINDS)[number];
/** Every kind: the file kinds, the list kinds and "undo" (undoes another job's successful rows, lib/undo/job.ts). */
export const JOB_KINDS = [...FILE_JOB_KINDS, ...BULK_JOB_KINDS, "undo"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ["running", "paused", "cancelled", "completed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const ROW_STATES = ["pending", "running", "done", "exists", "failed", "skipped"] as const;
export type RowState = (typeof ROW_STATES)[number];
export const FINAL_ROW_STATES = ["done", "exists", "failed", "skipped"] as const satisfies readonly RowState[];
export type FinalRowState = (typeof FINAL_ROW_STATES)[number];

/**
 * The password sheet of an agent-provisioning job: kept (re-downloadable) until its creator
 * confirms it was saved ("saved") or it expires. "downloaded" is the state of sheets from before
 * re-downloads existed, deleted on their one download.
 */
export const SHEET_STATES = ["kept", "saved", "downloaded", "expired"] as const;
export type SheetState = (typeof SHEET_STATES)[number];
