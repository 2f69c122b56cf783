import type { Permission } from "@/lib/auth/permissions";
import { ROW_STATE_WORDS } from "@/lib/outcomes";

/**
 * The kinds of bulk job and the words and rights that go with each. Plain data: the pages, the
 * actions and the runner all read it, in the browser as on the server.
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

/** VICIdial's own bulk tools stop at 5,000 rows too; a bigger file is split into several jobs. */
export const MAX_JOB_ROWS = 5000;

export interface JobKindInfo {
  label: string;
  /** What one row of the file becomes. */
  rowNoun: string;
  rowNouns: string;
  /** Starting a job of this kind needs this permission. */
  permission: Permission;
  description: string;
}

export const JOB_KIND_INFO: Record<JobKind, JobKindInfo> = {
  dids: {
    label: "DIDs from CSV",
    rowNoun: "DID",
    rowNouns: "DIDs",
    permission: "dids.write",
    description: "One new DID per row, with its route and settings from the columns.",
  },
  "did-copy": {
    label: "Copy a DID to many numbers",
    rowNoun: "DID",
    rowNouns: "DIDs",
    permission: "dids.write",
    description: "New DIDs that take every setting of one existing DID; one new number per row.",
  },
  cid: {
    label: "CID group entries",
    rowNoun: "CID entry",
    rowNouns: "CID entries",
    permission: "cid.write",
    description: "Area code caller IDs for one CID group, in VICIdial's areacode,outbound_cid,description,active layout.",
  },
  agents: {
    label: "Agent phones",
    rowNoun: "phone",
    rowNouns: "phones",
    permission: "phones.write",
    description: "One phone per agent on a chosen server, with generated passwords and optional aliases.",
  },
  "did-bulk": {
    label: "Change of selected DIDs",
    rowNoun: "DID",
    rowNouns: "DIDs",
    // Deleting needs dids.delete as well; the list's action checks it (lib/jobs/bulk.ts).
    permission: "dids.write",
    description: "Activates, deactivates or deletes the DIDs selected in the list, one request each.",
  },
  "phone-bulk": {
    label: "Change of selected phones",
    rowNoun: "phone",
    rowNouns: "phones",
    permission: "phones.write",
    description: "Activates, deactivates or deletes the phones selected in the list, one request each.",
  },
  undo: {
    label: "Undo of a job",
    rowNoun: "change",
    rowNouns: "changes",
    // Started from the job it undoes, with that job's undo right (lib/undo/job.ts); never from a file.
    permission: "jobs.run",
    description: "Undoes each successful row of an earlier job, skipping rows changed since.",
  },
};

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  running: "Running",
  paused: "Paused",
  cancelled: "Cancelled",
  completed: "Completed",
};

export const ROW_STATE_LABELS: Record<RowState, string> = ROW_STATE_WORDS;

export function isJobKind(value: unknown): value is JobKind {
  return typeof value === "string" && (JOB_KINDS as readonly string[]).includes(value);
}

export function isFileJobKind(value: unknown): value is FileJobKind {
  return typeof value === "string" && (FILE_JOB_KINDS as readonly string[]).includes(value);
}

export function isFinished(status: JobStatus): boolean {
  return status === "cancelled" || status === "completed";
}
