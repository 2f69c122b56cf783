import { openMysql, parseMysqlUrl, type MysqlOptions } from "./mysql";
import { canWriteFromGrants } from "./grants";
import type {
  ClusterAdminLogEntry,
  ClusterAlias,
  ClusterApiLogEntry,
  ClusterApiUser,
  ClusterCidEntry,
  ClusterCidGroup,
  ClusterDid,
  ClusterPhone,
  ClusterPhoneKey,
  ClusterReader,
  ClusterReference,
  ReferenceKind,
} from "./types";

/**
 * How each column is read: `text` maps NULL to "" (the row types say string), `int` to a number,
 * `int?` keeps NULL, `bigint` stays a decimal string (BIGINT UNSIGNED may exceed 2^53).
 * Each row type's columns are listed once here; the SELECT list and the mapping both come from it,
 * so a column can only be read if it is named, and a secret column is named nowhere.
 */
type ColumnKind = "text" | "int" | "int?" | "bigint";
type Columns<T> = { readonly [K in keyof T]-?: ColumnKind };

const DID_COLUMNS: Columns<ClusterDid> = {
  did_id: "int",
  did_pattern: "text",
  did_description: "text",
  did_active: "text",
  did_route: "text",
  extension: "text",
  exten_context: "text",
  voicemail_ext: "text",
  phone: "text",
  server_ip: "text",
  user: "text",
  user_unavailable_action: "text",
  user_route_settings_ingroup: "text",
  group_id: "text",
  call_handle_method: "text",
  agent_search_method: "text",
  list_id: "bigint",
  campaign_id: "text",
  phone_code: "text",
  menu_id: "text",
  record_call: "text",
  filter_clean_cid_number: "text",
  user_group: "text",
};

const PHONE_COLUMNS: Columns<ClusterPhone> = {
  extension: "text",
  dialplan_number: "text",
  voicemail_id: "text",
  server_ip: "text",
  login: "text",
  status: "text",
  active: "text",
  phone_type: "text",
  fullname: "text",
  protocol: "text",
  local_gmt: "text",
  outbound_cid: "text",
  email: "text",
  template_id: "text",
  phone_context: "text",
  is_webphone: "text",
  user_group: "text",
  peer_status: "text",
  ping_time: "int?",
};

const ALIAS_COLUMNS: Columns<ClusterAlias> = { alias_id: "text", alias_name: "text", logins_list: "text", user_group: "text" };

const CID_GROUP_COLUMNS: Columns<ClusterCidGroup> = {
  cid_group_id: "text",
  cid_group_notes: "text",
  cid_group_type: "text",
  user_group: "text",
  entry_count: "int",
  idle_entry_count: "int",
};

const CID_ENTRY_COLUMNS: Columns<ClusterCidEntry> = {
  campaign_id: "text",
  areacode: "text",
  outbound_cid: "text",
  active: "text",
  cid_description: "text",
  call_count_today: "int",
};

/** Without event_sql: it may hold a password VICIdial just set. */
const ADMIN_LOG_COLUMNS: Columns<ClusterAdminLogEntry> = {
  admin_log_id: "int",
  event_date: "text",
  user: "text",
  ip_address: "text",
  event_section: "text",
  event_type: "text",
  record_id: "text",
  event_code: "text",
  event_notes: "text",
};

const API_LOG_COLUMNS: Columns<ClusterApiLogEntry> = { api_date: "text", user: "text", function: "text", source: "text", result: "text" };

const API_USER_COLUMNS: Columns<ClusterApiUser> = {
  user: "text",
  user_level: "int",
  active: "text",
  api_allowed_functions: "text",
  modify_inbound_dids: "text",
  delete_inbound_dids: "text",
  ast_admin_access: "text",
  ast_delete_phones: "text",
  modify_campaigns: "text",
  view_reports: "text",
  vdc_agent_api_access: "text",
};

/** Where each kind of reference lives, and which of its columns fill id, name, active, user_group, detail. */
interface ReferenceTable {
  table: string;
  id: string;
  /** The id is a number (vicidial_lists.list_id): compared and ordered as one. */
  numericId?: boolean;
  name: string;
  active?: string;
  userGroup?: string;
  detail?: string;
}

