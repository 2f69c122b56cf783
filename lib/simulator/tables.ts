// Direct writes to the simulator's tables, as an admin with a MySQL prompt (or admin.php) would
// make them: no API checks, no API log, column defaults for what is left out, auto-increment
// ids, unique keys enforced, and a vicidial_admin_log row only when the caller asks for one
// (admin.php writes one; a raw INSERT does not). Tests use it to put "someone else's" changes
// into VICIdial (control mode only: POST /__simulator/tables/<table>).
import { phpDateTime } from "./clock";
import { appendAdminLog } from "./context";
import { DuplicateKeyError, sameKey } from "./mysql";
import { didWithDefaults, phoneWithDefaults } from "./seed";
import type { SimulatorState } from "./state";

type Row = Record<string, unknown>;

interface TableSpec {
  rows(state: SimulatorState): Row[];
  /** The row a bare INSERT gets before the given columns are applied. */
  defaults(state: SimulatorState, given: Row): Row;
  /** Column sets that must be unique (compared as the collation does). */
  unique: string[][];
  /** Columns holding numbers (MySQL converts "12" to 12 on the way in). */
  numeric?: string[];
  /** The column the admin-log row names by default, for a one-row insert. */
  recordId?: string;
}

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/** AUTO_INCREMENT: the id given, or one past the highest the table holds. */
function autoIncrement(rows: readonly Row[], column: string, given: Row): number {
  return given[column] === undefined ? Math.max(0, ...rows.map((row) => Number(row[column] ?? 0))) + 1 : Number(given[column]);
}

/** The columns vicidial_log (outbound) and vicidial_closer_log (inbound) share, with their defaults. */
const CALL_LOG_DEFAULTS = {
  uniqueid: "",
  lead_id: 0,
  call_date: "",
  phone_number: "",
  user: "",
  status: "",
  list_id: 0,
  campaign_id: "",
  start_epoch: null,
  end_epoch: null,
  length_in_sec: null,
  term_reason: "NONE",
};

/** recording_log and recording_log_archive: the same columns, two tables. */
function recordingTable(rowsOf: (s: SimulatorState) => unknown[]): TableSpec {
  return {
    rows: (s) => rowsOf(s) as Row[],
    defaults: (s, given) => ({
      recording_id: autoIncrement(rowsOf(s) as Row[], "recording_id", given),
      start_time: "",
      end_time: null,
      length_in_sec: null,
      filename: "",
      location: "",
      lead_id: null,
      user: "",
      vicidial_id: "",
      server_ip: "",
    }),
    unique: [["recording_id"]],
    numeric: ["recording_id", "length_in_sec", "lead_id"],
  };
}

