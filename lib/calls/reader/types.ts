// What QA reads about calls from VICIdial's database (../shared/vicidial-db.md, "Calls"), one
// interface with two implementations: MySQL/MariaDB (./mysql.ts) and the built-in simulator's
// own state over HTTP (./simulator.ts). Times are VICIdial server time ("YYYY-MM-DD HH:MM:SS",
// the zone its servers run in); start_epoch gives the instant.

export type CallDirection = "inbound" | "outbound";

/**
 * One search. `from`/`to` are always set (VICIdial server time, inclusive): a search never reads
 * an unbounded range. Phone numbers are already cleaned to the digits VICIdial stores; several
 * are alternatives (with and without the country code).
 */
export interface CallSearch {
  from: string;
  to: string;
  direction?: CallDirection;
  phones?: string[];
  /** VICIdial user (agent) id. */
  agent?: string;
  /** Campaign id (outbound) or in-group id (inbound). */
  group?: string;
  status?: string;
  /** vicidial_log_extended.caller_code, the call ID callid_info takes. */
  callId?: string;
  lead_id?: number;
  /** Oldest first instead of newest first. */
  oldestFirst?: boolean;
  /** Leave calls out (the card's "other calls" leaves the call itself out). */
  offset: number;
  limit: number;
}

/** A row of vicidial_log (outbound) or vicidial_closer_log (inbound), as the search lists it. */
export interface CallRow {
  direction: CallDirection;
  /** The row's key: uniqueid for outbound, closecallid for inbound. Also recording_log.vicidial_id. */
  key: string;
  uniqueid: string;
  lead_id: number;
  list_id: string;
  /** Campaign id (outbound) or in-group id (inbound). */
  campaign_id: string;
  call_date: string;
  start_epoch: number | null;
  end_epoch: number | null;
  length_in_sec: number | null;
  status: string;
  phone_code: string;
  phone_number: string;
  user: string;
  term_reason: string;
  /** Inbound only. */
  queue_seconds: number | null;
}

/** One page of a search, newest first; `more` says whether a next page exists. */
export interface CallPage {
  rows: CallRow[];
  more: boolean;
}

export interface CallLead {
  lead_id: number;
  first_name: string;
  last_name: string;
  phone_number: string;
  list_id: string;
}

export interface RecordingRow {
  recording_id: string;
  start_time: string;
  end_time: string | null;
  length_in_sec: number | null;
  filename: string;
  location: string;
  lead_id: number | null;
  user: string;
  vicidial_id: string;
  server_ip: string;
}

/** Everything the card shows beyond the log row, each looked up by key. */
export interface CallDetails {
  call: CallRow;
  /** vicidial_log_extended.caller_code; null when the extended log has no row. */
  callId: string | null;
  /** talk_sec − dead_sec of the agent's vicidial_agent_log row (callid_info's custtime); null without a row. */
  custTime: number | null;
  agentName: string | null;
  lead: CallLead | null;
  listName: string | null;
  /** The campaign's or in-group's name. */
  groupName: string | null;
  /** vicidial_campaign_statuses first, then vicidial_statuses. */
  statusName: string | null;
}

export interface CallsReader {
  readonly kind: "mysql" | "simulator";
  /** VICIdial server time now: where "the last 7 days" ends. */
  serverNow(): Promise<string>;
  search(search: CallSearch): Promise<CallPage>;
  /** One call by its key, with the names and words around it; null when the row is gone. */
  call(direction: CallDirection, key: string): Promise<CallDetails | null>;
  /**
   * The call's recordings: recording_log and its archive by vicidial_id; when none, those of the
   * lead within [from, to] (VICIdial server time).
   */
  recordings(vicidialId: string, fallback: { lead_id: number; from: string; to: string } | null): Promise<RecordingRow[]>;
  /** One recording by id (either table), for the audio relay. */
  recording(recordingId: string): Promise<RecordingRow | null>;
  close(): Promise<void>;
}
