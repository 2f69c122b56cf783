import "server-only";
import { openMysql, type MysqlOptions } from "@/lib/cluster/mysql";
import { callRowOf, recordingRowOf } from "./rows";
import type { CallDetails, CallDirection, CallPage, CallSearch, CallsReader, RecordingRow } from "./types";

type Db = ReturnType<typeof openMysql>;
type Raw = Record<string, unknown>;

// Times leave the database as text in VICIdial's own format whatever the driver's date settings.
const time = (column: string) => `DATE_FORMAT(${column}, '%Y-%m-%d %H:%i:%s')`;

const OUTBOUND_COLUMNS = `'outbound' AS direction, uniqueid AS call_key, uniqueid, lead_id, CAST(list_id AS CHAR) AS list_id, campaign_id,
  ${time("call_date")} AS call_date, start_epoch, end_epoch, length_in_sec, status, phone_code, phone_number, user, term_reason, NULL AS queue_seconds`;
const INBOUND_COLUMNS = `'inbound' AS direction, CAST(closecallid AS CHAR) AS call_key, uniqueid, lead_id, CAST(list_id AS CHAR) AS list_id, campaign_id,
  ${time("call_date")} AS call_date, start_epoch, end_epoch, length_in_sec, status, '' AS phone_code, phone_number, user, term_reason, queue_seconds`;

const RECORDING_COLUMNS = `CAST(recording_id AS CHAR) AS recording_id, ${time("start_time")} AS start_time, ${time("end_time")} AS end_time,
  length_in_sec, filename, location, lead_id, user, vicidial_id, server_ip`;

// The outer SELECTs over the UNIONs name their columns too: nothing here ever reads `*`.
const CALL_NAMES = "direction, call_key, uniqueid, lead_id, list_id, campaign_id, call_date, start_epoch, end_epoch, length_in_sec, status, phone_code, phone_number, user, term_reason, queue_seconds";
const RECORDING_NAMES = "recording_id, start_time, end_time, length_in_sec, filename, location, lead_id, user, vicidial_id, server_ip";

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/**
 * The WHERE clause of one log table. Every search starts with the call_date range (both tables'
 * index); the other conditions narrow within it, each on a column VICIdial indexes where it has
 * one (closer log: phone_number, campaign_id, (call_date, user), uniqueid; both: lead_id).
 */
function whereOf(direction: CallDirection, search: CallSearch, uniqueids: string[] | null, leadIds: number[]): { sql: string; params: unknown[] } {
  const clauses = ["call_date BETWEEN ? AND ?"];
  const params: unknown[] = [search.from, search.to];
  if (search.phones?.length) {
    if (direction === "inbound") {
      clauses.push(`phone_number IN (${placeholders(search.phones)})`);
      params.push(...search.phones);
    } else {
      // vicidial_log has no phone_number index: its calls are found by their leads, whose number
      // (vicidial_list.phone_number) is indexed. A range scan of the log by number would read
      // every call of the period.
      clauses.push(leadIds.length > 0 ? `lead_id IN (${placeholders(leadIds)})` : "FALSE");
      params.push(...leadIds);
    }
  }
  if (search.agent) {
    clauses.push("user = ?");
    params.push(search.agent);
  }
  if (search.group) {
    clauses.push("campaign_id = ?");
    params.push(search.group);
  }
  if (search.status) {
    clauses.push("status = ?");
    params.push(search.status);
  }
  if (search.lead_id !== undefined) {
    clauses.push("lead_id = ?");
    params.push(search.lead_id);
  }
  if (uniqueids) {
    clauses.push(`uniqueid IN (${placeholders(uniqueids)})`);
    params.push(...uniqueids);
  }
  return { sql: clauses.join(" AND "), params };
}

