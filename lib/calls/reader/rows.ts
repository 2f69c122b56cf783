import type { CallDirection, CallRow, RecordingRow } from "./types";

type Raw = Record<string, unknown>;

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));
const numberOrNull = (value: unknown) => (value === null || value === undefined || value === "" ? null : Number(value));

/** A log row as either backend returns it (MySQL gives DECIMAL as text, the simulator numbers). */
export function callRowOf(raw: Raw): CallRow {
  return {
    direction: raw.direction as CallDirection,
    key: text(raw.call_key),
    uniqueid: text(raw.uniqueid),
    lead_id: Number(raw.lead_id ?? 0),
    list_id: text(raw.list_id),
    campaign_id: text(raw.campaign_id),
    call_date: text(raw.call_date),
    start_epoch: numberOrNull(raw.start_epoch),
    end_epoch: numberOrNull(raw.end_epoch),
    length_in_sec: numberOrNull(raw.length_in_sec),
    status: text(raw.status),
    phone_code: text(raw.phone_code),
    phone_number: text(raw.phone_number),
    user: text(raw.user),
    term_reason: text(raw.term_reason),
    queue_seconds: numberOrNull(raw.queue_seconds),
  };
}

export function recordingRowOf(raw: Raw): RecordingRow {
  return {
    recording_id: text(raw.recording_id),
    start_time: text(raw.start_time),
    end_time: raw.end_time ? text(raw.end_time) : null,
    length_in_sec: numberOrNull(raw.length_in_sec),
    filename: text(raw.filename),
    location: text(raw.location),
    lead_id: numberOrNull(raw.lead_id),
    user: text(raw.user),
    vicidial_id: text(raw.vicidial_id),
    server_ip: text(raw.server_ip),
  };
}
