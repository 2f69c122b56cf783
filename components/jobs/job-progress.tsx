"use client";

import { useState, type ReactNode } from "react";
import { useAction } from "@/components/ui/use-action";
import { cancelJobAction, confirmSheetSavedAction, downloadSheetAction, pauseJobAction, resumeJobAction } from "@/app/(dashboard)/jobs/actions";
import { downloadText } from "@/components/calls/download";
import { Button, buttonClass, Card, ErrorCallout } from "@/components/ui";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ActionResult } from "@/lib/actions/result";
import { isFinished, JOB_KIND_INFO } from "@/lib/jobs/kinds";
import { formatDuration, formatRate, type JobProgress } from "@/lib/jobs/views";
import { JobStatusBadge } from "./job-status-badge";
import { countOf } from "@/lib/text/plural";
import { Time } from "@/components/ui/time";

type Control = "pause" | "resume" | "cancel" | "sheet" | "saved";
const CONTROLS = { pause: pauseJobAction, resume: resumeJobAction, cancel: cancelJobAction, saved: confirmSheetSavedAction };

/** The owner's controls as one action; the sheet is saved in the browser as it arrives. */
async function controlJob(_prev: unknown, { control, jobId }: { control: Control; jobId: string }): Promise<ActionResult<unknown>> {
  if (control !== "sheet") return CONTROLS[control](undefined, { jobId });
  const result = await downloadSheetAction(undefined, { jobId });
  if (result.ok) downloadText(result.data.filename, "text/csv", result.data.csv);
  return result;
}

function Stat({ label, value, tone }: { label: string; value: ReactNode; tone?: string }) {
  return (
    <div className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-800">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className={`mt-0.5 text-xl font-semibold tabular-nums ${tone ?? ""}`}>{value}</dd>
    </div>
  );
}

/**
 * The live state of one job: progress, counts, rate and time left, and what its owner can do with
 * it. `onChanged` reads the job again after a control was used.
 */
export function JobProgressPanel({ job, pollError, isOwner, onChanged }: { job: JobProgress; pollError: Error | null; isOwner: boolean; onChanged: () => unknown }) {
  const [busy, setBusy] = useState<string | null>(null);
  const { run: send, error } = useAction(controlJob);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const info = JOB_KIND_INFO[job.kind];
  const finished = isFinished(job.status);
  const final = job.counts.done + job.counts.exists + job.counts.failed + job.counts.skipped;

  async function run(control: Control) {
    setBusy(control);
    try {
      await send({ control, jobId: job.id });
    } finally {
      setBusy(null);
      await onChanged();
    }
  }

  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          Progress <JobStatusBadge status={job.status} />
        </span>
      }
    >
      <div className="space-y-4">
        {pollError && (
          <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
            {pollError.message}
          </p>
        )}
        {job.status === "paused" && job.pauseReason && (
          <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
            <p className="font-semibold">Paused</p>
            <p className="mt-1">{job.pauseReason}</p>
          </div>
        )}
        {error && <ErrorCallout error={error} />}

        <ProgressBar label={`${info.rowNouns} processed`} value={final} max={job.total} />
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Stat label="Done" value={job.counts.done} tone="text-green-700 dark:text-green-400" />
          <Stat label="Already existed" value={job.counts.exists} tone="text-blue-700 dark:text-blue-400" />
          <Stat label="Failed" value={job.counts.failed} tone={job.counts.failed > 0 ? "text-red-700 dark:text-red-400" : undefined} />
          <Stat label="Skipped" value={job.counts.skipped} />
          <Stat label="Remaining" value={job.remaining} />
          <Stat
            label={finished ? "Finished" : "Time left"}
            value={
              finished
                ? job.finishedAt
                  ? <Time value={job.finishedAt} timeOnly />
                  : "—"
                : job.etaSeconds !== null
                  ? `about ${formatDuration(job.etaSeconds)}`
                  : job.status === "paused"
                    ? "paused"
                    : "estimating…"
            }
          />
        </dl>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {job.ratePerSecond !== null ? `Rate: ${formatRate(job.ratePerSecond)}. ` : ""}
          Started by {job.owner} on <Time value={job.createdAt} />.
        </p>

        <div className="flex flex-wrap items-center gap-2">
          {job.status === "running" && (
            <Button variant="secondary" loading={busy === "pause"} onClick={() => run("pause")}>
              Pause
            </Button>
          )}
          {job.status === "paused" && (
            <Button loading={busy === "resume"} onClick={() => run("resume")}>
              Resume
            </Button>
          )}
          {!finished && (
            <Button variant="danger" disabled={busy !== null} onClick={() => setConfirmCancel(true)}>
              Cancel job
            </Button>
          )}
          <a href={`/api/jobs/${job.id}/results`} download className={buttonClass("secondary")}>
            Download results (CSV)
          </a>
        </div>

        {job.kind === "agents" && (
          <SheetPanel
            job={job}
            isOwner={isOwner}
            busy={busy}
            onDownload={() => run("sheet")}
            onConfirmSaved={() => run("saved")}
          />
        )}
      </div>
      <ConfirmDialog
        open={confirmCancel}
        title="Cancel this job?"
        confirmLabel="Cancel job"
        busy={busy === "cancel"}
        onCancel={() => setConfirmCancel(false)}
        onConfirm={() => run("cancel").then(() => setConfirmCancel(false))}
      >
        <p>
          {countOf(job.remaining, info.rowNoun, info.rowNouns)} not sent yet will be skipped. What VICIdial already did stays done;
          rows being sent right now finish.
        </p>
      </ConfirmDialog>
    </Card>
  );
}

