// The fixture state described in ../shared/vicidial-transcripts/README.md ("The server's
// state before the first case"), so that a recorded request gets the recorded answer.
import type { Did, Flag, Phone, SimulatorState, User, YesNo } from "./state";

const SERVER_IP = "10.10.10.15";
/** vicidial_users.last_login_date default: long ago, so no seed user starts locked. */
const NEVER = "2001-01-01T00:00:01.000Z";
const ALL_FUNCTIONS = " ALL_FUNCTIONS ";

interface Rights {
  api: Flag;
  adminPhones: Flag;
  deletePhones: Flag;
  modifyDids: Flag;
  deleteDids: Flag;
  campaigns: Flag;
  reports: Flag;
}

const ALL_RIGHTS: Rights = {
  api: "1",
  adminPhones: "1",
  deletePhones: "1",
  modifyDids: "1",
  deleteDids: "1",
  campaigns: "1",
  reports: "1",
};
const NO_RIGHTS: Rights = {
  api: "1",
  adminPhones: "0",
  deletePhones: "0",
  modifyDids: "0",
  deleteDids: "0",
  campaigns: "0",
  reports: "0",
};

function apiUser(
  user: string,
  level: number,
  active: YesNo,
  rights: Rights,
  allowedFunctions = ALL_FUNCTIONS,
): User {
  return {
    user,
    pass: "1234",
    full_name: `API user ${user}`,
    user_level: level,
    user_group: "ADMIN",
    active,
    vdc_agent_api_access: rights.api,
    ast_admin_access: rights.adminPhones,
    ast_delete_phones: rights.deletePhones,
    modify_inbound_dids: rights.modifyDids,
    delete_inbound_dids: rights.deleteDids,
    modify_campaigns: rights.campaigns,
    view_reports: rights.reports,
    api_allowed_functions: allowedFunctions,
    ignore_ip_list: "0",
    failed_login_count: 0,
    last_login_date: NEVER,
    last_ip: "",
    failed_login_attempts_today: 0,
    failed_login_count_today: 0,
    failed_last_ip_today: "",
    failed_last_type_today: "",
  };
}

/** A DID row with the vicidial_inbound_dids column defaults (contract 2.6). */
export function didWithDefaults(did_id: number, did_pattern: string): Did {
  return {
    did_id,
    did_pattern,
    did_description: "",
    did_active: "Y",
    did_route: "EXTEN",
    extension: "9998811112",
    exten_context: "default",
    voicemail_ext: "",
    phone: "",
    server_ip: "",
    user: "",
    user_unavailable_action: "VOICEMAIL",
    user_route_settings_ingroup: "AGENTDIRECT",
    group_id: "",
    menu_id: "",
    record_call: "N",
    filter_inbound_number: "DISABLED",
    filter_phone_group_id: "",
    filter_action: "EXTEN",
    filter_clean_cid_number: "",
    call_handle_method: "CID",
    agent_search_method: "LB",
    list_id: 999,
    entry_list_id: 0,
    campaign_id: "",
    phone_code: "1",
    user_group: "---ALL---",
    custom_one: "",
    custom_two: "",
    custom_three: "",
    custom_four: "",
    custom_five: "",
  };
}

/** A phones row with the column defaults add_phone relies on (contract 2.2). */
export function phoneWithDefaults(extension: string, server_ip: string): Phone {
  return {
    extension,
    dialplan_number: "",
    voicemail_id: "",
    login: "",
    pass: "",
    server_ip,
    protocol: "SIP",
    conf_secret: "",
    fullname: "",
    local_gmt: "-5.00",
    outbound_cid: "",
    outbound_alt_cid: "",
    phone_context: "default",
    user_group: "---ALL---",
    email: "",
    template_id: "",
    active: "Y",
    status: "ACTIVE",
    is_webphone: "N",
    webphone_auto_answer: "Y",
    use_external_server_ip: "N",
    on_hook_agent: "N",
    phone_ring_timeout: 60,
    delete_vm_after_email: "N",
    install_directory: "",
    phone_type: "",
    // Column defaults: nothing is known about the registration until Asterisk reports it.
    peer_status: "UNKNOWN",
    ping_time: null,
  };
}

function seedPhone(
  extension: string,
  protocol: string,
  fullname: string,
  number: string,
  sip: Pick<Phone, "peer_status" | "ping_time">,
): Phone {
  return {
    ...phoneWithDefaults(extension, SERVER_IP),
    ...sip,
    dialplan_number: number,
    voicemail_id: number,
    login: extension,
    pass: "test",
    protocol,
    conf_secret: "test",
    fullname,
  };
}

