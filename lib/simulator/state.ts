// The simulator's data model: the VICIdial tables the ten API functions read and write.
// Row fields keep VICIdial's column names so that a test can be read against the schema
// (extras/MySQL_AST_CREATE_tables.sql) and the contract (vicidial-api.md) side by side.
// Everything here is plain JSON so the whole state can be persisted to a state file.

/** ENUM('0','1') rights columns of vicidial_users. */
export type Flag = "0" | "1";
export type YesNo = "Y" | "N";

/** system_settings (the columns the API reads). */
export interface SystemSettings {
  use_non_latin: number;
  allow_web_debug: number;
  pass_hash_enabled: number;
  allow_ip_lists: number;
  /** ip_list_id of the system-wide blacklist, "" for none. */
  system_ip_blacklist: string;
}

/** servers */
export interface Server {
  server_id: string;
  server_description: string;
  server_ip: string;
  active: YesNo;
  local_gmt: string;
  active_asterisk_server: YesNo;
  generate_vicidial_conf: YesNo;
  rebuild_conf_files: YesNo;
}

/** vicidial_users */
export interface User {
  user: string;
  pass: string;
  full_name: string;
  user_level: number;
  user_group: string;
  active: YesNo;
  vdc_agent_api_access: Flag;
  ast_admin_access: Flag;
  ast_delete_phones: Flag;
  modify_inbound_dids: Flag;
  delete_inbound_dids: Flag;
  modify_campaigns: Flag;
  view_reports: Flag;
  /** Space-delimited, as admin.php writes it: " add_phone update_did " (contract 1.5). */
  api_allowed_functions: string;
  ignore_ip_list: Flag;
  failed_login_count: number;
  /** ISO-8601 instant of the last successful login or counter reset (contract 1.4). */
  last_login_date: string;
  last_ip: string;
  failed_login_attempts_today: number;
  failed_login_count_today: number;
  failed_last_ip_today: string;
  failed_last_type_today: string;
}

/** vicidial_user_groups */
export interface UserGroup {
  user_group: string;
  group_name: string;
  /** " ---ALL--- " or " GROUP1 GROUP2 -" (contract 1.5). */
  admin_viewable_groups: string;
  /** " -ALL-CAMPAIGNS- - " or " CAMP1 CAMP2 -". */
  allowed_campaigns: string;
  /** ip_list_id checked for API logins, "" for none (contract 1.4.4). */
  api_ip_list: string;
}

/** vicidial_ip_lists with its vicidial_ip_list_entries folded in. */
export interface IpList {
  ip_list_id: string;
  entries: string[];
}

/** vicidial_conf_templates */
export interface ConfTemplate {
  template_id: string;
  template_name: string;
}

/** vicidial_campaigns */
export interface Campaign {
  campaign_id: string;
  campaign_name: string;
  active: YesNo;
  /** Admin visibility; default ---ALL---. */
  user_group: string;
}

/** vicidial_lists */
export interface List {
  list_id: number;
  list_name: string;
  campaign_id: string;
  active: YesNo;
}

/** vicidial_inbound_groups */
export interface InboundGroup {
  group_id: string;
  group_name: string;
  active: YesNo;
  user_group: string;
}

/** vicidial_call_menu */
export interface CallMenu {
  menu_id: string;
  menu_name: string;
  user_group: string;
}

/** vicidial_inbound_dids */
export interface Did {
  did_id: number;
  did_pattern: string;
  did_description: string;
  did_active: YesNo;
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
  menu_id: string;
  record_call: string;
  filter_inbound_number: string;
  filter_phone_group_id: string;
  filter_action: string;
  filter_clean_cid_number: string;
  call_handle_method: string;
  /** ENUM('LO','LB','SO'); any other 2-character value is stored as "" (non-strict MySQL). */
  agent_search_method: string;
  /** BIGINT UNSIGNED. */
  list_id: number;
  /** BIGINT UNSIGNED. */
  entry_list_id: number;
  campaign_id: string;
  phone_code: string;
  user_group: string;
  custom_one: string;
  custom_two: string;
  custom_three: string;
  custom_four: string;
  custom_five: string;
}

/** phones */
export interface Phone {
  extension: string;
  dialplan_number: string;
  voicemail_id: string;
  login: string;
  pass: string;
  server_ip: string;
  protocol: string;
  conf_secret: string;
  fullname: string;
  local_gmt: string;
  outbound_cid: string;
  outbound_alt_cid: string;
  phone_context: string;
  user_group: string;
  email: string;
  template_id: string;
  active: YesNo;
  status: string;
  is_webphone: string;
  webphone_auto_answer: string;
  use_external_server_ip: string;
  on_hook_agent: string;
  phone_ring_timeout: number;
  delete_vm_after_email: string;
  install_directory: string;
  /** Free text set in admin.php; the API never writes it. */
  phone_type: string;
  /** ENUM('UNKNOWN','REGISTERED','UNREGISTERED','REACHABLE','LAGGED','UNREACHABLE'): live SIP registration. */
  peer_status: string;
  /** SMALLINT milliseconds, null when unknown. */
  ping_time: number | null;
}

