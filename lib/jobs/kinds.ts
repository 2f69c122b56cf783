import type { Permission } from "@/lib/auth/permissions";
import { ROW_STATE_WORDS } from "@/lib/text/outcome-words";
import { FILE_JOB_KINDS, JOB_KINDS, type FileJobKind, type JobKind, type JobStatus, type RowState } from "./states";

/**
 * The kinds of bulk job and the words and rights that go with each. Plain data: the pages, the
 * actions and the runner all read it, in the browser as on the server.
 */
export { FILE_JOB_KINDS, BULK_JOB_KINDS, JOB_KINDS, JOB_STATUSES, ROW_STATES, FINAL_ROW_STATES, SHEET_STATES } from "./states";
export type { FileJobKind, BulkJobKind, JobKind, JobStatus, RowState, FinalRowState, SheetState } from "./states";

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
