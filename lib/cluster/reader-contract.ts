import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClusterDid, ClusterReader, ClusterReference } from "./types";

/**
 * The one behaviour every ClusterReader must have, whatever it reads from: run on a scratch
 * MariaDB database (lib/cluster/mysql-reader.test.ts) and on the simulator (c-sim). The rows are
 * seeded only through `insert(table, rows)` in VICIdial's table and column names, as a direct
 * database write would add them; MariaDB with our DDL is the reference for what they read as.
 * Every id carries a random tag, so the suite shares a backend with other data safely.
 */
export interface ClusterReaderBackend {
  reader: ClusterReader;
  insert(table: string, rows: Record<string, unknown>[]): Promise<void>;
  close(): Promise<void>;
}

/** Columns that hold passwords: no reader result may carry one, under any name. */
export const SECRET_COLUMNS = ["pass", "conf_secret", "login_pass", "ASTmgrSECRET", "DBX_pass", "DBY_pass", "pass_hash", "event_sql"] as const;

const ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ23456789";

export function describeClusterReader(name: string, makeBackend: () => Promise<ClusterReaderBackend>): void {
  describe(`ClusterReader contract: ${name}`, () => {
    // Upper case and digits only, so the order of ids is the same byte-wise and in VICIdial's
    // case-insensitive collation; mixed-case ids below start with "gs", outside the tag's range.
    const tag = `Q${Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")}`;
    const low = tag.toLowerCase();
    const secret = `Sekret${tag}`;
    const didBase = 3_000_000_000 + randomInt(1_000_000) * 1000;
    const listBase = 8_000_000_000_000 + randomInt(1_000_000) * 1000;
    let backend: ClusterReaderBackend;
    let reader: ClusterReader;

    /** Every value a reader returns passes here: no secret column, no secret value. */
    function clean<T>(value: T): T {
      const text = JSON.stringify(value);
      expect(text).not.toContain(secret);
      const keys = new Set<string>();
      JSON.parse(text, (key, v) => {
        keys.add(key);
        return v;
      });
      for (const column of SECRET_COLUMNS) expect(keys.has(column), `returned field ${column}`).toBe(false);
      return value;
    }

    const did = (n: number) => didBase + n;
    const fullDid: Record<string, unknown> = {
      did_id: did(1),
      did_pattern: `${tag}01`,
      did_description: "Main line",
      did_active: "N",
      did_route: "IN_GROUP",
      extension: "8300",
      exten_context: "from-pstn",
      voicemail_ext: "501",
      phone: "",
      server_ip: "10.0.0.5",
      user: "agent7",
      user_unavailable_action: "IN_GROUP",
      user_route_settings_ingroup: "AGENTDIRECT",
      group_id: "SALES",
      call_handle_method: "CIDLOOKUP",
      agent_search_method: "LO",
      list_id: "9007199254740993",
      campaign_id: "CAMP1",
      phone_code: "44",
      menu_id: "MENU1",
      record_call: "Y_QUEUESTOP",
      filter_clean_cid_number: "L1",
      user_group: "ADMIN",
    };

    const phone = (extension: string, server_ip: string, extra: Record<string, unknown> = {}) => ({
      extension,
      server_ip,
      dialplan_number: extension,
      voicemail_id: extension,
      login: `${extension}${server_ip.slice(-1)}`,
      status: "ACTIVE",
      active: "Y",
      phone_type: "Desk",
      fullname: `Phone ${extension}`,
      protocol: "SIP",
      local_gmt: "-5.00",
      outbound_cid: "7275550100",
      email: "",
      template_id: "",
      phone_context: "default",
      is_webphone: "N",
      user_group: "---ALL---",
      peer_status: "UNREGISTERED",
      pass: secret,
      conf_secret: secret,
      login_pass: secret,
      ASTmgrSECRET: secret,
      DBX_pass: secret,
      DBY_pass: secret,
      ...extra,
    });

    beforeAll(async () => {
      backend = await makeBackend();
      reader = backend.reader;
      const { insert } = backend;
      await insert("vicidial_inbound_dids", [
        fullDid,
        { did_id: did(2), did_pattern: `${tag}02` },
        { did_id: did(3), did_pattern: `${tag}03`, did_description: null },
        { did_id: did(4), did_pattern: `gs${low}x` },
        { did_id: did(5), did_pattern: `${tag}05` },
      ]);
      await insert("phones", [
        phone(`${tag}P1`, "10.0.0.1", { peer_status: "REGISTERED", ping_time: 23 }),
        phone(`${tag}P1`, "10.0.0.2"),
        phone(`${tag}P2`, "10.0.0.1", { protocol: "PJSIP", is_webphone: "Y_API_LAUNCH", local_gmt: "+5.50" }),
        phone(`${tag}P3`, "10.0.0.1"),
        phone(`${tag}P4`, "10.0.0.1"),
        phone(`gs${low}p`, "10.0.0.1"),
      ]);
      await insert("phones_alias", [
        { alias_id: `${tag}A1`, alias_name: "Front desk", logins_list: `${tag}P11,${tag}P21`, user_group: "SALES" },
        { alias_id: `${tag}A2`, alias_name: "Back office", logins_list: `${tag}P31`, user_group: "---ALL---" },
        { alias_id: `${tag}A3`, alias_name: null, logins_list: "", user_group: "---ALL---" },
        { alias_id: `gs${low}a`, alias_name: "Lower", logins_list: `${tag}P41`, user_group: "---ALL---" },
      ]);
      await insert("vicidial_cid_groups", [
        { cid_group_id: `${tag}G1`, cid_group_notes: "East coast", cid_group_type: "AREACODE", user_group: "SALES" },
        { cid_group_id: `${tag}G2`, cid_group_notes: "", cid_group_type: "STATE", user_group: "---ALL---" },
        { cid_group_id: `${tag}G3`, cid_group_notes: "", cid_group_type: "NONE", user_group: "---ALL---" },
        { cid_group_id: `gs${low}g`, cid_group_notes: "lower", cid_group_type: "AREACODE", user_group: "---ALL---" },
      ]);
      await insert("vicidial_campaign_cid_areacodes", [
        { campaign_id: `${tag}G1`, areacode: "212", outbound_cid: "2125550100", active: "Y", cid_description: "NYC", call_count_today: 0 },
        { campaign_id: `${tag}G1`, areacode: "212", outbound_cid: "2125550101", active: "N", cid_description: "NYC 2", call_count_today: 5 },
        { campaign_id: `${tag}G1`, areacode: "727", outbound_cid: "7275550100", active: "", cid_description: "", call_count_today: 0 },
        { campaign_id: `${tag}G3`, areacode: "305", outbound_cid: "3055550100", active: "Y", cid_description: "Miami", call_count_today: 12 },
        { campaign_id: `gs${low}g`, areacode: "415", outbound_cid: "4155550100", active: "Y", cid_description: "SF", call_count_today: 0 },
      ]);
      await insert("vicidial_inbound_groups", [
        { group_id: `${tag}I1`, group_name: "Sales queue", active: "Y", user_group: "SALES" },
        { group_id: `${tag}I2`, group_name: "Support queue", active: "N", user_group: "---ALL---" },
      ]);
      await insert("vicidial_call_menu", [{ menu_id: `${tag}M1`, menu_name: "Main menu", user_group: "---ALL---" }]);
      await insert("vicidial_campaigns", [{ campaign_id: `${tag}C1`, campaign_name: "Outbound east", active: "Y", user_group: "SALES" }]);
      await insert("vicidial_lists", [
        { list_id: String(listBase + 1), list_name: "Leads A", campaign_id: `${tag}C1`, active: "Y" },
        { list_id: String(listBase + 2), list_name: "Leads B", campaign_id: `${tag}C1`, active: "N" },
      ]);
      await insert("servers", [{ server_id: `${tag}S1`, server_description: "Dialer one", server_ip: "10.9.8.7", active: "Y", local_gmt: "-5.00", ASTmgrSECRET: secret }]);
      await insert("vicidial_conf_templates", [{ template_id: `${tag}T1`, template_name: "Desk phones", template_contents: "type=friend" }]);
      await insert("vicidial_users", [
        {
          user: `${tag}U1`,
          pass: secret,
          pass_hash: secret,
          full_name: "Api Person",
          user_level: 8,
          user_group: "ADMIN",
          active: "Y",
          api_allowed_functions: " add_did update_did ",
          modify_inbound_dids: "1",
          delete_inbound_dids: "0",
          ast_admin_access: "1",
          ast_delete_phones: "1",
          modify_campaigns: "0",
          view_reports: "1",
          vdc_agent_api_access: "0",
        },
        { user: `${tag}U2`, pass: secret, pass_hash: secret, full_name: "Agent Seven", user_level: 1, user_group: "AGENTS", active: "N" },
      ]);
    });

    afterAll(async () => {
      await backend?.close();
    });

    const ids = (rows: { did_id: number }[]) => rows.map((row) => row.did_id);

    it("reads DIDs with every field as stored, NULLs as empty text and list_id beyond 2^53 exactly", async () => {
      const [first] = clean(await reader.didsById([did(1)]));
      expect(first).toEqual(fullDid);
      const [third] = clean(await reader.didsById([did(3)]));
      expect(third!.did_description).toBe("");
    });

    it("gives a DID inserted with only its id and pattern VICIdial's defaults", async () => {
      const [second] = clean(await reader.didsById([did(2)]));
      const expected: ClusterDid = {
        did_id: did(2),
        did_pattern: `${tag}02`,
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
        call_handle_method: "CID",
        agent_search_method: "LB",
        list_id: "999",
        campaign_id: "",
        phone_code: "1",
        menu_id: "",
        record_call: "N",
        filter_clean_cid_number: "",
        user_group: "---ALL---",
      };
      expect(second).toEqual(expected);
    });

    it("pages DIDs by did_id strictly after the key given, across page boundaries", async () => {
      expect(ids(clean(await reader.dids(didBase, 2)))).toEqual([did(1), did(2)]);
      expect(ids(clean(await reader.dids(did(2), 2)))).toEqual([did(3), did(4)]);
      expect(ids(clean(await reader.dids(did(4), 2)))[0]).toBe(did(5));
      expect(ids(clean(await reader.dids(did(5), 5))).filter((id) => id <= did(999))).toEqual([]);
      const firstPage = clean(await reader.dids(0, 3));
      expect(firstPage.length).toBeLessThanOrEqual(3);
      expect(ids(firstPage)).toEqual([...ids(firstPage)].sort((a, b) => a - b));
    });

    it("looks DIDs up by id and by pattern, patterns without regard to case", async () => {
      expect(ids(clean(await reader.didsById([did(3), did(1), didBase + 999]))).sort()).toEqual([did(1), did(3)]);
      expect(ids(clean(await reader.didsByPattern([`GS${tag}X`, `${tag}05`, `${tag}99`]))).sort()).toEqual([did(4), did(5)]);
      const [lower] = clean(await reader.didsByPattern([`GS${tag}X`]));
      expect(lower!.did_pattern).toBe(`gs${low}x`);
      expect(await reader.didsById([])).toEqual([]);
      expect(await reader.didsByPattern([])).toEqual([]);
    });

    it("pages phones by (extension, server_ip), one extension on two servers split across pages", async () => {
      const keys = (rows: { extension: string; server_ip: string }[]) => rows.map((row) => `${row.extension}@${row.server_ip}`);
      const start = { extension: tag, server_ip: "" };
      expect(keys(clean(await reader.phones(start, 2)))).toEqual([`${tag}P1@10.0.0.1`, `${tag}P1@10.0.0.2`]);
      expect(keys(clean(await reader.phones({ extension: `${tag}P1`, server_ip: "10.0.0.1" }, 1)))).toEqual([`${tag}P1@10.0.0.2`]);
      expect(keys(clean(await reader.phones({ extension: `${tag}P1`, server_ip: "10.0.0.2" }, 2)))).toEqual([`${tag}P2@10.0.0.1`, `${tag}P3@10.0.0.1`]);
      expect(keys(clean(await reader.phones({ extension: `${tag}P3`, server_ip: "10.0.0.1" }, 1)))).toEqual([`${tag}P4@10.0.0.1`]);
      const first = clean(await reader.phones(null, 3));
      expect(first.length).toBeGreaterThan(0);
      expect(first.length).toBeLessThanOrEqual(3);
    });

    it("reads a phone's fields and SIP status as stored, never its passwords", async () => {
      const rows = clean(await reader.phonesByExtension([`${tag}P1`]));
      expect(rows.map((row) => [row.server_ip, row.peer_status, row.ping_time])).toEqual([
        ["10.0.0.1", "REGISTERED", 23],
        ["10.0.0.2", "UNREGISTERED", null],
      ]);
      const [p2] = clean(await reader.phonesByExtension([`${tag}P2`]));
      expect(p2).toEqual({
        extension: `${tag}P2`,
        dialplan_number: `${tag}P2`,
        voicemail_id: `${tag}P2`,
        server_ip: "10.0.0.1",
        login: `${tag}P21`,
        status: "ACTIVE",
        active: "Y",
        phone_type: "Desk",
        fullname: `Phone ${tag}P2`,
        protocol: "PJSIP",
        local_gmt: "+5.50",
        outbound_cid: "7275550100",
        email: "",
        template_id: "",
        phone_context: "default",
        is_webphone: "Y_API_LAUNCH",
        user_group: "---ALL---",
        peer_status: "UNREGISTERED",
        ping_time: null,
      });
    });

    it("finds phones by extension on every server, without regard to case", async () => {
      const rows = clean(await reader.phonesByExtension([`${low}p1`, `GS${tag}P`, "nope"]));
      expect(rows.map((row) => `${row.extension}@${row.server_ip}`).sort()).toEqual([`${tag}P1@10.0.0.1`, `${tag}P1@10.0.0.2`, `gs${low}p@10.0.0.1`]);
      expect(await reader.phonesByExtension([])).toEqual([]);
    });

    it("pages aliases by alias_id and looks them up without regard to case", async () => {
      const aliasIds = (rows: { alias_id: string }[]) => rows.map((row) => row.alias_id);
      expect(aliasIds(clean(await reader.aliases(tag, 2)))).toEqual([`${tag}A1`, `${tag}A2`]);
      expect(aliasIds(clean(await reader.aliases(`${tag}A2`, 1)))).toEqual([`${tag}A3`]);
      const found = clean(await reader.aliasesById([`${low}a1`, `${tag}A3`, `GS${tag}A`, `${tag}A9`]));
      const byId = (id: string) => found.find((row) => row.alias_id === id);
      expect(found).toHaveLength(3);
      expect(byId(`${tag}A1`)).toEqual({ alias_id: `${tag}A1`, alias_name: "Front desk", logins_list: `${tag}P11,${tag}P21`, user_group: "SALES" });
      expect(byId(`${tag}A3`)).toEqual({ alias_id: `${tag}A3`, alias_name: "", logins_list: "", user_group: "---ALL---" });
      expect(byId(`gs${low}a`)?.alias_name).toBe("Lower");
      expect(await reader.aliasesById([])).toEqual([]);
    });

    it("pages CID groups with their entries and idle entries counted", async () => {
      const page = clean(await reader.cidGroups(tag, 2));
      expect(page).toEqual([
        { cid_group_id: `${tag}G1`, cid_group_notes: "East coast", cid_group_type: "AREACODE", user_group: "SALES", entry_count: 3, idle_entry_count: 2 },
        { cid_group_id: `${tag}G2`, cid_group_notes: "", cid_group_type: "STATE", user_group: "---ALL---", entry_count: 0, idle_entry_count: 0 },
      ]);
      const next = clean(await reader.cidGroups(`${tag}G2`, 2));
      expect(next[0]).toEqual({ cid_group_id: `${tag}G3`, cid_group_notes: "", cid_group_type: "NONE", user_group: "---ALL---", entry_count: 1, idle_entry_count: 0 });
    });

    it("looks CID groups up and reads their entries without regard to case, '' active as stored", async () => {
      const found = clean(await reader.cidGroupsById([`GS${tag}G`, `${low}g1`]));
      expect(found.map((group) => [group.cid_group_id, group.entry_count, group.idle_entry_count]).sort()).toEqual([
        [`${tag}G1`, 3, 2],
        [`gs${low}g`, 1, 1],
      ]);
      const entries = clean(await reader.cidEntries(`${low}g1`));
      expect([...entries].sort((a, b) => a.outbound_cid.localeCompare(b.outbound_cid))).toEqual([
        { campaign_id: `${tag}G1`, areacode: "212", outbound_cid: "2125550100", active: "Y", cid_description: "NYC", call_count_today: 0 },
        { campaign_id: `${tag}G1`, areacode: "212", outbound_cid: "2125550101", active: "N", cid_description: "NYC 2", call_count_today: 5 },
        { campaign_id: `${tag}G1`, areacode: "727", outbound_cid: "7275550100", active: "", cid_description: "", call_count_today: 0 },
      ]);
      expect(clean(await reader.cidEntries(`${tag}G2`))).toEqual([]);
      expect(await reader.cidGroupsById([])).toEqual([]);
    });

    it("reads every kind of reference with its name, active flag, user group and detail", async () => {
      const ref = (kind: ClusterReference["kind"], id: string, name: string, active: string | null, user_group: string | null, detail: string | null) => ({
        kind,
        id,
        name,
        active,
        user_group,
        detail,
      });
      const ours = async (kind: ClusterReference["kind"], after: string, prefix: string) =>
        clean(await reader.references(kind, after, 50)).filter((row) => row.id.startsWith(prefix));
      expect(await ours("in_group", tag, tag)).toEqual([
        ref("in_group", `${tag}I1`, "Sales queue", "Y", "SALES", null),
        ref("in_group", `${tag}I2`, "Support queue", "N", "---ALL---", null),
      ]);
      expect(await ours("call_menu", tag, tag)).toEqual([ref("call_menu", `${tag}M1`, "Main menu", null, "---ALL---", null)]);
      expect(await ours("campaign", tag, tag)).toEqual([ref("campaign", `${tag}C1`, "Outbound east", "Y", "SALES", null)]);
      expect(await ours("list", String(listBase), String(listBase).slice(0, -3))).toEqual([
        ref("list", String(listBase + 1), "Leads A", "Y", null, `${tag}C1`),
        ref("list", String(listBase + 2), "Leads B", "N", null, `${tag}C1`),
      ]);
      expect(await ours("server", tag, tag)).toEqual([ref("server", `${tag}S1`, "Dialer one", "Y", null, "10.9.8.7")]);
      expect(await ours("template", tag, tag)).toEqual([ref("template", `${tag}T1`, "Desk phones", null, null, null)]);
      expect(await ours("user", tag, tag)).toEqual([
        ref("user", `${tag}U1`, "Api Person", "Y", "ADMIN", "8"),
        ref("user", `${tag}U2`, "Agent Seven", "N", "AGENTS", "1"),
      ]);
    });

    it("pages references by id strictly after the id given, and from the start with ''", async () => {
      expect(clean(await reader.references("user", tag, 1)).map((row) => row.id)).toEqual([`${tag}U1`]);
      expect(clean(await reader.references("user", `${tag}U1`, 1)).map((row) => row.id)).toEqual([`${tag}U2`]);
      expect(clean(await reader.references("list", String(listBase + 1), 1)).map((row) => row.id)).toEqual([String(listBase + 2)]);
      const first = clean(await reader.references("in_group", "", 500));
      expect(first.map((row) => row.id)).toEqual(expect.arrayContaining([`${tag}I1`, `${tag}I2`]));
    });

    it("reads the admin log forward from an id, oldest first, without event_sql", async () => {
      const head = await reader.adminLogHead();
      expect(Number.isInteger(head) && head >= 0).toBe(true);
      const entry = (record_id: string, event_type: string, event_notes: string | null) => ({
        event_date: "2024-11-15 10:15:00",
        user: `${tag}U1`,
        ip_address: "10.0.0.9",
        event_section: "DIDS",
        event_type,
        record_id,
        event_code: "ADMIN API MODIFY DID",
        event_sql: `UPDATE vicidial_users SET pass='${secret}'`,
        event_notes,
      });
      await backend.insert("vicidial_admin_log", [entry(String(did(1)), "ADD", "first"), entry(String(did(2)), "MODIFY", null), entry(String(did(3)), "DELETE", "third")]);
      const newHead = await reader.adminLogHead();
      expect(newHead).toBeGreaterThanOrEqual(head + 3);
      const all = clean(await reader.adminLogAfter(head, 10));
      expect(all.map((row) => [row.record_id, row.event_type, row.event_notes])).toEqual([
        [String(did(1)), "ADD", "first"],
        [String(did(2)), "MODIFY", ""],
        [String(did(3)), "DELETE", "third"],
      ]);
      expect(all.map((row) => row.admin_log_id)).toEqual([...all.map((row) => row.admin_log_id)].sort((a, b) => a - b));
      expect(all[0]).toMatchObject({ event_date: "2024-11-15 10:15:00", user: `${tag}U1`, ip_address: "10.0.0.9", event_section: "DIDS", event_code: "ADMIN API MODIFY DID" });
      expect(all.at(-1)!.admin_log_id).toBe(newHead);
      const firstTwo = clean(await reader.adminLogAfter(head, 2));
      expect(firstTwo.map((row) => row.record_id)).toEqual([String(did(1)), String(did(2))]);
      expect(clean(await reader.adminLogAfter(firstTwo[1]!.admin_log_id, 10)).map((row) => row.record_id)).toEqual([String(did(3))]);
      expect(await reader.adminLogAfter(newHead, 10)).toEqual([]);
    });

    it("reads one API user's log rows within a window, both ends included", async () => {
      const user = `${tag}API`;
      const row = (api_date: string, fn: string, source: string, who = user) => ({ api_date, user: who, function: fn, source, result: "SUCCESS", value: "x", data: secret });
      await backend.insert("vicidial_api_log", [
        row("2024-11-15 10:00:04", "update_did", "dash-alice"),
        row("2024-11-15 10:00:05", "add_did", "dash-alice"),
        row("2024-11-15 10:00:07", "update_phone", "crm"),
        row("2024-11-15 10:00:09", "delete_did", "dash-bob"),
        row("2024-11-15 10:00:10", "update_did", "dash-alice"),
        row("2024-11-15 10:00:07", "update_did", "other", `${tag}X`),
      ]);
      const rows = clean(await reader.apiLogBetween(user, "2024-11-15 10:00:05", "2024-11-15 10:00:09"));
      expect(rows).toEqual([
        { api_date: "2024-11-15 10:00:05", user, function: "add_did", source: "dash-alice", result: "SUCCESS" },
        { api_date: "2024-11-15 10:00:07", user, function: "update_phone", source: "crm", result: "SUCCESS" },
        { api_date: "2024-11-15 10:00:09", user, function: "delete_did", source: "dash-bob", result: "SUCCESS" },
      ]);
      expect(await reader.apiLogBetween(user, "2024-11-16 00:00:00", "2024-11-16 23:59:59")).toEqual([]);
    });

    it("reads the API user's rights without regard to case, never its password", async () => {
      expect(clean(await reader.apiUser(`${low}u1`))).toEqual({
        user: `${tag}U1`,
        user_level: 8,
        active: "Y",
        api_allowed_functions: " add_did update_did ",
        modify_inbound_dids: "1",
        delete_inbound_dids: "0",
        ast_admin_access: "1",
        ast_delete_phones: "1",
        modify_campaigns: "0",
        view_reports: "1",
        vdc_agent_api_access: "0",
      });
      expect(await reader.apiUser(`${tag}NOBODY`)).toBeNull();
    });
  });
}
