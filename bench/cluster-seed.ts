import type { ScratchVicidialDb } from "@/lib/cluster/testing/mariadb";

/**
 * A VICIdial cluster's worth of rows in a scratch database (lib/cluster/testing/mariadb.ts), for
 * the sync's benchmark: DIDs spread over every route, phones on four servers (with password
 * columns filled, as a real cluster has them), aliases, CID groups with their entries, and the
 * reference data the DIDs point at. Rows are generated a chunk at a time and sent as multi-row
 * INSERTs, so seeding the full size takes seconds and little memory.
 */
export interface ClusterSize {
  dids: number;
  phones: number;
  aliases: number;
  cidGroups: number;
  entriesPerGroup: number;
}

export const FULL_CLUSTER: ClusterSize = { dids: 100_000, phones: 20_000, aliases: 2_000, cidGroups: 50, entriesPerGroup: 200 };

type Seedable = Pick<ScratchVicidialDb, "insert" | "exec">;

/** Rows generated per INSERT batch (the harness splits them into statements of 1,000). */
const CHUNK = 5_000;
const SERVERS = ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"];
const IN_GROUPS = Array.from({ length: 20 }, (_, i) => `INGRP${String(i + 1).padStart(2, "0")}`);
const CALL_MENUS = Array.from({ length: 10 }, (_, i) => `MENU${i + 1}`);
const CAMPAIGNS = Array.from({ length: 10 }, (_, i) => `CAMP${i + 1}`);
const ROUTES = ["EXTEN", "IN_GROUP", "IN_GROUP", "IN_GROUP", "AGENT", "PHONE", "CALLMENU", "VOICEMAIL"] as const;

/** The did_pattern, phone extension and alias id of row i (1-based), for tests that look one up. */
export const seededDidPattern = (i: number) => String(7_000_000_000 + i);
export const seededPhoneExtension = (i: number) => String(100_000 + i);
export const seededAliasId = (i: number) => `ALIAS${i}`;
export const seededCidGroupId = (i: number) => `CIDGRP${i}`;

async function insertGenerated(db: Seedable, table: string, count: number, row: (i: number) => Record<string, unknown>): Promise<void> {
  // MyISAM builds the non-unique indexes once at the end instead of row by row.
  await db.exec(`ALTER TABLE ${table} DISABLE KEYS`);
  for (let start = 1; start <= count; start += CHUNK) {
    const rows: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(start + CHUNK, count + 1); i++) rows.push(row(i));
    await db.insert(table, rows);
  }
  await db.exec(`ALTER TABLE ${table} ENABLE KEYS`);
}

function did(i: number): Record<string, unknown> {
  const route = ROUTES[i % ROUTES.length]!;
  return {
    did_id: i,
    did_pattern: seededDidPattern(i),
    did_description: i % 10 === 0 ? `Sales line ${i}` : `DID ${i}`,
    did_active: i % 17 === 0 ? "N" : "Y",
    did_route: route,
    extension: route === "EXTEN" ? String(8300 + (i % 50)) : "9998811112",
    exten_context: "default",
    voicemail_ext: route === "VOICEMAIL" ? String(500 + (i % 100)) : "",
    phone: route === "PHONE" ? seededPhoneExtension((i % 1000) + 1) : "",
    server_ip: route === "PHONE" ? SERVERS[i % SERVERS.length] : "",
    user: route === "AGENT" ? `agent${i % 300}` : "",
    group_id: route === "IN_GROUP" ? IN_GROUPS[i % IN_GROUPS.length] : "",
    menu_id: route === "CALLMENU" ? CALL_MENUS[i % CALL_MENUS.length] : "",
    campaign_id: CAMPAIGNS[i % CAMPAIGNS.length],
    list_id: String(1000 + (i % 10)),
    record_call: i % 5 === 0 ? "Y" : "N",
    user_group: "---ALL---",
  };
}

