import { Badge } from "@/components/ui";
import { OUTCOME_LABELS, type AuditOutcome } from "@/lib/audit/outcome";

const TONES = { success: "green", failed: "red", unknown: "amber" } as const;

export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  return <Badge tone={TONES[outcome]}>{OUTCOME_LABELS[outcome]}</Badge>;
}
