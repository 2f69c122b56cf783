// The simulator's answer to the dashboard's reads of VICIdial's database (../shared/vicidial-db.md):
// the same rows, order, keyset pages and case-insensitive matching a SELECT on MariaDB gives
// under VICIdial's collation, over the simulator's own state. Every row is built column by
// column, so a secret (phones.pass, conf_secret, vicidial_users.pass) has nowhere to land.
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
} from "@/lib/cluster/types";
import { collate, sameKey } from "./mysql";
import type { CidGroup, Did, Phone, PhoneAlias, SimulatorState } from "./state";

function didRow(d: Did): ClusterDid {
  return {
    did_id: d.did_id,
    did_pattern: d.did_pattern,
    did_description: d.did_description,
    did_active: d.did_active,
    did_route: d.did_route,
    extension: d.extension,
    exten_context: d.exten_context,
    voicemail_ext: d.voicemail_ext,
    phone: d.phone,
    server_ip: d.server_ip,
    user: d.user,
    user_unavailable_action: d.user_unavailable_action,
    user_route_settings_ingroup: d.user_route_settings_ingroup,
    group_id: d.group_id,
    call_handle_method: d.call_handle_method,
    agent_search_method: d.agent_search_method,
    list_id: String(d.list_id),
    campaign_id: d.campaign_id,
    phone_code: d.phone_code,
    menu_id: d.menu_id,
    record_call: d.record_call,
    filter_clean_cid_number: d.filter_clean_cid_number,
    user_group: d.user_group,
  };
}

function phoneRow(p: Phone): ClusterPhone {
  return {
    extension: p.extension,
    dialplan_number: p.dialplan_number,
    voicemail_id: p.voicemail_id,
    server_ip: p.server_ip,
    login: p.login,
    status: p.status,
    active: p.active,
    phone_type: p.phone_type,
    fullname: p.fullname,
    protocol: p.protocol,
    local_gmt: p.local_gmt,
    outbound_cid: p.outbound_cid,
    email: p.email,
    template_id: p.template_id,
    phone_context: p.phone_context,
    is_webphone: p.is_webphone,
    user_group: p.user_group,
    peer_status: p.peer_status,
    ping_time: p.ping_time,
  };
}

function aliasRow(a: PhoneAlias): ClusterAlias {
  return { alias_id: a.alias_id, alias_name: a.alias_name, logins_list: a.logins_list, user_group: a.user_group };
}

/** (extension, server_ip) compared as the unique index orders them. */
function comparePhoneKeys(a: ClusterPhoneKey, b: ClusterPhoneKey): number {
  return collate(a.extension, b.extension) || collate(a.server_ip, b.server_ip);
}

function inAny(value: string, wanted: readonly string[]): boolean {
  return wanted.some((w) => sameKey(w, value));
}

/** A page strictly after a key, in key order: `WHERE key > ? ORDER BY key LIMIT ?`. */
function page<T>(rows: T[], after: (row: T) => boolean, order: (a: T, b: T) => number, limit: number): T[] {
  return rows.filter(after).sort(order).slice(0, Math.max(0, limit));
}

/** MariaDB compares a BIGINT column with a string by its number; "" starts before every id. */
function afterNumber(afterId: string): number {
  return afterId.trim() === "" ? -Infinity : Number(afterId);
}

interface ReferenceTable {
  rows(state: SimulatorState): ClusterReference[];
  /** list_id is a BIGINT: ordered by number, not by text. */
  numeric?: boolean;
}

const REFERENCES: Record<ReferenceKind, ReferenceTable> = {
  in_group: {
    rows: (s) => s.inboundGroups.map((g) => ({ kind: "in_group", id: g.group_id, name: g.group_name, active: g.active, user_group: g.user_group, detail: null })),
  },
  call_menu: {
    rows: (s) => s.callMenus.map((m) => ({ kind: "call_menu", id: m.menu_id, name: m.menu_name, active: null, user_group: m.user_group, detail: null })),
  },
  campaign: {
    rows: (s) =>
      s.campaigns.map((c) => ({ kind: "campaign", id: c.campaign_id, name: c.campaign_name, active: c.active, user_group: c.user_group, detail: null })),
  },
  list: {
    numeric: true,
    rows: (s) =>
      s.lists.map((l) => ({ kind: "list", id: String(l.list_id), name: l.list_name, active: l.active, user_group: null, detail: l.campaign_id })),
  },
  server: {
    rows: (s) =>
      s.servers.map((v) => ({ kind: "server", id: v.server_id, name: v.server_description, active: v.active, user_group: null, detail: v.server_ip })),
  },
  template: {
    rows: (s) => s.confTemplates.map((t) => ({ kind: "template", id: t.template_id, name: t.template_name, active: null, user_group: null, detail: null })),
  },
  user: {
    rows: (s) =>
      s.users.map((u) => ({ kind: "user", id: u.user, name: u.full_name, active: u.active, user_group: u.user_group, detail: String(u.user_level) })),
  },
};

function cidGroupRow(state: SimulatorState, g: CidGroup): ClusterCidGroup {
  const entries = state.cidGroupEntries.filter((e) => sameKey(e.campaign_id, g.cid_group_id));
  return {
    cid_group_id: g.cid_group_id,
    cid_group_notes: g.cid_group_notes,
    cid_group_type: g.cid_group_type,
    user_group: g.user_group,
    entry_count: entries.length,
    idle_entry_count: entries.filter((e) => e.call_count_today === 0).length,
  };
}

