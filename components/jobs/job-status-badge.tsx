import { Badge } from "@/components/ui";
import { JOB_STATUS_LABELS, ROW_STATE_LABELS, type JobStatus, type RowState } from "@/lib/jobs/kinds";

const STATUS_TONES = { running: "blue", paused: "amber", cancelled: "neutral", completed: "green" } as const satisfies Record<JobStatus, string>;
const ROW_TONES = { pending: "neutral", running: "blue", done: "green", exists: "blue", failed: "red", skipped: "amber" } as const satisfies Record<RowState, string>;

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{JOB_STATUS_LABELS[status]}</Badge>;
}

export function RowStateBadge({ state }: { state: RowState }) {
  return <Badge tone={ROW_TONES[state]}>{ROW_STATE_LABELS[state]}</Badge>;
}
