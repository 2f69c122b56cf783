import { Badge } from "@/components/ui";
import { sipStatusText } from "@/lib/phones/sip-status";

/** A phone's SIP registration as VICIdial last saw it, its meaning on hover. */
export function SipStatusBadge({ peerStatus, pingTime }: { peerStatus: string | null; pingTime: number | null }) {
  const { words, tone, meaning } = sipStatusText(peerStatus, pingTime);
  return (
    <span title={meaning}>
      <Badge tone={tone}>{words}</Badge>
    </span>
  );
}