const REFERENCE_TABLES: Record<ReferenceKind, ReferenceTable> = {
  in_group: { table: "vicidial_inbound_groups", id: "group_id", name: "group_name", active: "active", userGroup: "user_group" },
  call_menu: { table: "vicidial_call_menu", id: "menu_id", name: "menu_name", userGroup: "user_group" },
  campaign: { table: "vicidial_campaigns", id: "campaign_id", name: "campaign_name", active: "active", userGroup: "user_group" },
  list: { table: "vicidial_lists", id: "list_id", numericId: true, name: "list_name", active: "active", detail: "campaign_id" },
  server: { table: "servers", id: "server_id", name: "server_description", active: "active", detail: "server_ip" },
  template: { table: "vicidial_conf_templates", id: "template_id", name: "template_name" },
  user: { table: "vicidial_users", id: "user", name: "full_name", active: "active", userGroup: "user_group", detail: "user_level" },
};

/** Keys per IN (…) list: far under max_allowed_packet, and a sync asks for at most a page's worth. */
const KEYS_PER_LOOKUP = 500;
/** The API log rows one change's time window can hold are few; this only bounds a runaway window. */
const API_LOG_WINDOW_LIMIT = 1000;

function selectList<T>(columns: Columns<T>, alias?: string): string {
  return Object.keys(columns)
    .map((column) => (alias ? `${alias}.\`${column}\`` : `\`${column}\``))
    .join(", ");
}

function mapRow<T>(columns: Columns<T>, row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [column, kind] of Object.entries(columns) as [string, ColumnKind][]) {
    const value = row[column];
    if (kind === "text") out[column] = value == null ? "" : String(value);
    else if (kind === "bigint") out[column] = value == null ? "" : String(value);
    else if (kind === "int") out[column] = value == null ? 0 : Number(value);
    else out[column] = value == null ? null : Number(value);
  }
  return out as T;
}

function chunks<T>(items: readonly T[]): T[][] {
  const unique = [...new Set(items)];
  const out: T[][] = [];
  for (let i = 0; i < unique.length; i += KEYS_PER_LOOKUP) out.push(unique.slice(i, i + KEYS_PER_LOOKUP));
  return out;
}

/**
 * The cluster reader over VICIdial's own MySQL/MariaDB, through a SELECT-only account. Pages are
 * keyset pages (WHERE key > last ORDER BY key LIMIT n) so every page costs the same however deep
 * the pass; lookups compare as the table's collation does (case-insensitive in VICIdial).
 */
