import { Badge } from "@/components/ui";
import { OUTCOME_LABELS, type AuditOutcome } from "@/lib/audit/outcome";

const TONES = { success: "green", failed: "red", unknown: "amber" } as const;

/** An audit outcome in its colour; `label` words it differently where a page needs to. */
export function OutcomeBadge({ outcome, label = OUTCOME_LABELS[outcome] }: { outcome: AuditOutcome; label?: string }) {
  return <Badge tone={TONES[outcome]}>{label}</Badge>;
}