function SheetPanel({
  job,
  isOwner,
  busy,
  onDownload,
  onConfirmSaved,
}: {
  job: JobProgress;
  isOwner: boolean;
  busy: string | null;
  onDownload: () => void;
  onConfirmSaved: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  if (job.sheet === "saved" || job.sheet === "downloaded") {
    return <p className="text-sm text-slate-600 dark:text-slate-400">The password sheet was saved; its passwords are no longer kept.</p>;
  }
  if (job.sheet === "expired") {
    return <p className="text-sm text-slate-600 dark:text-slate-400">The password sheet was discarded when its keeping time ran out; its passwords are no longer kept.</p>;
  }
  if (!isOwner) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">The password sheet can be downloaded only by {job.owner}, who started the job.</p>;
  }
  const ready = isFinished(job.status);
  const expires = job.sheetExpiresAt ? new Date(job.sheetExpiresAt) : null;
  return (
    <section aria-label="Password sheet" className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
      <p className="font-medium">Password sheet</p>
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        {ready
          ? "Download the generated phone passwords and keep the file safe; you can download it again until you confirm it was saved."
          : "The generated phone passwords can be downloaded when the job has finished."}
      </p>
      {ready && expires && (
        <p className="mt-1" data-testid="sheet-expiry">
          Kept until <Time value={expires} />, then discarded
          {job.sheetDownloadedAt ? (
            <>
              ; last downloaded <Time value={job.sheetDownloadedAt} />
            </>
          ) : (
            "; not downloaded yet"
          )}
          .
        </p>
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <Button loading={busy === "sheet"} disabled={!ready || busy !== null} onClick={onDownload}>
          {job.sheetDownloadedAt ? "Download password sheet again" : "Download password sheet"}
        </Button>
        {ready && (
          <Button variant="secondary" disabled={busy !== null} onClick={() => setConfirming(true)}>
            I have saved the sheet
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title="Discard the passwords?"
        confirmLabel="Discard the passwords"
        busy={busy === "saved"}
        onCancel={() => setConfirming(false)}
        onConfirm={() => onConfirmSaved().then(() => setConfirming(false))}
      >
        <p>
          Check that the file opens and holds the passwords first. Once discarded, the dashboard cannot show them again: a lost password can only be
          replaced by changing it on each phone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
