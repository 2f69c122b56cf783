import "server-only";
import { FLAG_REASON_LABELS } from "./flag-schema";
import type { CallFlag } from "./flags";

/** The flagged calls' CSV columns: the call's details as flagged, the flag, and the dashboard's links. */
export const FLAG_EXPORT_COLUMNS = [
  "flag_id",
  "flagged_at_utc",
  "flagged_by",
  "reason",
  "notes",
  "state",
  "resolved_by",
  "direction",
  "call_id",
  "call_date_vicidial_time",
  "call_started_utc",
  "phone_number",
  "agent",
  "campaign_or_ingroup",
  "lead_id",
  "status",
  "length_sec",
  "call_card_url",
  "recording_urls",
] as const;

/** One flag as a CSV record; links are absolute on the dashboard's own address (`origin`). */
export function flagRecord(flag: CallFlag, origin: string, recordingIds: readonly string[]): unknown[] {
  const card = `${origin}/calls/${flag.direction}/${encodeURIComponent(flag.callKey)}`;
  return [
    flag.id,
    flag.createdAt.toISOString(),
    flag.flaggedByName,
    FLAG_REASON_LABELS[flag.reason] ?? flag.reason,
    flag.notes,
    flag.state,
    flag.resolvedByName ?? "",
    flag.direction,
    flag.callId ?? "",
    flag.callDate,
    flag.callStartedAt?.toISOString() ?? "",
    flag.phoneNumber,
    flag.agent,
    flag.campaignId,
    flag.leadId ?? "",
    flag.status,
    flag.lengthInSec ?? "",
    card,
    // The dashboard's own relay: the dialer's address and credentials stay out of the file too.
    recordingIds.map((id) => `${origin}/calls/recordings/${encodeURIComponent(id)}?download=1`).join(" "),
  ];
}