const TABLES: Record<string, TableSpec> = {
  vicidial_inbound_dids: {
    rows: (s) => s.dids as unknown as Row[],
    defaults: (s, given) => {
      const id = given.did_id === undefined ? s.nextDidId : Number(given.did_id);
      s.nextDidId = Math.max(s.nextDidId, id + 1);
      return didWithDefaults(id, str(given.did_pattern)) as unknown as Row;
    },
    unique: [["did_id"], ["did_pattern"]],
    numeric: ["did_id", "list_id", "entry_list_id"],
    recordId: "did_id",
  },
  phones: {
    rows: (s) => s.phones as unknown as Row[],
    defaults: (_s, given) => phoneWithDefaults(str(given.extension), str(given.server_ip)) as unknown as Row,
    unique: [["extension", "server_ip"]],
    numeric: ["phone_ring_timeout", "ping_time"],
    recordId: "extension",
  },
  phones_alias: {
    rows: (s) => s.phoneAliases as unknown as Row[],
    defaults: () => ({ alias_id: "", alias_name: "", logins_list: "", user_group: "---ALL---" }),
    unique: [["alias_id"]],
    recordId: "alias_id",
  },
  vicidial_cid_groups: {
    rows: (s) => s.cidGroups as unknown as Row[],
    defaults: () => ({ cid_group_id: "", cid_group_notes: "", cid_group_type: "AREACODE", user_group: "---ALL---" }),
    unique: [["cid_group_id"]],
    recordId: "cid_group_id",
  },
  vicidial_campaign_cid_areacodes: {
    rows: (s) => s.cidGroupEntries as unknown as Row[],
    defaults: () => ({ campaign_id: "", areacode: "", outbound_cid: "", active: "", cid_description: "", call_count_today: 0 }),
    unique: [["campaign_id", "areacode", "outbound_cid"]],
    numeric: ["call_count_today"],
    recordId: "campaign_id",
  },
  vicidial_inbound_groups: {
    rows: (s) => s.inboundGroups as unknown as Row[],
    defaults: () => ({ group_id: "", group_name: "", active: "Y", user_group: "---ALL---" }),
    unique: [["group_id"]],
    recordId: "group_id",
  },
  vicidial_call_menu: {
    rows: (s) => s.callMenus as unknown as Row[],
    defaults: () => ({ menu_id: "", menu_name: "", user_group: "---ALL---" }),
    unique: [["menu_id"]],
    recordId: "menu_id",
  },
  vicidial_campaigns: {
    rows: (s) => s.campaigns as unknown as Row[],
    defaults: () => ({ campaign_id: "", campaign_name: "", active: "Y", user_group: "---ALL---" }),
    unique: [["campaign_id"]],
    recordId: "campaign_id",
  },
  vicidial_lists: {
    rows: (s) => s.lists as unknown as Row[],
    defaults: () => ({ list_id: 0, list_name: "", campaign_id: "", active: "N" }),
    unique: [["list_id"]],
    numeric: ["list_id"],
    recordId: "list_id",
  },
  servers: {
    rows: (s) => s.servers as unknown as Row[],
    defaults: () => ({
      server_id: "",
      server_description: "",
      server_ip: "",
      active: "Y",
      local_gmt: "-5.00",
      active_asterisk_server: "Y",
      generate_vicidial_conf: "Y",
      rebuild_conf_files: "N",
    }),
    unique: [["server_id"]],
    recordId: "server_id",
  },
  vicidial_conf_templates: {
    rows: (s) => s.confTemplates as unknown as Row[],
    defaults: () => ({ template_id: "", template_name: "" }),
    unique: [["template_id"]],
    recordId: "template_id",
  },
  vicidial_users: {
    rows: (s) => s.users as unknown as Row[],
    defaults: () => ({
      user: "",
      pass: "",
      full_name: "",
      user_level: 1,
      user_group: "",
      active: "Y",
      vdc_agent_api_access: "0",
      ast_admin_access: "0",
      ast_delete_phones: "0",
      modify_inbound_dids: "0",
      delete_inbound_dids: "0",
      modify_campaigns: "0",
      view_reports: "0",
      api_allowed_functions: " ALL_FUNCTIONS ",
      ignore_ip_list: "0",
      failed_login_count: 0,
      last_login_date: "2001-01-01T00:00:01.000Z",
      last_ip: "",
      failed_login_attempts_today: 0,
      failed_login_count_today: 0,
      failed_last_ip_today: "",
      failed_last_type_today: "",
    }),
    unique: [["user"]],
    numeric: ["user_level", "failed_login_count", "failed_login_attempts_today", "failed_login_count_today"],
    recordId: "user",
  },
  vicidial_user_groups: {
    rows: (s) => s.userGroups as unknown as Row[],
    defaults: () => ({ user_group: "", group_name: "", admin_viewable_groups: " ---ALL--- ", allowed_campaigns: " -ALL-CAMPAIGNS- - ", api_ip_list: "" }),
    unique: [["user_group"]],
  },
  vicidial_admin_log: {
    rows: (s) => s.adminLog as unknown as Row[],
    defaults: (s, given) => {
      const id = given.admin_log_id === undefined ? s.nextAdminLogId : Number(given.admin_log_id);
      s.nextAdminLogId = Math.max(s.nextAdminLogId, id + 1);
      return { admin_log_id: id, event_date: "", user: "", ip_address: "", event_section: "", event_type: "", record_id: "", event_code: "", event_notes: "" };
    },
    unique: [["admin_log_id"]],
    numeric: ["admin_log_id"],
  },
  vicidial_api_log: {
    rows: (s) => s.apiLog as unknown as Row[],
    defaults: () => ({ api_date: "", user: "", function: "", source: "", result: "" }),
    unique: [],
  },
  vicidial_log_extended: {
    rows: (s) => s.calls.logExtended as unknown as Row[],
    defaults: () => ({ uniqueid: "", server_ip: "", call_date: "", lead_id: null, caller_code: "" }),
    unique: [["uniqueid"]],
    numeric: ["lead_id"],
  },
  vicidial_closer_log: {
    rows: (s) => s.calls.closerLog as unknown as Row[],
    defaults: (s, given) => ({
      // AUTO_INCREMENT: one past the highest closecallid held.
      closecallid: autoIncrement(s.calls.closerLog as unknown as Row[], "closecallid", given),
      ...CALL_LOG_DEFAULTS,
      queue_seconds: 0,
    }),
    unique: [["closecallid"]],
    numeric: ["closecallid", "lead_id", "list_id", "start_epoch", "end_epoch", "length_in_sec", "queue_seconds"],
  },
  vicidial_log: {
    rows: (s) => s.calls.outboundLog as unknown as Row[],
    defaults: () => ({ ...CALL_LOG_DEFAULTS, phone_code: "", user_group: "", called_count: 0 }),
    unique: [["uniqueid"]],
    numeric: ["lead_id", "list_id", "start_epoch", "end_epoch", "length_in_sec", "called_count"],
  },
  vicidial_list: {
    rows: (s) => (s.calls.leads ??= []) as unknown as Row[],
    defaults: (s, given) => ({
      lead_id: autoIncrement((s.calls.leads ?? []) as unknown as Row[], "lead_id", given),
      list_id: 0,
      first_name: "",
      last_name: "",
      phone_number: "",
    }),
    unique: [["lead_id"]],
    numeric: ["lead_id", "list_id"],
  },
  recording_log: recordingTable((s) => (s.calls.recordings ??= [])),
  recording_log_archive: recordingTable((s) => (s.calls.recordingsArchive ??= [])),
  vicidial_statuses: {
    rows: (s) => (s.calls.statuses ??= []) as unknown as Row[],
    defaults: () => ({ status: "", status_name: "" }),
    unique: [["status"]],
  },
  vicidial_campaign_statuses: {
    rows: (s) => (s.calls.campaignStatuses ??= []) as unknown as Row[],
    defaults: () => ({ status: "", status_name: "", campaign_id: "" }),
    unique: [],
  },
  vicidial_agent_log: {
    rows: (s) => s.calls.agentLog as unknown as Row[],
    defaults: () => ({ agent_log_id: 0, user: "", uniqueid: "", lead_id: 0, talk_sec: 0, dead_sec: 0 }),
    unique: [["agent_log_id"]],
    numeric: ["agent_log_id", "lead_id", "talk_sec", "dead_sec"],
  },
};