async function search(db: Db, search: CallSearch): Promise<CallPage> {
  let uniqueids: string[] | null = null;
  if (search.callId) {
    const found = await db.select<{ uniqueid: string }>("SELECT uniqueid FROM vicidial_log_extended WHERE caller_code = ? LIMIT 10", [search.callId]);
    if (found.length === 0) return { rows: [], more: false };
    uniqueids = found.map((row) => row.uniqueid);
  }
  const directions: CallDirection[] = search.direction ? [search.direction] : ["inbound", "outbound"];
  const leadIds =
    search.phones?.length && directions.includes("outbound")
      ? (await db.select<{ lead_id: number }>(`SELECT lead_id FROM vicidial_list WHERE phone_number IN (${placeholders(search.phones)}) LIMIT 1000`, search.phones)).map((row) => Number(row.lead_id))
      : [];
  // By number, lead or call ID a table holds a handful of rows, found through that column's
  // index; ordering them inside would tempt the optimizer to walk call_date instead.
  const selective = Boolean(search.phones?.length || search.lead_id !== undefined || uniqueids);
  // Each table gives at most the rows up to the end of the page, newest first from its call_date
  // index; the merge then sorts those few. One extra row says whether a next page exists.
  const window = search.offset + search.limit + 1;
  const order = search.oldestFirst ? "ASC" : "DESC";
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const direction of directions) {
    const where = whereOf(direction, search, uniqueids, leadIds);
    const table = direction === "inbound" ? "vicidial_closer_log" : "vicidial_log";
    const columns = direction === "inbound" ? INBOUND_COLUMNS : OUTBOUND_COLUMNS;
    parts.push(`(SELECT ${columns} FROM ${table} WHERE ${where.sql}${selective ? "" : ` ORDER BY call_date ${order} LIMIT ${window}`})`);
    params.push(...where.params);
  }
  // Wrapped in one SELECT: the account's guard lets through statements that start with SELECT.
  const sql = `SELECT ${CALL_NAMES} FROM (${parts.join(" UNION ALL ")}) AS calls ORDER BY call_date ${order}, direction, call_key ${order} LIMIT ${search.limit + 1} OFFSET ${search.offset}`;
  const rows = (await db.select<Raw>(sql, params)).map(callRowOf);
  return { rows: rows.slice(0, search.limit), more: rows.length > search.limit };
}

async function first<T>(db: Db, sql: string, params: unknown[]): Promise<T | null> {
  return (await db.select<T>(sql, params))[0] ?? null;
}

async function call(db: Db, direction: CallDirection, key: string): Promise<CallDetails | null> {
  const raw =
    direction === "inbound"
      ? /^\d{1,10}$/.test(key)
        ? await first<Raw>(db, `SELECT ${INBOUND_COLUMNS} FROM vicidial_closer_log WHERE closecallid = ?`, [Number(key)])
        : null
      : await first<Raw>(db, `SELECT ${OUTBOUND_COLUMNS} FROM vicidial_log WHERE uniqueid = ?`, [key]);
  if (!raw) return null;
  const row = callRowOf(raw);
  const groupSql =
    direction === "inbound" ? "SELECT group_name AS name FROM vicidial_inbound_groups WHERE group_id = ?" : "SELECT campaign_name AS name FROM vicidial_campaigns WHERE campaign_id = ?";
  const [extended, agentLog, agent, lead, list, group, campaignStatus, systemStatus] = await Promise.all([
    first<{ caller_code: string }>(db, "SELECT caller_code FROM vicidial_log_extended WHERE uniqueid = ? LIMIT 1", [row.uniqueid]),
    row.user
      ? first<{ talk_sec: number; dead_sec: number }>(db, "SELECT talk_sec, dead_sec FROM vicidial_agent_log WHERE uniqueid = ? AND lead_id = ? AND user = ? LIMIT 1", [
          row.uniqueid,
          row.lead_id,
          row.user,
        ])
      : null,
    row.user ? first<{ full_name: string }>(db, "SELECT full_name FROM vicidial_users WHERE user = ?", [row.user]) : null,
    first<Raw>(db, "SELECT lead_id, first_name, last_name, phone_number, CAST(list_id AS CHAR) AS list_id FROM vicidial_list WHERE lead_id = ?", [row.lead_id]),
    row.list_id ? first<{ list_name: string }>(db, "SELECT list_name FROM vicidial_lists WHERE list_id = ?", [row.list_id]) : null,
    row.campaign_id ? first<{ name: string }>(db, groupSql, [row.campaign_id]) : null,
    row.status ? first<{ status_name: string }>(db, "SELECT status_name FROM vicidial_campaign_statuses WHERE status = ? AND campaign_id = ? LIMIT 1", [row.status, row.campaign_id]) : null,
    row.status ? first<{ status_name: string }>(db, "SELECT status_name FROM vicidial_statuses WHERE status = ? LIMIT 1", [row.status]) : null,
  ]);
  return {
    call: row,
    callId: extended?.caller_code ?? null,
    custTime: agentLog ? Number(agentLog.talk_sec) - Number(agentLog.dead_sec) : null,
    agentName: agent?.full_name ?? null,
    lead: lead
      ? { lead_id: Number(lead.lead_id), first_name: String(lead.first_name ?? ""), last_name: String(lead.last_name ?? ""), phone_number: String(lead.phone_number ?? ""), list_id: String(lead.list_id ?? "") }
      : null,
    listName: list?.list_name ?? null,
    groupName: group?.name ?? null,
    statusName: campaignStatus?.status_name ?? systemStatus?.status_name ?? null,
  };
}

