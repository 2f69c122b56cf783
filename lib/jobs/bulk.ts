import "server-only";
import { getDb } from "@/lib/db";
import { countOf } from "@/lib/text/plural";
import type { BulkJobKind } from "./kinds";
import { JOB_KIND_INFO } from "./kinds";
import { kickJobRunner } from "./runner/process-runner";
import { createJob, type NewJobRow } from "./store";
import type { JobOwner } from "./create";
import { BULK_ACTION_WORDS, type BulkAction } from "./bulk-actions";

/** One selected DID or phone and what to do with it: a bulk job row's input. */
export type BulkRowInput =
  | { action: BulkAction; resource: "did"; didPattern: string }
  | { action: BulkAction; resource: "phone"; serverIp: string; extension: string };


/** Row label as the job page and the results file show it. */
export function bulkRowLabel(input: BulkRowInput): string {
  return input.resource === "did" ? input.didPattern : `${input.extension} on ${input.serverIp}`;
}

/** "Deactivate 12 DIDs": the job's title. */
export function bulkJobTitle(kind: BulkJobKind, action: BulkAction, count: number): string {
  const info = JOB_KIND_INFO[kind];
  return `${BULK_ACTION_WORDS[action].verb} ${countOf(count, info.rowNoun, info.rowNouns)}`;
}

/** A job of one row per selected record; the runner sends them as it sends any job's rows. */
export async function createBulkJob(kind: BulkJobKind, action: BulkAction, inputs: readonly BulkRowInput[], owner: JobOwner): Promise<{ jobId: string; title: string }> {
  const rows: NewJobRow[] = inputs.map((input, i) => ({ seq: i + 1, label: bulkRowLabel(input), input: { ...input } }));
  const title = bulkJobTitle(kind, action, rows.length);
  const jobId = await createJob(await getDb(), { kind, title, options: { action }, owner, rows });
  kickJobRunner();
  return { jobId, title };
}