/** The admin-log row admin.php writes beside its change (record_id defaults to the inserted row's key). */
export interface AdminLogRequest {
  user: string;
  event_section: string;
  event_type: string;
  event_code: string;
  record_id?: string;
  event_notes?: string;
  ip_address?: string;
}

export interface TableWrite {
  insert?: Row[];
  update?: { where: Row; set: Row };
  delete?: { where: Row };
  adminLog?: AdminLogRequest;
}

export interface TableWriteResult {
  /** Rows inserted, changed and deleted. */
  affected: number;
  /** The last auto-increment id assigned by the insert (did_id, admin_log_id), else 0. */
  insertId: number;
  /** The admin-log row written for this change, else null. */
  adminLogId: number | null;
}

export class TableWriteError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = "TableWriteError";
  }
}

export function tableNames(): string[] {
  return Object.keys(TABLES);
}

/**
 * As the column would hold it. A NULL text column reads back as "" in every reader, so it is
 * stored as "" (the simulator's functions expect text); a BIGINT beyond 2^53 keeps its digits.
 */
function coerce(spec: TableSpec, column: string, value: unknown): unknown {
  if (spec.numeric?.includes(column)) {
    if (value === null) return null;
    const number = typeof value === "number" ? value : Number(value);
    return Number.isSafeInteger(number) || typeof value !== "string" ? number : value.trim();
  }
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

/** `col = value` under the collation: numbers by value, strings without regard to case. */
function columnMatches(spec: TableSpec, row: Row, column: string, value: unknown): boolean {
  const stored = row[column];
  if (value === null || stored === null || stored === undefined) return value === null && (stored === null || stored === undefined);
  if (spec.numeric?.includes(column)) return Number(stored) === Number(value);
  return sameKey(String(stored), String(value));
}

function matcher(spec: TableSpec, where: Row): (row: Row) => boolean {
  const columns = Object.entries(where);
  if (columns.length === 0) throw new TableWriteError(400, "a where clause names at least one column");
  return (row) => columns.every(([column, value]) => columnMatches(spec, row, column, value));
}

function assertUnique(spec: TableSpec, rows: Row[], candidate: Row, table: string): void {
  for (const key of spec.unique) {
    const clash = rows.some((row) => row !== candidate && key.every((column) => columnMatches(spec, row, column, candidate[column])));
    if (clash) throw new DuplicateKeyError(table, key.map((c) => str(candidate[c])).join("-"));
  }
}

/** One direct write; throws TableWriteError for a request MySQL would refuse. */
export function writeTable(state: SimulatorState, table: string, write: TableWrite, now: Date, clientIp: string): TableWriteResult {
  const spec = Object.hasOwn(TABLES, table) ? TABLES[table] : undefined;
  if (!spec) throw new TableWriteError(404, `no table ${table} (known: ${tableNames().join(", ")})`);
  const rows = spec.rows(state);
  let affected = 0;
  let insertId = 0;
  let lastInserted: Row | undefined;

  for (const given of write.insert ?? []) {
    const row = spec.defaults(state, given);
    for (const [column, value] of Object.entries(given)) row[column] = coerce(spec, column, value);
    try {
      assertUnique(spec, rows, row, table);
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw new TableWriteError(409, error.message);
      throw error;
    }
    rows.push(row);
    affected++;
    lastInserted = row;
    if (typeof row.did_id === "number" && table === "vicidial_inbound_dids") insertId = row.did_id;
    if (typeof row.admin_log_id === "number" && table === "vicidial_admin_log") insertId = row.admin_log_id;
  }
  if (write.update) {
    const matches = matcher(spec, write.update.where);
    for (const row of rows.filter(matches)) {
      const changed = Object.entries(write.update.set).some(([column, value]) => row[column] !== coerce(spec, column, value));
      for (const [column, value] of Object.entries(write.update.set)) row[column] = coerce(spec, column, value);
      if (changed) affected++;
    }
  }
  if (write.delete) {
    const matches = matcher(spec, write.delete.where);
    for (let i = rows.length - 1; i >= 0; i--) {
      if (matches(rows[i] as Row)) {
        rows.splice(i, 1);
        affected++;
      }
    }
  }

  let adminLogId: number | null = null;
  if (write.adminLog) {
    const log = write.adminLog;
    const keyColumn = spec.recordId;
    const defaultRecord = keyColumn && lastInserted ? str(lastInserted[keyColumn]) : "";
    adminLogId = appendAdminLog(state, {
      event_date: phpDateTime(now),
      user: log.user,
      ip_address: log.ip_address ?? clientIp,
      event_section: log.event_section,
      event_type: log.event_type,
      record_id: log.record_id ?? defaultRecord,
      event_code: log.event_code,
      event_notes: log.event_notes ?? "",
    }).admin_log_id;
  }
  return { affected, insertId, adminLogId };
}
