import "server-only";
import { getDb } from "@/lib/db";
import { generatePassword } from "@/lib/passwords/generate";
import type { FileJobKind } from "./kinds";
import { describeErrors } from "./prepare/columns";
import { dryRun, JOB_SPECS, type DryRun, type DryRunInput, type KindSpec } from "./prepare";
import { kickJobRunner } from "./runner/process-runner";
import { sealSecret } from "./secrets";
import { createJob, type NewJobRow } from "./store";

export interface JobOwner {
  id: number | null;
  username: string;
  role: string;
}

export type CreateResult = { ok: true; jobId: string; title: string; dryRun: DryRun } | { ok: false; dryRun: DryRun };

/**
 * Builds a job from the file exactly as the dry run saw it (run again here: the browser's check
 * is a convenience, this one decides). Refused rows are stored as skipped with their errors so
 * the results cover the whole file; agent phones get their passwords now, sealed.
 */
export async function createJobFromFile(kind: FileJobKind, input: DryRunInput, owner: JobOwner): Promise<CreateResult> {
  const checked = dryRun(kind, input);
  if (!checked.ready) return { ok: false, dryRun: checked };
  const spec = JOB_SPECS[kind] as KindSpec<unknown>;
  const rows: NewJobRow[] = checked.rows.map((row) => {
    if (row.errors.length > 0) return { seq: row.seq, label: row.label, input: row.input, skipped: `Not sent: ${describeErrors(row.errors, spec.columns)}` };
    const secret =
      kind === "agents" && row.input.kind === "phone" ? sealSecret({ phonePass: generatePassword(), registrationPassword: generatePassword() }) : undefined;
    return { seq: row.seq, label: row.label, input: row.input, phase: row.phase, weight: row.weight, secret };
  });
  const title = spec.title(input.options, checked.valid);
  const jobId = await createJob(await getDb(), {
    kind,
    title,
    options: input.options as Record<string, unknown>,
    owner,
    rows,
    withSheet: kind === "agents",
  });
  kickJobRunner();
  return { ok: true, jobId, title, dryRun: checked };
}
