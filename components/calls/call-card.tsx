import { CopyButton } from "@/components/ui/copy-button";
import { Card, DetailList } from "@/components/ui";
import { callKind, formatAgent, formatPhone, formatStatus, formatTalkTime } from "@/lib/calls/format";
import type { CallInfo } from "@/lib/calls/outcome";
import { CallExportButtons } from "./call-export-buttons";
import { Time, VicidialTime } from "@/components/ui/time";

function talkTimeNote(seconds: number, agent: string): string | undefined {
  if (seconds < 0) return "VICIdial logged more dead time than talk time for this call";
  if (seconds === 0) return agent === "VDAD" ? "No agent talked to the customer" : "No agent talk time was logged";
  return undefined;
}

/** Every column callid_info returns, in words; VICIdial's raw value stays visible where it is a code. */
export function CallCard({ call, lookedUpAt }: { call: CallInfo; lookedUpAt: Date }) {
  const kind = callKind(call.callType);
  const note = talkTimeNote(call.customerTalkSeconds, call.agentUser);
  return (
    <Card title="Call details" actions={<CallExportButtons call={call} lookedUpAt={lookedUpAt.toISOString()} />}>
      <DetailList
        items={[
          {
            label: "Call ID",
            value: (
              <span className="flex flex-wrap items-center gap-2">
                <code className="font-mono">{call.callId}</code>
                <CopyButton value={call.callId} label="Copy call ID" />
              </span>
            ),
          },
          { label: "Direction and kind", value: kind.label },
          {
            label: "Date and time",
            value: (
<VicidialTime value={call.callDate} />
            ),
          },
          { label: "Customer phone", value: call.phoneNumber ? formatPhone(call.phoneNumber) : undefined },
          { label: kind.groupLabel, value: call.campaignId || undefined },
          { label: "List", value: call.listId || undefined },
          { label: "Status", value: call.status ? formatStatus(call.status) : undefined },
          { label: "Agent", value: call.agentUser ? formatAgent(call.agentUser) : undefined },
          {
            label: "Customer talk time",
            value: (
              <>
                <span className="font-mono">{formatTalkTime(call.customerTalkSeconds)}</span>
                {note && <span className="block text-xs text-slate-500 dark:text-slate-400">{note}</span>}
              </>
            ),
          },
        ]}
      />
      <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">
        Looked up in VICIdial at <Time value={lookedUpAt} />. Talk time is the agent&apos;s talk time minus dead time, as VICIdial reports it.
      </p>
    </Card>
  );
}
