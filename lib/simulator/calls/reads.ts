// The reads QA's call workspace makes of VICIdial's database, answered from the simulator's
// state the way the MySQL queries answer them (lib/calls/reader/mysql.ts): the same rows, the
// same order. Written against the state, not the dashboard's reader code.
import type { CallLogRow, RecordingLogRow, SimulatorState } from "../state";

type Direction = "inbound" | "outbound";

export interface SearchRequest {
  from: string;
  to: string;
  direction?: Direction;
  phones?: string[];
  agent?: string;
  group?: string;
  status?: string;
  callId?: string;
  lead_id?: number;
  oldestFirst?: boolean;
  offset: number;
  limit: number;
}

/** A log row in the columns the reader selects. */
export function logColumns(direction: Direction, row: CallLogRow) {
  return {
    direction,
    call_key: direction === "inbound" ? String(row.closecallid ?? "") : row.uniqueid,
    uniqueid: row.uniqueid,
    lead_id: row.lead_id,
    list_id: String(row.list_id),
    campaign_id: row.campaign_id,
    call_date: row.call_date,
    start_epoch: row.start_epoch ?? null,
    end_epoch: row.end_epoch ?? null,
    length_in_sec: row.length_in_sec ?? null,
    status: row.status,
    // vicidial_closer_log has no phone_code column.
    phone_code: direction === "inbound" ? "" : (row.phone_code ?? "1"),
    phone_number: row.phone_number,
    user: row.user,
    term_reason: row.term_reason ?? "NONE",
    queue_seconds: direction === "inbound" ? (row.queue_seconds ?? 0) : null,
  };
}

type Listed = ReturnType<typeof logColumns>;

/** MySQL's default collations compare without regard to case. */
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function searchCalls(state: SimulatorState, request: SearchRequest): { rows: Listed[]; more: boolean } {
  const calls = state.calls;
  let uniqueids: Set<string> | null = null;
  if (request.callId) {
    uniqueids = new Set(calls.logExtended.filter((row) => same(row.caller_code, request.callId!)).map((row) => row.uniqueid));
    if (uniqueids.size === 0) return { rows: [], more: false };
  }
  const phones = request.phones ?? [];
  const leadsWithPhone = new Set((calls.leads ?? []).filter((lead) => phones.includes(lead.phone_number)).map((lead) => lead.lead_id));
  const matches = (direction: Direction, row: CallLogRow) =>
    row.call_date >= request.from &&
    row.call_date <= request.to &&
    // Outbound calls by their lead's number (vicidial_log has no phone_number index), inbound by their own.
    (phones.length === 0 || (direction === "outbound" ? leadsWithPhone.has(row.lead_id) : phones.includes(row.phone_number))) &&
    (!request.agent || same(row.user, request.agent)) &&
    (!request.group || same(row.campaign_id, request.group)) &&
    (!request.status || same(row.status, request.status)) &&
    (request.lead_id === undefined || row.lead_id === request.lead_id) &&
    (!uniqueids || uniqueids.has(row.uniqueid));

  const found: Listed[] = [];
  if (request.direction !== "outbound") for (const row of calls.closerLog) if (matches("inbound", row)) found.push(logColumns("inbound", row));
  if (request.direction !== "inbound") for (const row of calls.outboundLog) if (matches("outbound", row)) found.push(logColumns("outbound", row));
  // Time, then direction (always inbound first), then key: the order the database gives.
  const sign = request.oldestFirst ? -1 : 1;
  found.sort((a, b) =>
    a.call_date !== b.call_date ? (a.call_date < b.call_date ? sign : -sign) : a.direction !== b.direction ? (a.direction < b.direction ? -1 : 1) : a.call_key < b.call_key ? sign : a.call_key > b.call_key ? -sign : 0,
  );
  const page = found.slice(request.offset, request.offset + request.limit + 1);
  return { rows: page.slice(0, request.limit), more: page.length > request.limit };
}

export function callDetails(state: SimulatorState, direction: Direction, key: string) {
  const calls = state.calls;
  const row = direction === "inbound" ? calls.closerLog.find((r) => String(r.closecallid ?? "") === key) : calls.outboundLog.find((r) => r.uniqueid === key);
  if (!row) return null;
  const agentLog = calls.agentLog.find((r) => r.uniqueid === row.uniqueid && r.lead_id === row.lead_id && same(r.user, row.user));
  const lead = (calls.leads ?? []).find((r) => r.lead_id === row.lead_id);
  const group =
    direction === "inbound"
      ? state.inboundGroups.find((g) => same(g.group_id, row.campaign_id))?.group_name
      : state.campaigns.find((c) => same(c.campaign_id, row.campaign_id))?.campaign_name;
  const statusName =
    (calls.campaignStatuses ?? []).find((s) => same(s.status, row.status) && same(s.campaign_id, row.campaign_id))?.status_name ??
    (calls.statuses ?? []).find((s) => same(s.status, row.status))?.status_name;
  return {
    call: logColumns(direction, row),
    callId: calls.logExtended.find((r) => r.uniqueid === row.uniqueid)?.caller_code ?? null,
    custTime: agentLog ? agentLog.talk_sec - agentLog.dead_sec : null,
    agentName: row.user ? (state.users.find((u) => same(u.user, row.user))?.full_name ?? null) : null,
    lead: lead ? { lead_id: lead.lead_id, first_name: lead.first_name, last_name: lead.last_name, phone_number: lead.phone_number, list_id: String(lead.list_id) } : null,
    listName: state.lists.find((l) => String(l.list_id) === String(row.list_id))?.list_name ?? null,
    groupName: group ?? null,
    statusName: statusName ?? null,
  };
}

/** Recording rows as the reader selects them; a location starting with / is on this simulator. */
function recordingColumns(row: RecordingLogRow, origin: string) {
  return { ...row, recording_id: String(row.recording_id), location: row.location.startsWith("/") ? `${origin}${row.location}` : row.location };
}

const byStart = (a: RecordingLogRow, b: RecordingLogRow) => (a.start_time !== b.start_time ? (a.start_time < b.start_time ? -1 : 1) : a.recording_id - b.recording_id);

export function callRecordings(state: SimulatorState, origin: string, vicidialId: string, fallback: { lead_id: number; from: string; to: string } | null) {
  const all = [...(state.calls.recordings ?? []), ...(state.calls.recordingsArchive ?? [])];
  let found = all.filter((row) => row.vicidial_id === vicidialId);
  if (found.length === 0 && fallback) found = all.filter((row) => row.lead_id === fallback.lead_id && row.start_time >= fallback.from && row.start_time <= fallback.to);
  return found.sort(byStart).map((row) => recordingColumns(row, origin));
}

export function oneRecording(state: SimulatorState, origin: string, recordingId: string) {
  const row = [...(state.calls.recordings ?? []), ...(state.calls.recordingsArchive ?? [])].find((r) => String(r.recording_id) === recordingId);
  return row ? recordingColumns(row, origin) : null;
}
