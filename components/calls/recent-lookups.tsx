import { Link } from "@/components/ui/link";
import { Badge, EmptyState, Table, Td, Th } from "@/components/ui";
import { callKind, formatPhone } from "@/lib/calls/format";
import { LOOKUP_STATE_LABELS } from "@/lib/calls/outcome";
import type { RecentLookup } from "@/lib/calls/recent";
import { callPath } from "./paths";
import { STATE_TONES } from "./tones";
import { Time } from "@/components/ui/time";
import { formatVicidialTime, VICIDIAL_TIME_LABEL } from "@/lib/time/format";

function summary(lookup: RecentLookup): string {
  if (!lookup.call) return lookup.message ?? "";
  const { call } = lookup;
  return [callKind(call.callType).label, call.phoneNumber && formatPhone(call.phoneNumber), call.status, call.callDate && `${formatVicidialTime(call.callDate)} (${VICIDIAL_TIME_LABEL})`].filter(Boolean).join(" · ");
}

/**
 * The signed-in user's latest lookups (from the audit log), newest first. Links do not prefetch:
 * opening a call page is an audited lookup, and only a real visit should count as one.
 */
export function RecentLookups({ lookups }: { lookups: RecentLookup[] }) {
  if (lookups.length === 0) {
    return (
      <EmptyState title="No lookups yet">
        Paste a call ID in the box above. Every call you look up is listed here, newest first, so you can get back to it.
      </EmptyState>
    );
  }
  return (
    <Table caption="Your recent call lookups, newest first">
      <thead>
        <tr>
          <Th>Call ID</Th>
          <Th>Result</Th>
          <Th>Details</Th>
          <Th>Looked up</Th>
        </tr>
      </thead>
      <tbody>
        {lookups.map((lookup) => (
          <tr key={lookup.id}>
            <Td>
              <Link href={callPath(lookup.callId)} prefetch={false} className="font-mono text-brand-700 hover:underline dark:text-brand-100">
                {lookup.callId}
              </Link>
            </Td>
            <Td>
              <Badge tone={STATE_TONES[lookup.state]}>{LOOKUP_STATE_LABELS[lookup.state]}</Badge>
            </Td>
            <Td className="text-slate-600 dark:text-slate-400">{summary(lookup)}</Td>
            <Td className="whitespace-nowrap">
              <Time value={lookup.at} relative />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