async function recordings(db: Db, vicidialId: string, fallback: { lead_id: number; from: string; to: string } | null): Promise<RecordingRow[]> {
  const byCall = (table: string) => `(SELECT ${RECORDING_COLUMNS} FROM ${table} WHERE vicidial_id = ?)`;
  const found = await db.select<Raw>(`SELECT ${RECORDING_NAMES} FROM (${byCall("recording_log")} UNION ALL ${byCall("recording_log_archive")}) AS r ORDER BY start_time, recording_id`, [vicidialId, vicidialId]);
  if (found.length > 0 || !fallback) return found.map(recordingRowOf);
  const byLead = (table: string) => `(SELECT ${RECORDING_COLUMNS} FROM ${table} WHERE lead_id = ? AND start_time BETWEEN ? AND ?)`;
  const params = [fallback.lead_id, fallback.from, fallback.to];
  return (await db.select<Raw>(`SELECT ${RECORDING_NAMES} FROM (${byLead("recording_log")} UNION ALL ${byLead("recording_log_archive")}) AS r ORDER BY start_time, recording_id`, [...params, ...params])).map(recordingRowOf);
}

async function recording(db: Db, recordingId: string): Promise<RecordingRow | null> {
  if (!/^\d{1,12}$/.test(recordingId)) return null;
  const one = (table: string) => `(SELECT ${RECORDING_COLUMNS} FROM ${table} WHERE recording_id = ?)`;
  const row = await first<Raw>(db, `SELECT ${RECORDING_NAMES} FROM (${one("recording_log")} UNION ALL ${one("recording_log_archive")}) AS r LIMIT 1`, [recordingId, recordingId]);
  return row ? recordingRowOf(row) : null;
}

/** Calls from VICIdial's own database over the SELECT-only account (VICIDIAL_DB_URL). */
export function createMysqlCallsReader(url: string, options: MysqlOptions = {}): CallsReader {
  const db = openMysql(url, options);
  return {
    kind: "mysql",
    serverNow: async () => (await db.select<{ now: string }>(`SELECT ${time("NOW()")} AS now`))[0]!.now,
    search: (query) => search(db, query),
    call: (direction, key) => call(db, direction, key),
    recordings: (vicidialId, fallback) => recordings(db, vicidialId, fallback),
    recording: (recordingId) => recording(db, recordingId),
    close: () => db.close(),
  };
}