export function createMysqlReader(url: string, options: MysqlOptions = {}): ClusterReader {
  const db = openMysql(url, options);
  const database = parseMysqlUrl(url).database;

  async function rows<T>(columns: Columns<T>, sql: string, params: unknown[]): Promise<T[]> {
    const found = await db.select<Record<string, unknown>>(sql, params);
    return found.map((row) => mapRow(columns, row));
  }

  async function lookup<T, K>(keys: readonly K[], read: (chunk: K[]) => Promise<T[]>): Promise<T[]> {
    const out: T[] = [];
    for (const chunk of chunks(keys)) out.push(...(await read(chunk)));
    return out;
  }

  const didSelect = `SELECT ${selectList(DID_COLUMNS)} FROM vicidial_inbound_dids`;
  const phoneSelect = `SELECT ${selectList(PHONE_COLUMNS)} FROM phones`;
  const aliasSelect = `SELECT ${selectList(ALIAS_COLUMNS)} FROM phones_alias`;
  // Entries counted per group in the same statement: one round trip per page of groups, each
  // count a range read on the entries' (campaign_id, …) unique key.
  const cidGroupSelect =
    "SELECT g.`cid_group_id`, g.`cid_group_notes`, g.`cid_group_type`, g.`user_group`," +
    " (SELECT COUNT(*) FROM vicidial_campaign_cid_areacodes a WHERE a.`campaign_id` = g.`cid_group_id`) AS entry_count," +
    " (SELECT COUNT(*) FROM vicidial_campaign_cid_areacodes a WHERE a.`campaign_id` = g.`cid_group_id` AND COALESCE(a.`call_count_today`, 0) = 0) AS idle_entry_count" +
    " FROM vicidial_cid_groups g";

  return {
    kind: "mysql",

    dids: (afterDidId, limit) => rows(DID_COLUMNS, `${didSelect} WHERE did_id > ? ORDER BY did_id LIMIT ?`, [afterDidId, limit]),
    didsById: (ids) => lookup(ids, (chunk) => rows(DID_COLUMNS, `${didSelect} WHERE did_id IN (?) ORDER BY did_id`, [chunk])),
    didsByPattern: (patterns) => lookup(patterns, (chunk) => rows(DID_COLUMNS, `${didSelect} WHERE did_pattern IN (?) ORDER BY did_id`, [chunk])),

    phones(after: ClusterPhoneKey | null, limit) {
      if (!after) return rows(PHONE_COLUMNS, `${phoneSelect} ORDER BY extension, server_ip LIMIT ?`, [limit]);
      // Spelled out rather than a row comparison, which MariaDB cannot read as a range of the index.
      return rows(PHONE_COLUMNS, `${phoneSelect} WHERE extension > ? OR (extension = ? AND server_ip > ?) ORDER BY extension, server_ip LIMIT ?`, [
        after.extension,
        after.extension,
        after.server_ip,
        limit,
      ]);
    },
    phonesByExtension: (extensions) =>
      lookup(extensions, (chunk) => rows(PHONE_COLUMNS, `${phoneSelect} WHERE extension IN (?) ORDER BY extension, server_ip`, [chunk])),

    aliases: (afterAliasId, limit) => rows(ALIAS_COLUMNS, `${aliasSelect} WHERE alias_id > ? ORDER BY alias_id LIMIT ?`, [afterAliasId, limit]),
    aliasesById: (ids) => lookup(ids, (chunk) => rows(ALIAS_COLUMNS, `${aliasSelect} WHERE alias_id IN (?) ORDER BY alias_id`, [chunk])),

    cidGroups: (afterGroupId, limit) =>
      rows(CID_GROUP_COLUMNS, `${cidGroupSelect} WHERE g.cid_group_id > ? ORDER BY g.cid_group_id LIMIT ?`, [afterGroupId, limit]),
    cidGroupsById: (ids) =>
      lookup(ids, (chunk) => rows(CID_GROUP_COLUMNS, `${cidGroupSelect} WHERE g.cid_group_id IN (?) ORDER BY g.cid_group_id`, [chunk])),
    cidEntries: (groupId) =>
      rows(
        CID_ENTRY_COLUMNS,
        `SELECT ${selectList(CID_ENTRY_COLUMNS)} FROM vicidial_campaign_cid_areacodes WHERE campaign_id = ? ORDER BY areacode, outbound_cid`,
        [groupId],
      ),

    async references(kind, afterId, limit) {
      const ref = REFERENCE_TABLES[kind];
      const column = (name: string | undefined) => (name ? `\`${name}\`` : "NULL");
      const after = afterId === "" ? "" : ref.numericId ? `WHERE \`${ref.id}\` > CAST(? AS UNSIGNED)` : `WHERE \`${ref.id}\` > ?`;
      const sql =
        `SELECT \`${ref.id}\` AS id, ${column(ref.name)} AS name, ${column(ref.active)} AS active,` +
        ` ${column(ref.userGroup)} AS user_group, ${column(ref.detail)} AS detail FROM ${ref.table} ${after} ORDER BY \`${ref.id}\` LIMIT ?`;
      const found = await db.select<Record<string, unknown>>(sql, afterId === "" ? [limit] : [afterId, limit]);
      return found.map(
        (row): ClusterReference => ({
          kind,
          id: String(row.id),
          name: row.name == null ? "" : String(row.name),
          active: ref.active ? (row.active == null ? "" : String(row.active)) : null,
          user_group: ref.userGroup ? (row.user_group == null ? "" : String(row.user_group)) : null,
          detail: ref.detail ? (row.detail == null ? "" : String(row.detail)) : null,
        }),
      );
    },

    adminLogAfter: (afterId, limit) =>
      rows(
        ADMIN_LOG_COLUMNS,
        `SELECT ${selectList(ADMIN_LOG_COLUMNS)} FROM vicidial_admin_log WHERE admin_log_id > ? ORDER BY admin_log_id LIMIT ?`,
        [afterId, limit],
      ),
    async adminLogHead() {
      const [row] = await db.select<{ head: unknown }>("SELECT COALESCE(MAX(admin_log_id), 0) AS head FROM vicidial_admin_log");
      return Number(row?.head ?? 0);
    },
    apiLogBetween: (user, from, to) =>
      rows(
        API_LOG_COLUMNS,
        `SELECT ${selectList(API_LOG_COLUMNS)} FROM vicidial_api_log WHERE user = ? AND api_date BETWEEN ? AND ? ORDER BY api_date, api_id LIMIT ${API_LOG_WINDOW_LIMIT}`,
        [user, from, to],
      ),

    async apiUser(user) {
      const [found] = await rows(API_USER_COLUMNS, `SELECT ${selectList(API_USER_COLUMNS)} FROM vicidial_users WHERE user = ? LIMIT 1`, [user]);
      return found ?? null;
    },

    async canWrite() {
      const grants = await db.select<Record<string, string>>("SHOW GRANTS");
      return canWriteFromGrants(
        grants.map((row) => String(Object.values(row)[0])),
        database,
      );
    },

    close: () => db.close(),
  };
}