/** The reader over this state, in process (the HTTP endpoint and tests use it). */
export function createStateReader(state: SimulatorState): ClusterReader {
  const dids = (pick: (d: Did) => boolean) => state.dids.filter(pick).sort((a, b) => a.did_id - b.did_id).map(didRow);
  return {
    kind: "simulator",

    dids: async (afterDidId, limit) => page(state.dids, (d) => d.did_id > afterDidId, (a, b) => a.did_id - b.did_id, limit).map(didRow),
    didsById: async (ids) => dids((d) => ids.includes(d.did_id)),
    didsByPattern: async (patterns) => dids((d) => inAny(d.did_pattern, patterns)),

    phones: async (after, limit) =>
      page(state.phones, (p) => after === null || comparePhoneKeys(p, after) > 0, comparePhoneKeys, limit).map(phoneRow),
    phonesByExtension: async (extensions) =>
      state.phones.filter((p) => inAny(p.extension, extensions)).sort(comparePhoneKeys).map(phoneRow),

    aliases: async (afterAliasId, limit) =>
      page(state.phoneAliases, (a) => collate(a.alias_id, afterAliasId) > 0, (a, b) => collate(a.alias_id, b.alias_id), limit).map(aliasRow),
    aliasesById: async (ids) =>
      state.phoneAliases.filter((a) => inAny(a.alias_id, ids)).sort((a, b) => collate(a.alias_id, b.alias_id)).map(aliasRow),

    cidGroups: async (afterGroupId, limit) =>
      page(state.cidGroups, (g) => collate(g.cid_group_id, afterGroupId) > 0, (a, b) => collate(a.cid_group_id, b.cid_group_id), limit).map((g) =>
        cidGroupRow(state, g),
      ),
    cidGroupsById: async (ids) =>
      state.cidGroups
        .filter((g) => inAny(g.cid_group_id, ids))
        .sort((a, b) => collate(a.cid_group_id, b.cid_group_id))
        .map((g) => cidGroupRow(state, g)),
    cidEntries: async (groupId) =>
      state.cidGroupEntries
        .filter((e) => sameKey(e.campaign_id, groupId))
        .sort((a, b) => collate(a.areacode, b.areacode) || collate(a.outbound_cid, b.outbound_cid))
        .map(
          (e): ClusterCidEntry => ({
            campaign_id: e.campaign_id,
            areacode: e.areacode,
            outbound_cid: e.outbound_cid,
            active: e.active,
            cid_description: e.cid_description,
            call_count_today: e.call_count_today,
          }),
        ),

    references: async (kind, afterId, limit) => {
      const table = REFERENCES[kind];
      if (!table) throw new Error(`unknown reference kind ${String(kind)}`);
      const rows = table.rows(state);
      if (table.numeric) {
        const after = afterNumber(afterId);
        return page(rows, (r) => Number(r.id) > after, (a, b) => Number(a.id) - Number(b.id), limit);
      }
      return page(rows, (r) => collate(r.id, afterId) > 0, (a, b) => collate(a.id, b.id), limit);
    },

    adminLogAfter: async (afterId, limit) =>
      page(state.adminLog, (r) => r.admin_log_id > afterId, (a, b) => a.admin_log_id - b.admin_log_id, limit).map(
        (r): ClusterAdminLogEntry => ({
          admin_log_id: r.admin_log_id,
          event_date: r.event_date,
          user: r.user,
          ip_address: r.ip_address,
          event_section: r.event_section,
          event_type: r.event_type,
          record_id: r.record_id,
          event_code: r.event_code,
          event_notes: r.event_notes,
        }),
      ),
    adminLogHead: async () => state.adminLog.reduce((max, r) => Math.max(max, r.admin_log_id), 0),
    apiLogBetween: async (user, from, to) =>
      state.apiLog
        .filter((r) => sameKey(r.user, user) && r.api_date >= from && r.api_date <= to)
        .sort((a, b) => (a.api_date < b.api_date ? -1 : a.api_date > b.api_date ? 1 : 0))
        .map((r): ClusterApiLogEntry => ({ api_date: r.api_date, user: r.user, function: r.function, source: r.source, result: r.result })),

    apiUser: async (user) => {
      const u = state.users.find((row) => sameKey(row.user, user));
      if (!u) return null;
      const rights: ClusterApiUser = {
        user: u.user,
        user_level: u.user_level,
        active: u.active,
        api_allowed_functions: u.api_allowed_functions,
        modify_inbound_dids: u.modify_inbound_dids,
        delete_inbound_dids: u.delete_inbound_dids,
        ast_admin_access: u.ast_admin_access,
        ast_delete_phones: u.ast_delete_phones,
        modify_campaigns: u.modify_campaigns,
        view_reports: u.view_reports,
        vdc_agent_api_access: u.vdc_agent_api_access,
      };
      return rights;
    },
    // The simulator's reads run in its own process with no account to grant anything.
    canWrite: async () => false,
    close: async () => {},
  };
}

/** The methods a client may call over HTTP (never close). */
export const CLUSTER_DB_METHODS = [
  "dids",
  "didsById",
  "didsByPattern",
  "phones",
  "phonesByExtension",
  "aliases",
  "aliasesById",
  "cidGroups",
  "cidGroupsById",
  "cidEntries",
  "references",
  "adminLogAfter",
  "adminLogHead",
  "apiLogBetween",
  "apiUser",
  "canWrite",
] as const satisfies readonly (keyof ClusterReader)[];

export type ClusterDbMethod = (typeof CLUSTER_DB_METHODS)[number];

export function isClusterDbMethod(name: unknown): name is ClusterDbMethod {
  return typeof name === "string" && (CLUSTER_DB_METHODS as readonly string[]).includes(name);
}
