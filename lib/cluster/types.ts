// What the dashboard reads from VICIdial's own database (../shared/vicidial-db.md), one row type
// per table, in VICIdial's column names. Only the columns named here are ever selected: the
// secret columns (phones.pass, conf_secret, vicidial_users.pass, …) have no field to land in.
// One reader interface, two implementations: MySQL/MariaDB (lib/cluster/mysql-reader.ts) and
// the built-in simulator (lib/cluster/simulator-reader.ts, over HTTP to its own state).

/** vicidial_inbound_dids: the columns the API can change, plus what the lists show. */
export interface ClusterDid {
  did_id: number;
  did_pattern: string;
  did_description: string;
  did_active: string;
  did_route: string;
  extension: string;
  exten_context: string;
  voicemail_ext: string;
  phone: string;
  server_ip: string;
  user: string;
  user_unavailable_action: string;
  user_route_settings_ingroup: string;
  group_id: string;
  call_handle_method: string;
  agent_search_method: string;
  /** BIGINT UNSIGNED, as a decimal string (it may exceed 2^53). */
  list_id: string;
  campaign_id: string;
  phone_code: string;
  menu_id: string;
  record_call: string;
  filter_clean_cid_number: string;
  user_group: string;
}

/** phones, without any password column. Key: (extension, server_ip). */
export interface ClusterPhone {
  extension: string;
  dialplan_number: string;
  voicemail_id: string;
  server_ip: string;
  login: string;
  status: string;
  active: string;
  phone_type: string;
  fullname: string;
  protocol: string;
  local_gmt: string;
  outbound_cid: string;
  email: string;
  template_id: string;
  phone_context: string;
  is_webphone: string;
  user_group: string;
  /** Live SIP registration as VICIdial last saw it. */
  peer_status: string;
  /** Milliseconds; null when unknown. */
  ping_time: number | null;
}

export interface ClusterPhoneKey {
  extension: string;
  server_ip: string;
}

/** phones_alias */
export interface ClusterAlias {
  alias_id: string;
  alias_name: string;
  /** Comma-separated phone logins, order kept. */
  logins_list: string;
  user_group: string;
}

/** vicidial_cid_groups, with its entries counted (vicidial_campaign_cid_areacodes). */
export interface ClusterCidGroup {
  cid_group_id: string;
  cid_group_notes: string;
  cid_group_type: string;
  user_group: string;
  entry_count: number;
  /** Entries with call_count_today = 0. */
  idle_entry_count: number;
}

/** vicidial_campaign_cid_areacodes */
export interface ClusterCidEntry {
  campaign_id: string;
  areacode: string;
  outbound_cid: string;
  /** "" is shown as N. */
  active: string;
  cid_description: string;
  call_count_today: number;
}

/** The reference tables the pickers offer, with the one name a person recognises them by. */
export const REFERENCE_KINDS = ["in_group", "call_menu", "campaign", "list", "server", "template", "user"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/**
 * One reference record. `detail` carries the one extra fact each kind needs:
 * list → its campaign_id, server → its server_ip, user → its user_level.
 */
export interface ClusterReference {
  kind: ReferenceKind;
  id: string;
  name: string;
  /** Y or N where the table has an active column, else null. */
  active: string | null;
  user_group: string | null;
  detail: string | null;
}

/** vicidial_admin_log, without event_sql (it may hold a password VICIdial just set). */
export interface ClusterAdminLogEntry {
  admin_log_id: number;
  /** As stored: "YYYY-MM-DD HH:MM:SS", VICIdial server time. */
  event_date: string;
  user: string;
  ip_address: string;
  event_section: string;
  event_type: string;
  record_id: string;
  event_code: string;
  event_notes: string;
}

/** vicidial_api_log: the `source` a change came with. */
export interface ClusterApiLogEntry {
  api_date: string;
  user: string;
  function: string;
  source: string;
  result: string;
}

/** The API user's rights from vicidial_users (never its password). */
export interface ClusterApiUser {
  user: string;
  user_level: number;
  active: string;
  api_allowed_functions: string;
  modify_inbound_dids: string;
  delete_inbound_dids: string;
  ast_admin_access: string;
  ast_delete_phones: string;
  modify_campaigns: string;
  view_reports: string;
  vdc_agent_api_access: string;
}

/**
 * Reads of VICIdial's database. Every page is ordered by the table's key and starts strictly
 * after the key given, so a pass streams any table in pages of bounded size. Lookups by key
 * compare without regard to case, as VICIdial's collation does. Nothing here ever writes.
 */
export interface ClusterReader {
  readonly kind: "mysql" | "simulator";

  dids(afterDidId: number, limit: number): Promise<ClusterDid[]>;
  didsById(didIds: readonly number[]): Promise<ClusterDid[]>;
  didsByPattern(patterns: readonly string[]): Promise<ClusterDid[]>;

  phones(after: ClusterPhoneKey | null, limit: number): Promise<ClusterPhone[]>;
  /** Every phone with one of these extensions, on any server. */
  phonesByExtension(extensions: readonly string[]): Promise<ClusterPhone[]>;

  aliases(afterAliasId: string, limit: number): Promise<ClusterAlias[]>;
  aliasesById(aliasIds: readonly string[]): Promise<ClusterAlias[]>;

  cidGroups(afterGroupId: string, limit: number): Promise<ClusterCidGroup[]>;
  cidGroupsById(groupIds: readonly string[]): Promise<ClusterCidGroup[]>;
  cidEntries(groupId: string): Promise<ClusterCidEntry[]>;

  /** One reference table in pages by id (users can number in the thousands). */
  references(kind: ReferenceKind, afterId: string, limit: number): Promise<ClusterReference[]>;

  /** vicidial_admin_log forward from an id, oldest first. */
  adminLogAfter(afterAdminLogId: number, limit: number): Promise<ClusterAdminLogEntry[]>;
  /** The highest admin_log_id now (0 for an empty log): where a first pass starts reading from. */
  adminLogHead(): Promise<number>;
  /** API log rows of one user within [from, to] (VICIdial server time, inclusive). */
  apiLogBetween(user: string, from: string, to: string): Promise<ClusterApiLogEntry[]>;

  apiUser(user: string): Promise<ClusterApiUser | null>;
  /** Whether the account can do anything but read (SHOW GRANTS): the overview warns when it can. */
  canWrite(): Promise<boolean>;

  close(): Promise<void>;
}