/** phones_alias */
export interface PhoneAlias {
  alias_id: string;
  alias_name: string;
  logins_list: string;
  user_group: string;
}

/** vicidial_cid_groups */
export interface CidGroup {
  cid_group_id: string;
  cid_group_notes: string;
  cid_group_type: string;
  user_group: string;
}

/** vicidial_campaign_cid_areacodes: campaign_id holds a CID group id or a campaign id. */
export interface CidGroupEntry {
  campaign_id: string;
  areacode: string;
  outbound_cid: string;
  /** "Y" or "" (an entry stored inactive); INFO prints "" as N (contract 2.9). */
  active: string;
  cid_description: string;
  call_count_today: number;
}

/** vicidial_log_extended */
export interface LogExtendedRow {
  uniqueid: string;
  server_ip: string;
  call_date: string;
  /** null models a row whose lead_id is empty (contract 2.10: PHP fatal error). */
  lead_id: number | null;
  caller_code: string;
}

/** vicidial_log (outbound) and vicidial_closer_log (inbound) share the columns the API reads. */
export interface CallLogRow {
  uniqueid: string;
  lead_id: number;
  call_date: string;
  phone_number: string;
  user: string;
  status: string;
  list_id: number;
  campaign_id: string;
  /** The QA workspace's columns (lib/simulator/calls); absent on rows only callid_info reads. */
  closecallid?: number;
  start_epoch?: number | null;
  end_epoch?: number | null;
  length_in_sec?: number | null;
  phone_code?: string;
  user_group?: string;
  term_reason?: string;
  queue_seconds?: number | null;
}

/** vicidial_agent_log */
export interface AgentLogRow {
  agent_log_id: number;
  user: string;
  uniqueid: string;
  lead_id: number;
  talk_sec: number;
  dead_sec: number;
}

export interface CallRecords {
  logExtended: LogExtendedRow[];
  closerLog: CallLogRow[];
  /** vicidial_log */
  outboundLog: CallLogRow[];
  agentLog: AgentLogRow[];
  /** The QA workspace's tables (lib/simulator/calls/tables.ts); absent in older state files. */
  leads?: LeadRow[];
  recordings?: RecordingLogRow[];
  recordingsArchive?: RecordingLogRow[];
  statuses?: StatusRow[];
  campaignStatuses?: CampaignStatusRow[];
}

/** vicidial_list (leads), the columns QA reads. */
export interface LeadRow {
  lead_id: number;
  list_id: number;
  first_name: string;
  last_name: string;
  phone_number: string;
}

/** recording_log and recording_log_archive */
export interface RecordingLogRow {
  recording_id: number;
  start_time: string;
  end_time: string | null;
  length_in_sec: number | null;
  filename: string;
  /** The audio's URL once processed; a path starting with / is served by the simulator itself. */
  location: string;
  lead_id: number | null;
  user: string;
  vicidial_id: string;
  server_ip: string;
}

/** vicidial_statuses */
export interface StatusRow {
  status: string;
  status_name: string;
}

/** vicidial_campaign_statuses */
export interface CampaignStatusRow {
  status: string;
  status_name: string;
  campaign_id: string;
}

/** vicidial_admin_log (data changes, contract 1.7). */
export interface AdminLogRow {
  /** AUTO_INCREMENT: readers follow the log forward from the last id they saw. */
  admin_log_id: number;
  event_date: string;
  user: string;
  ip_address: string;
  event_section: string;
  event_type: string;
  record_id: string;
  event_code: string;
  event_notes: string;
}

/** vicidial_api_log (every function outcome after authentication, and version). */
export interface ApiLogRow {
  api_date: string;
  user: string;
  function: string;
  source: string;
  /** SUCCESS, ERROR, NOTICE, VERSION, or "" when the body has no such prefix. */
  result: string;
}

export interface SimulatorState {
  systemSettings: SystemSettings;
  servers: Server[];
  users: User[];
  userGroups: UserGroup[];
  ipLists: IpList[];
  confTemplates: ConfTemplate[];
  campaigns: Campaign[];
  lists: List[];
  inboundGroups: InboundGroup[];
  callMenus: CallMenu[];
  dids: Did[];
  /** AUTO_INCREMENT of vicidial_inbound_dids.did_id. */
  nextDidId: number;
  phones: Phone[];
  phoneAliases: PhoneAlias[];
  cidGroups: CidGroup[];
  cidGroupEntries: CidGroupEntry[];
  calls: CallRecords;
  adminLog: AdminLogRow[];
  /** AUTO_INCREMENT of vicidial_admin_log.admin_log_id (rows are capped, ids never reused). */
  nextAdminLogId: number;
  apiLog: ApiLogRow[];
}

/** Keeps the two log tables from growing without bound in a long-running demo. */
export const LOG_ROWS_KEPT = 1000;