function phone(i: number): Record<string, unknown> {
  const extension = seededPhoneExtension(i);
  return {
    extension,
    dialplan_number: extension,
    voicemail_id: extension,
    server_ip: SERVERS[i % SERVERS.length],
    login: `p${extension}`,
    pass: `pw${i}x`,
    conf_secret: `sip${i}secret`,
    login_pass: "",
    status: "ACTIVE",
    active: i % 23 === 0 ? "N" : "Y",
    phone_type: "Desk",
    fullname: `Agent ${i}`,
    protocol: "SIP",
    local_gmt: "-5.00",
    outbound_cid: "7275550100",
    email: "",
    template_id: i % 3 === 0 ? "DESKTPL" : "",
    phone_context: "default",
    is_webphone: i % 4 === 0 ? "Y" : "N",
    user_group: "---ALL---",
    peer_status: i % 7 === 0 ? "UNREGISTERED" : "REGISTERED",
    ping_time: i % 7 === 0 ? null : 10 + (i % 90),
  };
}

function alias(i: number): Record<string, unknown> {
  const logins = [0, 1, 2].map((k) => `p${seededPhoneExtension(((i * 3 + k) % 20_000) + 1)}`);
  return { alias_id: seededAliasId(i), alias_name: `Desk group ${i}`, logins_list: logins.join(","), user_group: "---ALL---" };
}

/** Seeds `size` (the full benchmark cluster by default); resolves to the seconds it took. */
export async function seedCluster(db: Seedable, size: ClusterSize = FULL_CLUSTER): Promise<{ seconds: number }> {
  const started = Date.now();
  await db.insert(
    "vicidial_inbound_groups",
    IN_GROUPS.map((group_id, i) => ({ group_id, group_name: `Queue ${i + 1}`, active: "Y", user_group: "---ALL---" })),
  );
  await db.insert(
    "vicidial_call_menu",
    CALL_MENUS.map((menu_id, i) => ({ menu_id, menu_name: `Menu ${i + 1}`, user_group: "---ALL---" })),
  );
  await db.insert(
    "vicidial_campaigns",
    CAMPAIGNS.map((campaign_id, i) => ({ campaign_id, campaign_name: `Campaign ${i + 1}`, active: "Y", user_group: "---ALL---" })),
  );
  await db.insert(
    "vicidial_lists",
    Array.from({ length: 10 }, (_, i) => ({ list_id: String(1000 + i), list_name: `List ${i}`, campaign_id: CAMPAIGNS[i], active: "Y" })),
  );
  await db.insert(
    "servers",
    SERVERS.map((server_ip, i) => ({ server_id: `dialer${i + 1}`, server_description: `Dialer ${i + 1}`, server_ip, active: "Y", local_gmt: "-5.00" })),
  );
  await db.insert("vicidial_conf_templates", [{ template_id: "DESKTPL", template_name: "Desk phones", template_contents: "type=friend" }]);
  await insertGenerated(db, "vicidial_users", 300, (i) => ({
    user: `agent${i - 1}`,
    pass: `pw${i}`,
    full_name: `Agent ${i - 1}`,
    user_level: 1,
    user_group: "AGENTS",
    active: "Y",
  }));

  await insertGenerated(db, "vicidial_inbound_dids", size.dids, did);
  await insertGenerated(db, "phones", size.phones, phone);
  await insertGenerated(db, "phones_alias", size.aliases, alias);
  await insertGenerated(db, "vicidial_cid_groups", size.cidGroups, (i) => ({
    cid_group_id: seededCidGroupId(i),
    cid_group_notes: `Group ${i}`,
    cid_group_type: "AREACODE",
    user_group: "---ALL---",
  }));
  await insertGenerated(db, "vicidial_campaign_cid_areacodes", size.cidGroups * size.entriesPerGroup, (n) => {
    const group = Math.floor((n - 1) / size.entriesPerGroup) + 1;
    const k = (n - 1) % size.entriesPerGroup;
    const areacode = String(200 + (k % 800));
    return {
      campaign_id: seededCidGroupId(group),
      areacode,
      outbound_cid: `${areacode}555${String(k).padStart(4, "0")}`,
      active: k % 11 === 0 ? "" : "Y",
      cid_description: `Entry ${k}`,
      call_count_today: k % 3 === 0 ? 0 : k,
    };
  });
  return { seconds: (Date.now() - started) / 1000 };
}
