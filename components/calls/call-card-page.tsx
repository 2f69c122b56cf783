import { notFound } from "next/navigation";
import { ButtonLink, Card, DetailList, EmptyState, ErrorCallout, PageHeader, Th } from "@/components/ui";
import { Time } from "@/components/ui/time";
import { CopyButton } from "@/components/ui/copy-button";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { loadCallCard, type CallCardData } from "@/lib/calls/card";
import { FLAG_REASON_LABELS } from "@/lib/calls/flag-schema";
import { flagsOfCall } from "@/lib/calls/flags";
import { callKind, callTypeOfCallId, formatDuration, formatPhone, formatTalkTime, hangupReason, vicidialZoneLabel } from "@/lib/calls/format";
import { readError } from "@/lib/calls/read-error";
import { callsReader } from "@/lib/calls/reader";
import type { CallDirection } from "@/lib/calls/reader/types";
import { locationProblem } from "@/lib/calls/recordings/relay";
import { vicidialTimeOf } from "@/lib/calls/search";
import { formatVicidialTime } from "@/lib/time/format";
import { CallResultsTable } from "./call-results-table";
import { FlagCallForm } from "@/components/forms";
import { callPath } from "./paths";
import { RecordingPlayer } from "./recording-player";

export type CallCardProps = { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const muted = "block text-xs text-slate-500 dark:text-slate-400";
const named = (name: string | null, id: string) => (name ? `${name} (${id})` : id || "—");

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function rangeOf(raw: Record<string, string | string[] | undefined>): { from: string; to: string } | undefined {
  const from = typeof raw.from === "string" ? vicidialTimeOf(raw.from) : null;
  const to = typeof raw.to === "string" ? vicidialTimeOf(raw.to, true) : null;
  return from && to && from <= to ? { from, to } : undefined;
}

function Details({ data }: { data: CallCardData }) {
  const { details, serverOffsetMinutes } = data;
  const { call } = details;
  const inbound = call.direction === "inbound";
  const kind = details.callId ? callKind(callTypeOfCallId(details.callId)).label : inbound ? "Inbound" : "Outbound";
  const started = call.start_epoch !== null ? new Date(call.start_epoch * 1000) : null;
  const lead = details.lead;
  return (
    <DetailList
      items={[
        {
          label: "Call ID",
          value: details.callId ? (
            <span className="flex flex-wrap items-center gap-2">
              <code className="font-mono">{details.callId}</code>
              <CopyButton value={details.callId} label="Copy call ID" />
            </span>
          ) : (
            <span className="text-slate-500">Not in VICIdial&apos;s extended call log</span>
          ),
        },
        { label: "Direction and kind", value: kind },
        {
          label: "Started",
          value: (
            <>
              {started ? <Time value={started} /> : "—"}
              <span className={muted}>
                {formatVicidialTime(call.call_date)} {vicidialZoneLabel(serverOffsetMinutes)}
              </span>
            </>
          ),
        },
        { label: "Customer phone", value: <span className="font-mono">{formatPhone(call.phone_number)}</span> },
        {
          label: "Customer",
          value: lead ? `${[lead.first_name, lead.last_name].filter(Boolean).join(" ") || "No name"} (lead ${lead.lead_id})` : call.lead_id ? `Lead ${call.lead_id} (no longer in VICIdial's lead list)` : "—",
        },
        { label: "Agent", value: call.user === "VDAD" ? "VDAD (auto-dialer, no agent)" : call.user ? named(details.agentName, call.user) : "No agent" },
        { label: inbound ? "In-group" : "Campaign", value: named(details.groupName, call.campaign_id) },
        { label: "List", value: named(details.listName, call.list_id) },
        { label: "Status", value: call.status ? `${call.status} — ${details.statusName ?? "no description in VICIdial"}` : "—" },
        { label: "Total length", value: <span className="font-mono">{formatDuration(call.length_in_sec)}</span> },
        ...(inbound ? [{ label: "Time in queue", value: <span className="font-mono">{formatDuration(call.queue_seconds)}</span> }] : []),
        { label: "Customer talk time", value: details.custTime === null ? "No agent talk time was logged" : <span className="font-mono">{formatTalkTime(details.custTime)}</span> },
        {
          label: "Hangup",
          value: (
            <>
              {hangupReason(call.term_reason)}
              <span className={muted}>VICIdial: {call.term_reason || "—"}</span>
            </>
          ),
        },
      ]}
    />
  );
}

/** The call card of one logged call (both directions render through here). */
export async function CallCardPage({ direction, user, params, searchParams }: CallCardProps & { direction: CallDirection; user: CurrentUser }) {
  const reader = callsReader();
  if (!reader) notFound();
  const key = safeDecode((await params).key);
  const range = rangeOf(await searchParams);
  let data: CallCardData | null = null;
  let failure: ReturnType<typeof readError> | null = null;
  try {
    data = await loadCallCard(reader, direction, key, range);
  } catch (error) {
    failure = readError(error);
  }
  const title = direction === "inbound" ? "Inbound call" : "Outbound call";
  if (failure || !data) {
    return (
      <>
        <PageHeader title={title} actions={<ButtonLink href="/calls" variant="secondary">Search calls</ButtonLink>} />
        {failure ? (
          <ErrorCallout error={failure} title="VICIdial's database could not be read" />
        ) : (
          <EmptyState title="Call not found">VICIdial&apos;s {direction} call log has no call {key}. It may have been archived; search for it by number and date.</EmptyState>
        )}
      </>
    );
  }
  const { call } = data.details;
  const flags = can(user.role, "calls.flags.view") ? await flagsOfCall(direction, call.key) : [];
  const zone = vicidialZoneLabel(data.serverOffsetMinutes);
  return (
    <>
      <PageHeader
        title={title}
        description={`${direction === "inbound" ? "From" : "To"} ${formatPhone(call.phone_number)}, ${formatVicidialTime(call.call_date)} (${zone}).`}
        actions={
          <>
            {data.details.callId && (
              <ButtonLink href={callPath(data.details.callId)} variant="secondary">
                As callid_info reports it
              </ButtonLink>
            )}
            <ButtonLink href="/calls" variant="secondary">
              Search calls
            </ButtonLink>
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Call details">
          <Details data={data} />
          <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">Times are in your time zone, with {zone} as VICIdial&apos;s logs have it beneath.</p>
        </Card>
        <Card title="Recordings">
          {data.recordings.length === 0 ? (
            <EmptyState title="No recordings">VICIdial has no recording of this call: neither by its call nor for its lead at the call&apos;s time. Recording may have been off for this campaign.</EmptyState>
          ) : (
            <ul className="space-y-5">
              {data.recordings.map((recording) => {
                const problem = locationProblem(recording.location);
                const label = `Recording ${recording.filename || recording.recording_id}`;
                return (
                  <li key={recording.recording_id} className="space-y-2">
                    <p className="text-sm">
                      <span className="font-mono">{recording.filename || `Recording ${recording.recording_id}`}</span>
                      <span className={muted}>
                        Started {formatVicidialTime(recording.start_time)} ({zone}) · {formatDuration(recording.length_in_sec)}
                        {recording.vicidial_id !== call.key && " · found by the lead and the call's time"}
                      </span>
                    </p>
                    {problem ? (
                      <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
                        {problem}
                      </p>
                    ) : (
                      <RecordingPlayer recordingId={recording.recording_id} label={label} />
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        {(flags.length > 0 || can(user.role, "calls.flag")) && (
          <Card title="Flags">
            {flags.length > 0 && (
              <ul className="mb-4 space-y-2 text-sm">
                {flags.map((flag) => (
                  <li key={flag.id}>
                    <span className="font-medium">{FLAG_REASON_LABELS[flag.reason]}</span> · {flag.state === "open" ? "open" : `resolved by ${flag.resolvedByName}`} · flagged by {flag.flaggedByName}{" "}
                    <Time value={flag.createdAt} relative />
                    {flag.notes && <span className={muted}>{flag.notes}</span>}
                  </li>
                ))}
              </ul>
            )}
            {can(user.role, "calls.flag") && <FlagCallForm direction={direction} callKey={call.key} />}
          </Card>
        )}
        <section aria-labelledby="other-calls" className="space-y-3">
          <h2 id="other-calls" className="text-lg font-semibold">
            Other calls with this lead or number
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Between {formatVicidialTime(data.relatedRange.from)} and {formatVicidialTime(data.relatedRange.to)} ({zone}).
          </p>
          {data.related.length === 0 ? (
            <EmptyState title="No other calls">No other call with this lead or this number in that period.</EmptyState>
          ) : (
            <CallResultsTable rows={data.related} range={data.relatedRange} caption="Other calls with this lead or number" timeHeader={<Th>Time ({zone})</Th>} />
          )}
        </section>
      </div>
    </>
  );
}
