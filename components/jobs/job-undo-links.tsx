import { Link } from "@/components/ui/link";
import { can, type Role } from "@/lib/auth/permissions";
import { isFileJobKind, isFinished } from "@/lib/jobs/kinds";
import type { JobRecord } from "@/lib/jobs/store";
import { JOB_UNDO_PERMISSION, undoJobOf, type UndoJobOptions } from "@/lib/undo/job";
import { UndoJobButton } from "./undo-job-button";

const linkClass = "text-brand-600 hover:underline dark:text-brand-500";

/** On a job's page: the job that undid it (or the button to undo it), or the job an undo job undoes. */
export async function JobUndoLinks({ job, role }: { job: JobRecord; role: Role }) {
  if (job.kind === "undo") {
    const { undoJobId, undoJobTitle } = job.options as unknown as UndoJobOptions;
    return (
      <p className="text-sm">
        Undoes the job{" "}
        <Link href={`/jobs/${undoJobId}`} className={linkClass}>
          {undoJobTitle}
        </Link>
        . Rows changed since it ran are skipped and listed below.
      </p>
    );
  }
  if (!isFileJobKind(job.kind) || !isFinished(job.status)) return null;
  const undo = await undoJobOf(job.id);
  if (undo) {
    return (
      <p className="text-sm">
        Undone by the job{" "}
        <Link href={`/jobs/${undo.id}`} className={linkClass}>
          {undo.title}
        </Link>
        .
      </p>
    );
  }
  return can(role, JOB_UNDO_PERMISSION[job.kind]) ? (
    <div>
      <UndoJobButton jobId={job.id} kind={job.kind} />
    </div>
  ) : null;
}
