import { Badge } from "@/components/ui";
import { OUTCOME_LABELS, type AuditOutcome } from "@/lib/audit/outcome";
import { OUTCOME_TONES } from "@/lib/text/outcome-words";

/** An audit outcome in its colour and its one word (lib/text/outcome-words.ts). */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  return <Badge tone={OUTCOME_TONES[outcome]}>{OUTCOME_LABELS[outcome]}</Badge>;
}
