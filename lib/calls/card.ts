import "server-only";
import type { CallDetails, CallDirection, CallRow, CallsReader, RecordingRow } from "./reader/types";
import { daysBefore, phoneVariants } from "./search";

/** How far around the call "other calls with the same lead or number" look when no search range came with it. */
export const RELATED_DAYS = 7;
const RELATED_LIMIT = 20;
/** Recordings of the lead that started up to this long before the call or after it ended count as the call's (no vicidial_id). */
const RECORDING_SLACK_S = 60;

export interface CallCardData {
  details: CallDetails;
  recordings: RecordingRow[];
  related: CallRow[];
  relatedRange: { from: string; to: string };
  /** VICIdial's server zone as minutes east of UTC, from the call's own call_date and start_epoch. */
  serverOffsetMinutes: number | null;
}

const plus = (vicidialTime: string, seconds: number) => new Date(Date.parse(`${vicidialTime.replace(" ", "T")}Z`) + seconds * 1000).toISOString().slice(0, 19).replace("T", " ");

/** call_date is server wall time, start_epoch the instant: their difference is the server's offset (to the quarter hour). */
export function serverOffsetOf(call: CallRow): number | null {
  if (call.start_epoch === null || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(call.call_date)) return null;
  const minutes = (Date.parse(`${call.call_date.replace(" ", "T")}Z`) / 1000 - call.start_epoch) / 60;
  return Math.round(minutes / 15) * 15;
}

/** The instant a call started: start_epoch when VICIdial wrote one, else call_date read in the server's offset. */
export function instantOf(call: CallRow): Date | null {
  return call.start_epoch !== null ? new Date(call.start_epoch * 1000) : null;
}

export async function loadCallCard(reader: CallsReader, direction: CallDirection, key: string, range?: { from: string; to: string }): Promise<CallCardData | null> {
  const details = await reader.call(direction, key);
  if (!details) return null;
  const { call } = details;
  const relatedRange = range ?? { from: daysBefore(call.call_date, RELATED_DAYS), to: daysBefore(call.call_date, -RELATED_DAYS) };
  const window = { from: plus(call.call_date, -RECORDING_SLACK_S), to: plus(call.call_date, (call.length_in_sec ?? 0) + RECORDING_SLACK_S) };
  const phones = phoneVariants(call.phone_number);
  const [recordings, byLead, byNumber] = await Promise.all([
    reader.recordings(call.key, call.lead_id ? { lead_id: call.lead_id, ...window } : null),
    call.lead_id ? reader.search({ ...relatedRange, lead_id: call.lead_id, offset: 0, limit: RELATED_LIMIT }) : null,
    phones ? reader.search({ ...relatedRange, phones, offset: 0, limit: RELATED_LIMIT }) : null,
  ]);
  const seen = new Set([`${call.direction} ${call.key}`]);
  const related: CallRow[] = [];
  for (const row of [...(byLead?.rows ?? []), ...(byNumber?.rows ?? [])]) {
    const id = `${row.direction} ${row.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    related.push(row);
  }
  related.sort((a, b) => (a.call_date < b.call_date ? 1 : a.call_date > b.call_date ? -1 : 0));
  return { details, recordings, related: related.slice(0, RELATED_LIMIT), relatedRange, serverOffsetMinutes: serverOffsetOf(call) };
}
