import { sql } from "drizzle-orm";
import { nullableSortKeys } from "../paging";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The dashboard's own record of the VICIdial objects it knows. VICIdial's API cannot list them,
 * so rows change only after VICIdial confirmed the change. No password is ever stored here.
 */
const changed = {
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by").notNull(),
};

/** How a row came to be known and how much of it is known (cluster sync, "add existing"). */
const known = {
  /** dashboard: made or changed here; cluster: read from VICIdial's database; existing: added by hand, confirmed to exist. */
  origin: text("origin").notNull().default("dashboard"),
  /** False for an "add existing" row: its settings are unknown until someone edits it. */
  settingsKnown: boolean("settings_known").notNull().default(true),
  /** The last full cluster pass that wrote the row; minus that number once a pass found it missing from its page (removed after the pass if VICIdial confirms it gone); null when no pass has. */
  seenPass: integer("seen_pass"),
};

export const dids = pgTable(
  "dids",
  {
    didPattern: text("did_pattern").primaryKey(),
    didId: integer("did_id"),
    description: text("description"),
    active: text("active"),
    route: text("route"),
    extension: text("extension"),
    extenContext: text("exten_context"),
    voicemailExt: text("voicemail_ext"),
    phoneExtension: text("phone_extension"),
    serverIp: text("server_ip"),
    groupId: text("group_id"),
    menuId: text("menu_id"),
    recordCall: text("record_call"),
    filterCleanCidNumber: text("filter_clean_cid_number"),
    callHandleMethod: text("call_handle_method"),
    agentSearchMethod: text("agent_search_method"),
    listId: text("list_id"),
    entryListId: text("entry_list_id"),
    campaignId: text("campaign_id"),
    phoneCode: text("phone_code"),
    /** AGENT route: the VICIdial user. */
    agentUser: text("agent_user"),
    userGroup: text("user_group"),
    ...changed,
    ...known,
    /** What the route points at, so lists sort by it on an index (the fields of ROUTE_FIELDS[route].target in lib/dids/schemas.ts). */
    target: text("target").generatedAlwaysAs(
      sql`case route when 'EXTEN' then extension when 'VOICEMAIL' then voicemail_ext when 'VMAIL_NO_INST' then voicemail_ext when 'PHONE' then phone_extension when 'IN_GROUP' then group_id when 'CALLMENU' then menu_id end`,
    ),
    /** Pattern and description in lower case: the list's search scans this one column (measured: 5x faster than two ILIKEs). */
    searchText: text("search_text").generatedAlwaysAs(sql`lower(did_pattern || ' ' || coalesce(description, ''))`),
  },
  // Every sort's keys (DID_SORT_KEYS in lib/dids/inventory.ts: a nullable column as `is null` and
  // its coalesced value) with the pattern as tie-breaker, so any keyset page is an index walk.
  (t) => [
    index("dids_route_idx").on(...nullableSortKeys(t.route), t.didPattern),
    index("dids_updated_at_idx").on(t.updatedAt, t.didPattern),
    // Also carries description, route, active and search_text (INCLUDE, which Drizzle cannot
    // state): migration 0009 rebuilds it so a search by description is an index-only walk.
    index("dids_description_idx").on(...nullableSortKeys(t.description), t.didPattern),
    index("dids_target_idx").on(...nullableSortKeys(t.target), t.didPattern),
    index("dids_active_idx").on(...nullableSortKeys(t.active), t.didPattern),
    index("dids_record_call_idx").on(...nullableSortKeys(t.recordCall), t.didPattern),
    index("dids_updated_by_idx").on(t.updatedBy, t.didPattern),
    // The search (a substring of search_text) on trigrams: pg_trgm, created by the migration.
    index("dids_search_text_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    // VICIdial names DIDs by did_id (its admin log, the sync's pages).
    index("dids_did_id_idx").on(t.didId),
  ],
);

export const phones = pgTable(
  "phones",
  {
    serverIp: text("server_ip").notNull(),
    extension: text("extension").notNull(),
    login: text("login").notNull(),
    protocol: text("protocol").notNull(),
    fullName: text("full_name"),
    voicemailId: text("voicemail_id"),
    dialplanNumber: text("dialplan_number"),
    outboundCid: text("outbound_cid"),
    localGmt: text("local_gmt"),
    phoneContext: text("phone_context"),
    email: text("email"),
    adminUserGroup: text("admin_user_group"),
    isWebphone: text("is_webphone"),
    webphoneAutoAnswer: text("webphone_auto_answer"),
    useExternalServerIp: text("use_external_server_ip"),
    templateId: text("template_id"),
    onHookAgent: text("on_hook_agent"),
    active: text("active"),
    status: text("status"),
    phoneType: text("phone_type"),
    userGroup: text("user_group"),
    /** SIP registration as VICIdial last saw it (UNKNOWN, REGISTERED, UNREGISTERED, REACHABLE, LAGGED, UNREACHABLE). */
    peerStatus: text("peer_status"),
    pingTime: integer("ping_time"),
    ...changed,
    ...known,
  },
  // Every sort's keys (PHONE_SORT_KEYS in lib/phones/inventory.ts) with the phone's key as
  // tie-breaker, so any keyset page is an index walk; the primary key serves the server sort.
  (t) => [
    primaryKey({ columns: [t.serverIp, t.extension] }),
    index("phones_extension_idx").on(t.extension, t.serverIp),
    index("phones_login_idx").on(t.login, t.extension, t.serverIp),
    index("phones_protocol_idx").on(t.protocol, t.extension, t.serverIp),
    index("phones_full_name_idx").on(...nullableSortKeys(t.fullName), t.extension, t.serverIp),
    index("phones_voicemail_id_idx").on(...nullableSortKeys(t.voicemailId), t.extension, t.serverIp),
    index("phones_outbound_cid_idx").on(...nullableSortKeys(t.outboundCid), t.extension, t.serverIp),
    index("phones_active_idx").on(...nullableSortKeys(t.active), t.extension, t.serverIp),
    index("phones_updated_at_idx").on(t.updatedAt, t.extension, t.serverIp),
    index("phones_peer_status_idx").on(t.peerStatus),
  ],
);

export const phoneAliases = pgTable(
  "phone_aliases",
  {
    aliasId: text("alias_id").primaryKey(),
    aliasName: text("alias_name").notNull(),
    /** Comma-joined, in the order VICIdial keeps them. */
    phoneLogins: text("phone_logins").notNull(),
    userGroup: text("user_group"),
    ...changed,
    ...known,
  },
  // Every sort's keys (ALIAS_SORT_KEYS in lib/aliases/inventory.ts), the ID as tie-breaker.
  (t) => [
    index("phone_aliases_alias_name_idx").on(t.aliasName, t.aliasId),
    index("phone_aliases_phone_logins_idx").on(t.phoneLogins, t.aliasId),
    index("phone_aliases_updated_at_idx").on(t.updatedAt, t.aliasId),
  ],
);

export const cidGroups = pgTable("cid_groups", {
  id: text("id").primaryKey(),
  /** From the last INFO read; null until one succeeded. */
  entryCount: integer("entry_count"),
  /** Entries with no call today at that read (VICIdial's calls-today count): candidates to retire. */
  idleEntryCount: integer("idle_entry_count"),
  lastReadAt: timestamp("last_read_at", { withTimezone: true }),
  notes: text("notes"),
  groupType: text("group_type"),
  userGroup: text("user_group"),
  ...changed,
  ...known,
});
