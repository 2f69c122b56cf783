// Direct writes to the call tables, as a test seeding VICIdial's database would make them
// (control mode only): the same `insert(table, rows)` a MariaDB test uses, so one test body
// seeds either backend.
import type { CallLogRow, SimulatorState, User } from "../state";

type Row = Record<string, unknown>;

const str = (value: unknown, fallback = "") => (value === undefined || value === null ? fallback : String(value));
const num = (value: unknown, fallback = 0) => (value === undefined || value === null || value === "" ? fallback : Number(value));
const numOrNull = (value: unknown) => (value === undefined || value === null || value === "" ? null : Number(value));

function logRow(row: Row): CallLogRow {
  return {
    uniqueid: str(row.uniqueid),
    lead_id: num(row.lead_id),
    call_date: str(row.call_date),
    phone_number: str(row.phone_number),
    user: str(row.user),
    status: str(row.status),
    list_id: num(row.list_id),
    campaign_id: str(row.campaign_id),
    start_epoch: numOrNull(row.start_epoch),
    end_epoch: numOrNull(row.end_epoch),
    length_in_sec: numOrNull(row.length_in_sec),
    phone_code: str(row.phone_code, "1"),
    user_group: str(row.user_group),
    term_reason: str(row.term_reason, "NONE"),
    queue_seconds: numOrNull(row.queue_seconds),
  };
}

/** A vicidial_users row with the table's defaults: an agent, no API rights. */
function userRow(row: Row): User {
  return {
    user: str(row.user),
    pass: "",
    full_name: str(row.full_name),
    user_level: num(row.user_level, 1),
    user_group: str(row.user_group),
    active: str(row.active, "Y") === "N" ? "N" : "Y",
    vdc_agent_api_access: "0",
    ast_admin_access: "0",
    ast_delete_phones: "0",
    modify_inbound_dids: "0",
    delete_inbound_dids: "0",
    modify_campaigns: "0",
    view_reports: "0",
    api_allowed_functions: "",
    ignore_ip_list: "0",
    failed_login_count: 0,
    last_login_date: "2001-01-01 00:00:01",
    last_ip: "",
    failed_login_attempts_today: 0,
    failed_login_count_today: 0,
    failed_last_ip_today: "",
    failed_last_type_today: "",
  };
}

/** Inserts rows into one of the call tables (or the name tables a call card reads); false for any other table. */
export function insertCallRows(state: SimulatorState, table: string, rows: Row[]): boolean {
  const calls = state.calls;
  switch (table) {
    case "vicidial_log":
      calls.outboundLog.push(...rows.map(logRow));
      return true;
    case "vicidial_closer_log": {
      let next = Math.max(0, ...calls.closerLog.map((r) => r.closecallid ?? 0)) + 1;
      calls.closerLog.push(...rows.map((row) => ({ ...logRow(row), closecallid: row.closecallid === undefined ? next++ : num(row.closecallid) })));
      return true;
    }
    case "vicidial_log_extended":
      calls.logExtended.push(...rows.map((row) => ({ uniqueid: str(row.uniqueid), server_ip: str(row.server_ip), call_date: str(row.call_date), lead_id: numOrNull(row.lead_id), caller_code: str(row.caller_code) })));
      return true;
    case "vicidial_agent_log": {
      let next = Math.max(0, ...calls.agentLog.map((r) => r.agent_log_id)) + 1;
      calls.agentLog.push(...rows.map((row) => ({ agent_log_id: row.agent_log_id === undefined ? next++ : num(row.agent_log_id), user: str(row.user), uniqueid: str(row.uniqueid), lead_id: num(row.lead_id), talk_sec: num(row.talk_sec), dead_sec: num(row.dead_sec) })));
      return true;
    }
    case "vicidial_list":
      (calls.leads ??= []).push(...rows.map((row) => ({ lead_id: num(row.lead_id), list_id: num(row.list_id), first_name: str(row.first_name), last_name: str(row.last_name), phone_number: str(row.phone_number) })));
      return true;
    case "recording_log":
    case "recording_log_archive": {
      const target = table === "recording_log" ? (calls.recordings ??= []) : (calls.recordingsArchive ??= []);
      target.push(
        ...rows.map((row) => ({
          recording_id: num(row.recording_id),
          start_time: str(row.start_time),
          end_time: row.end_time ? str(row.end_time) : null,
          length_in_sec: numOrNull(row.length_in_sec),
          filename: str(row.filename),
          location: str(row.location),
          lead_id: numOrNull(row.lead_id),
          user: str(row.user),
          vicidial_id: str(row.vicidial_id),
          server_ip: str(row.server_ip),
        })),
      );
      return true;
    }
    case "vicidial_statuses":
      (calls.statuses ??= []).push(...rows.map((row) => ({ status: str(row.status), status_name: str(row.status_name) })));
      return true;
    case "vicidial_campaign_statuses":
      (calls.campaignStatuses ??= []).push(...rows.map((row) => ({ status: str(row.status), status_name: str(row.status_name), campaign_id: str(row.campaign_id) })));
      return true;
    case "vicidial_users":
      state.users.push(...rows.map(userRow));
      return true;
    case "vicidial_campaigns":
      state.campaigns.push(...rows.map((row) => ({ campaign_id: str(row.campaign_id), campaign_name: str(row.campaign_name), user_group: str(row.user_group, "---ALL---"), active: (str(row.active, "Y") === "N" ? "N" : "Y") as "Y" | "N" })));
      return true;
    case "vicidial_inbound_groups":
      state.inboundGroups.push(...rows.map((row) => ({ group_id: str(row.group_id), group_name: str(row.group_name), active: (str(row.active, "Y") === "N" ? "N" : "Y") as "Y" | "N", user_group: str(row.user_group, "---ALL---") })));
      return true;
    case "vicidial_lists":
      state.lists.push(...rows.map((row) => ({ list_id: num(row.list_id), list_name: str(row.list_name), campaign_id: str(row.campaign_id), active: (str(row.active, "Y") === "N" ? "N" : "Y") as "Y" | "N" })));
      return true;
    default:
      return false;
  }
}