export function createSeedState(): SimulatorState {
  return {
    systemSettings: {
      use_non_latin: 0,
      allow_web_debug: 0,
      pass_hash_enabled: 0,
      allow_ip_lists: 0,
      system_ip_blacklist: "",
    },
    servers: [
      {
        server_id: "TESTast",
        server_description: "Test Asterisk server",
        server_ip: SERVER_IP,
        active: "Y",
        local_gmt: "-5.00",
        active_asterisk_server: "Y",
        generate_vicidial_conf: "Y",
        rebuild_conf_files: "N",
      },
    ],
    users: [
      apiUser("6666", 9, "Y", ALL_RIGHTS),
      apiUser("7777", 7, "Y", NO_RIGHTS),
      apiUser("5555", 9, "Y", { ...ALL_RIGHTS, api: "0" }),
      apiUser("8888", 9, "Y", ALL_RIGHTS, " version add_did callid_info "),
      apiUser("6002", 8, "Y", { ...ALL_RIGHTS, deletePhones: "0", deleteDids: "0" }),
      apiUser("4444", 1, "Y", NO_RIGHTS),
      apiUser("6003", 9, "N", { ...NO_RIGHTS, adminPhones: "1", modifyDids: "1", deleteDids: "1", reports: "1" }),
      // Not in the README table: the user the lockout transcript was recorded with.
      apiUser("6001", 9, "Y", ALL_RIGHTS),
    ],
    userGroups: [
      {
        user_group: "ADMIN",
        group_name: "VICIDIAL ADMINISTRATORS",
        admin_viewable_groups: " ---ALL--- ",
        allowed_campaigns: " -ALL-CAMPAIGNS- - ",
        api_ip_list: "",
      },
    ],
    ipLists: [],
    confTemplates: [
      { template_id: "SIP_generic", template_name: "Generic SIP template" },
      { template_id: "IAX_generic", template_name: "Generic IAX template" },
    ],
    campaigns: [{ campaign_id: "TESTCAMP", campaign_name: "Test campaign", active: "Y", user_group: "---ALL---" }],
    lists: [
      { list_id: 998, list_name: "Test list 998", campaign_id: "TESTCAMP", active: "Y" },
      { list_id: 999, list_name: "Test list 999", campaign_id: "TESTCAMP", active: "Y" },
    ],
    inboundGroups: [{ group_id: "TEST_IN", group_name: "Test inbound group", active: "Y", user_group: "---ALL---" }],
    callMenus: [{ menu_id: "TESTMENU", menu_name: "Test call menu", user_group: "---ALL---" }],
    dids: [
      { ...didWithDefaults(1, "default"), did_description: "Default DID" },
      {
        ...didWithDefaults(2, "7275550100"),
        did_description: "Seed DID routed to TEST_IN",
        did_route: "IN_GROUP",
        group_id: "TEST_IN",
        server_ip: SERVER_IP,
      },
      {
        ...didWithDefaults(3, "3125550000"),
        did_description: "Seed DID for updates",
        extension: "8300",
        exten_context: "default",
      },
    ],
    nextDidId: 4,
    phones: [
      seedPhone("gs102", "SIP", "Test Admin Phone", "102", { peer_status: "REGISTERED", ping_time: 14 }),
      seedPhone("callin", "EXTERNAL", "Dial-in Agent Phone", "8300", { peer_status: "UNKNOWN", ping_time: null }),
      seedPhone("1001", "SIP", "Seed Phone 1001", "1001", { peer_status: "REACHABLE", ping_time: 38 }),
      seedPhone("1002", "SIP", "Seed Phone 1002", "1002", { peer_status: "UNREACHABLE", ping_time: null }),
    ],
    phoneAliases: [{ alias_id: "SEEDALIAS", alias_name: "Seed alias", logins_list: "gs102,1001", user_group: "---ALL---" }],
    cidGroups: [
      { cid_group_id: "US_SALES", cid_group_notes: "", cid_group_type: "AREACODE", user_group: "---ALL---" },
      { cid_group_id: "EMPTY_GRP", cid_group_notes: "", cid_group_type: "AREACODE", user_group: "---ALL---" },
    ],
    cidGroupEntries: [
      { campaign_id: "US_SALES", areacode: "727", outbound_cid: "7275551001", active: "Y", cid_description: "Tampa main", call_count_today: 3 },
      { campaign_id: "US_SALES", areacode: "727", outbound_cid: "7275551002", active: "", cid_description: "Tampa backup", call_count_today: 0 },
      { campaign_id: "US_SALES", areacode: "813", outbound_cid: "8135552001", active: "Y", cid_description: "Tampa 813", call_count_today: 12 },
    ],
    calls: {
      logExtended: [
        { uniqueid: "1731683700.101", server_ip: SERVER_IP, call_date: "2024-11-15 10:15:00", lead_id: 101, caller_code: "M2151015000000012345" },
        { uniqueid: "1731683760.102", server_ip: SERVER_IP, call_date: "2024-11-15 10:16:00", lead_id: 102, caller_code: "Y1115101600000012346" },
        { uniqueid: "1731683820.103", server_ip: SERVER_IP, call_date: "2024-11-15 10:17:00", lead_id: 103, caller_code: "V1115101700000012347" },
        { uniqueid: "1731685800.199", server_ip: SERVER_IP, call_date: "2024-11-15 10:50:00", lead_id: 199, caller_code: "M1115105000000012399" },
      ],
      closerLog: [
        { uniqueid: "1731683760.102", lead_id: 102, call_date: "2024-11-15 10:16:00", phone_number: "8135559876", user: "6666", status: "NI", list_id: 999, campaign_id: "TEST_IN" },
      ],
      outboundLog: [
        { uniqueid: "1731683700.101", lead_id: 101, call_date: "2024-11-15 10:15:00", phone_number: "7275551234", user: "6666", status: "SALE", list_id: 998, campaign_id: "TESTCAMP" },
        { uniqueid: "1731683820.103", lead_id: 103, call_date: "2024-11-15 10:17:00", phone_number: "3125554321", user: "VDAD", status: "NA", list_id: 998, campaign_id: "TESTCAMP" },
      ],
      agentLog: [
        { agent_log_id: 1, user: "6666", uniqueid: "1731683700.101", lead_id: 101, talk_sec: 95, dead_sec: 5 },
        { agent_log_id: 2, user: "6666", uniqueid: "1731683760.102", lead_id: 102, talk_sec: 215, dead_sec: 0 },
      ],
    },
    adminLog: [],
    nextAdminLogId: 1,
    apiLog: [],
  };
}
