import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createMysqlReader } from "@/lib/cluster/mysql-reader";
import { scratchVicidialDb, type ScratchVicidialDb } from "@/lib/cluster/testing/mariadb";
import type { ClusterReader } from "@/lib/cluster/types";
import { auditLog, cidGroups, clusterReferences, clusterSync, dids, phoneAliases, phones } from "@/lib/db/schema";
import { upsertDid } from "@/lib/dids/inventory";
import { auditMark, testBackends, useTestDatabase } from "@/lib/testing/db";
import { followAdminLog } from "./admin-log";
import { runFullPass } from "./full-pass";
import { createSyncLoop, type SyncLoop } from "./loop";
import { requestSync } from "./request";
import { syncState } from "./state";

/** A real reader that, from its `failAfter`-th call on, reads through a port nobody listens on. */
async function failingAfter(reader: ClusterReader, failAfter: number, calls: { n: number }): Promise<ClusterReader> {
  const closed = await new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
  const dead = createMysqlReader(`mysql://nobody:x@127.0.0.1:${closed}/asterisk`);
  return new Proxy(reader, {
    get(target, property: keyof ClusterReader) {
      const value = target[property];
      if (typeof value !== "function" || property === "close") return value;
      return (...args: unknown[]) => {
        calls.n++;
        const use = calls.n >= failAfter ? dead : target;
        return (use[property] as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}

/** A real reader whose calls are written down (which records the admin log made it re-read). */
function recording(reader: ClusterReader, log: string[]): ClusterReader {
  return new Proxy(reader, {
    get(target, property: keyof ClusterReader) {
      const value = target[property];
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        log.push(`${String(property)} ${JSON.stringify(args)}`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const did = (id: number, pattern: string, extra: Record<string, unknown> = {}) => ({
  did_id: id,
  did_pattern: pattern,
  did_description: `Line ${pattern}`,
  did_route: "IN_GROUP",
  group_id: "SALES_IN",
  user_group: "---ALL---",
  ...extra,
});
const phone = (extension: string, server_ip: string, extra: Record<string, unknown> = {}) => ({
  extension,
  server_ip,
  login: `l${extension}`,
  pass: "Sekret1",
  conf_secret: "Sekret2",
  status: "ACTIVE",
  active: "Y",
  fullname: `Phone ${extension}`,
  protocol: "SIP",
  dialplan_number: extension,
  voicemail_id: extension,
  outbound_cid: "",
  email: "",
  phone_type: "",
  peer_status: "REGISTERED",
  ping_time: 12,
  ...extra,
});

async function seedCluster(vdb: ScratchVicidialDb): Promise<void> {
  await vdb.insert("vicidial_inbound_dids", [did(1, "7275550101"), did(2, "7275550102"), did(3, "7275550103"), did(4, "+447700900001", { did_route: "EXTEN", extension: "8300" })]);
  await vdb.insert("phones", [phone("1001", "10.0.0.1"), phone("1002", "10.0.0.1"), phone("1001", "10.0.0.2")]);
  await vdb.insert("phones_alias", [{ alias_id: "FRONT", alias_name: "Front desk", logins_list: "l1001,l1002", user_group: "---ALL---" }]);
  await vdb.insert("vicidial_cid_groups", [{ cid_group_id: "CIDG1", cid_group_notes: "East", cid_group_type: "AREACODE", user_group: "---ALL---" }]);
  await vdb.insert(
    "vicidial_campaign_cid_areacodes",
    ["201", "202", "203"].map((areacode, i) => ({ campaign_id: "CIDG1", areacode, outbound_cid: `${areacode}5550100`, active: "Y", cid_description: "", call_count_today: i })),
  );
  await vdb.insert("vicidial_inbound_groups", [{ group_id: "SALES_IN", group_name: "Sales", active: "Y", user_group: "---ALL---" }]);
  await vdb.insert("servers", [{ server_id: "dialer1", server_ip: "10.0.0.1", server_description: "Dialer 1", active: "Y", local_gmt: "-5.00" }]);
}

describe.each(testBackends())("cluster sync on %s with MariaDB", (backend) => {
  const db = useTestDatabase(backend);
  let vdb: ScratchVicidialDb;
  let reader: ClusterReader;

  beforeEach(async () => {
    for (const table of [dids, phones, phoneAliases, cidGroups, clusterReferences, clusterSync]) await db().delete(table);
    vdb = await scratchVicidialDb();
    reader = createMysqlReader(vdb.url);
    await seedCluster(vdb);
  });
  afterEach(async () => {
    await reader.close();
    await vdb.drop();
  });

  const entriesSince = (mark: number) => db().select().from(auditLog).where(gt(auditLog.id, mark)).orderBy(asc(auditLog.id));

  it("imports everything on the first pass with one summary entry, paging by key", async () => {
    const mark = await auditMark(db());
    const result = await runFullPass(db(), reader, { pageSize: 2 });
    expect(result).toMatchObject({ ok: true, firstImport: true, counts: { dids: 4, phones: 3, phone_aliases: 1, cid_groups: 1, references: 2 } });

    const stored = await db().select().from(dids).orderBy(asc(dids.didId));
    expect(stored.map((row) => row.didPattern)).toEqual(["7275550101", "7275550102", "7275550103", "+447700900001"]);
    expect(stored[0]).toMatchObject({ didId: 1, route: "IN_GROUP", groupId: "SALES_IN", target: "SALES_IN", origin: "cluster", seenPass: result.pass });
    const [registered] = await db().select().from(phones).where(and(eq(phones.serverIp, "10.0.0.2"), eq(phones.extension, "1001")));
    expect(registered).toMatchObject({ login: "l1001", peerStatus: "REGISTERED", pingTime: 12, origin: "cluster" });
    expect(JSON.stringify(await db().select().from(phones))).not.toMatch(/Sekret/);
    expect(await db().select().from(phoneAliases)).toMatchObject([{ aliasId: "FRONT", phoneLogins: "l1001,l1002" }]);
    expect(await db().select().from(cidGroups)).toMatchObject([{ id: "CIDG1", entryCount: 3, idleEntryCount: 1, notes: "East" }]);
    expect(await db().select().from(clusterReferences).orderBy(asc(clusterReferences.kind))).toMatchObject([
      { kind: "in_group", id: "SALES_IN", name: "Sales" },
      { kind: "server", id: "dialer1", detail: "10.0.0.1" },
    ]);

    const entries = await entriesSince(mark);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "cluster.import", actorUsername: "outside the dashboard", actorId: null });
    expect(entries[0]!.message).toContain("4 DIDs, 3 phones, 1 phone aliases, 1 CID groups");

    const state = await syncState(db());
    expect(state).toMatchObject({ lastOk: true, lastError: null, accountCanWrite: false, counts: { dids: 4, phones: 3 } });
    expect(state.syncedAt).not.toBeNull();
    expect(state.lastDurationMs).toBeGreaterThanOrEqual(0);
  });

  it("reports records added, changed and removed outside the dashboard, with who from VICIdial's logs", async () => {
    await runFullPass(db(), reader);
    const mark = await auditMark(db());
    // An admin in admin.php changes a DID; an API client with its own source deletes a phone;
    // someone writes to the database directly (no log) for the rest.
    await vdb.exec("UPDATE vicidial_inbound_dids SET did_description = 'Renamed line', group_id = 'SUPPORT_IN' WHERE did_id = 2");
    await vdb.exec("DELETE FROM phones WHERE extension = '1002'");
    await vdb.insert("vicidial_inbound_dids", [did(5, "7275550105")]);
    await vdb.exec("UPDATE phones_alias SET logins_list = 'l1002' WHERE alias_id = 'FRONT'");
    await vdb.exec("DELETE FROM vicidial_inbound_dids WHERE did_id = 3");
    await vdb.exec("UPDATE phones SET peer_status = 'UNREACHABLE', ping_time = NULL WHERE extension = '1001' AND server_ip = '10.0.0.1'");
    await vdb.insert("vicidial_admin_log", [
      { event_date: "2026-03-02 09:15:00", user: "6666", ip_address: "10.1.1.1", event_section: "DIDS", event_type: "MODIFY", record_id: "2", event_code: "ADMIN MODIFY DID", event_sql: "", event_notes: "" },
      { event_date: "2026-03-02 09:16:00", user: "apiuser", ip_address: "10.1.1.2", event_section: "PHONES", event_type: "DELETE", record_id: "1002", event_code: "ADMIN API DELETE PHONE", event_sql: "", event_notes: "" },
    ]);
    await vdb.insert("vicidial_api_log", [{ user: "apiuser", function: "update_phone", value: "1002", result: "SUCCESS", source: "crmsync", api_date: "2026-03-02 09:16:01" }]);

    const result = await runFullPass(db(), reader);
    expect(result).toMatchObject({ ok: true, firstImport: false });

    const entries = await entriesSince(mark);
    const byAction = (action: string, target: string) => entries.find((entry) => entry.action === action && entry.target === target);
    const changed = byAction("did.changed_outside", "7275550102");
    expect(changed).toMatchObject({
      actorUsername: "outside the dashboard",
      actorId: null,
      before: { didPattern: "7275550102", description: "Line 7275550102", groupId: "SALES_IN" },
      after: { didPattern: "7275550102", description: "Renamed line", groupId: "SUPPORT_IN" },
      params: { vicidialUser: "6666", via: "admin", vicidialTime: "2026-03-02 09:15:00" },
    });
    expect(changed!.message).toContain("by 6666 in VICIdial's admin");
    const removedPhone = byAction("phone.removed_outside", "10.0.0.1/1002");
    expect(removedPhone).toMatchObject({ params: { vicidialUser: "apiuser", via: "api", source: "crmsync" }, after: null });
    expect(removedPhone!.before).toMatchObject({ login: "l1002" });
    expect(byAction("did.appeared", "7275550105")).toMatchObject({ before: null, after: { didPattern: "7275550105", didId: 5 } });
    expect(byAction("did.removed_outside", "7275550103")!.message).toContain("VICIdial's logs do not say who");
    expect(byAction("alias.changed_outside", "FRONT")).toMatchObject({ before: { phoneLogins: "l1001,l1002" }, after: { phoneLogins: "l1002" } });
    // SIP registration changes by itself: refreshed, never reported.
    expect(entries.filter((entry) => entry.action.startsWith("phone.") && entry.action !== "phone.removed_outside")).toEqual([]);
    expect(entries).toHaveLength(5);

    const [renamed] = await db().select().from(dids).where(eq(dids.didPattern, "7275550102"));
    expect(renamed).toMatchObject({ description: "Renamed line", updatedBy: "6666 (VICIdial)" });
    expect(await db().select().from(dids).where(eq(dids.didPattern, "7275550103"))).toEqual([]);
    const [unreachable] = await db().select().from(phones).where(and(eq(phones.serverIp, "10.0.0.1"), eq(phones.extension, "1001")));
    expect(unreachable).toMatchObject({ peerStatus: "UNREACHABLE", pingTime: null, updatedBy: "imported from VICIdial" });
  });

  it("deletes nothing when a pass is cut off, keeps the last data and says why", async () => {
    await runFullPass(db(), reader);
    const before = await syncState(db());
    await vdb.exec("DELETE FROM vicidial_inbound_dids WHERE did_id IN (1, 2)");
    await vdb.exec("UPDATE vicidial_inbound_dids SET did_description = 'Changed late' WHERE did_id = 4");
    const mark = await auditMark(db());

    // canWrite, the admin log, DIDs page 1 (did 3), then the read ahead of page 2 dies: the pass stops after one page.
    const cutOff = await failingAfter(reader, 4, { n: 0 });
    const result = await runFullPass(db(), cutOff, { pageSize: 1 });
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/cannot be reached: the connection was refused/);

    expect((await db().select().from(dids)).map((row) => row.didPattern).sort()).toEqual(["+447700900001", "7275550101", "7275550102", "7275550103"]);
    expect(await entriesSince(mark)).toEqual([]);
    const after = await syncState(db());
    expect(after).toMatchObject({ lastOk: false, counts: before.counts, pass: before.pass + 1 });
    expect(after.lastError).toMatch(/cannot be reached/);
    expect(after.syncedAt).toEqual(before.syncedAt);

    // The next pass completes and then removes them.
    expect(await runFullPass(db(), reader)).toMatchObject({ ok: true, removed: 2, changed: 1 });
    expect((await db().select().from(dids)).map((row) => row.didPattern).sort()).toEqual(["+447700900001", "7275550103"]);
  });

  it("between passes re-reads only the records the admin log names, and a change the dashboard made writes nothing", async () => {
    await runFullPass(db(), reader);
    const mark = await auditMark(db());
    await vdb.exec("UPDATE vicidial_inbound_dids SET did_description = 'Named in the log' WHERE did_id = 1");
    await vdb.exec("UPDATE vicidial_inbound_dids SET did_description = 'Not named' WHERE did_id = 2");
    // The dashboard's own change: VICIdial and our row agree.
    await vdb.exec("UPDATE vicidial_inbound_dids SET did_description = 'Made here' WHERE did_id = 3");
    await upsertDid("7275550103", { description: "Made here" }, "alice");
    await vdb.exec("UPDATE phones_alias SET alias_name = 'Reception' WHERE alias_id = 'FRONT'");
    await vdb.insert("vicidial_campaigns", [{ campaign_id: "CAMP1", campaign_name: "Spring", active: "Y", user_group: "---ALL---" }]);
    await vdb.insert("vicidial_admin_log", [
      { event_date: "2026-03-02 10:00:00", user: "6666", ip_address: "", event_section: "DIDS", event_type: "MODIFY", record_id: "1", event_code: "ADMIN MODIFY DID", event_sql: "", event_notes: "" },
      { event_date: "2026-03-02 10:00:01", user: "apiuser", ip_address: "", event_section: "DIDS", event_type: "MODIFY", record_id: "3", event_code: "ADMIN API UPDATE DID", event_sql: "", event_notes: "" },
      { event_date: "2026-03-02 10:00:02", user: "6666", ip_address: "", event_section: "PHONEALIASES", event_type: "MODIFY", record_id: "FRONT", event_code: "ADMIN MODIFY ALIAS", event_sql: "", event_notes: "" },
      { event_date: "2026-03-02 10:00:03", user: "6666", ip_address: "", event_section: "CAMPAIGNS", event_type: "MODIFY", record_id: "CAMP1", event_code: "ADMIN MODIFY CAMPAIGN", event_sql: "", event_notes: "" },
    ]);

    const calls: string[] = [];
    const state = await syncState(db());
    const result = await followAdminLog(db(), recording(reader, calls), { cursor: state.adminLogCursor });
    expect(result).toMatchObject({ entries: 4 });
    // Only the named records were read: no page of any table, the campaigns (named by kind) whole.
    expect(calls.filter((call) => /^(dids|phones|aliases|cidGroups) /.test(call))).toEqual([]);
    expect(calls.filter((call) => call.startsWith("references ")).every((call) => call.startsWith('references ["campaign"'))).toBe(true);
    expect(await db().select().from(clusterReferences).where(eq(clusterReferences.kind, "campaign"))).toMatchObject([{ id: "CAMP1", name: "Spring" }]);
    expect(calls).toContain("didsById [[1,3]]");
    expect(calls).toContain('aliasesById [["FRONT"]]');

    const descriptions = Object.fromEntries((await db().select().from(dids)).map((row) => [row.didId, row.description]));
    expect(descriptions).toMatchObject({ 1: "Named in the log", 2: "Line 7275550102", 3: "Made here" });
    const entries = await entriesSince(mark);
    expect(entries.map((entry) => [entry.action, entry.target])).toEqual([
      ["did.changed_outside", "7275550101"],
      ["alias.changed_outside", "FRONT"],
    ]);
    const after = await syncState(db());
    expect(after.adminLogCursor).toBe(result.cursor);
    expect(after.syncedAt!.getTime()).toBeGreaterThan(state.syncedAt!.getTime());
    // Read again: nothing new, nothing written.
    expect(await followAdminLog(db(), reader, { cursor: after.adminLogCursor })).toMatchObject({ entries: 0 });
    expect(await entriesSince(mark)).toHaveLength(2);
  });

  it("credits an add and a copy with their own DIDs only, not those a script wrote beside them", async () => {
    await runFullPass(db(), reader);
    const mark = await auditMark(db());
    const alike = { did_description: "Sales line" };
    await vdb.insert("vicidial_inbound_dids", [
      did(10, "7275550110", { did_route: "EXTEN", extension: "8300" }), // a script's, just before
      did(11, "7275550111", alike), // added in admin.php
      did(12, "7275550112", alike), // copied from it, with the next one
      did(13, "7275550113", alike),
      did(14, "7275550114", alike), // a script's, just after: alike, but above the copy's last DID
    ]);
    await vdb.insert("vicidial_admin_log", [
      { event_date: "2026-03-02 10:00:00", user: "6666", ip_address: "", event_section: "DIDS", event_type: "ADD", record_id: "11", event_code: "ADMIN ADD DID", event_sql: "", event_notes: "" },
      { event_date: "2026-03-02 10:00:01", user: "6666", ip_address: "", event_section: "DIDS", event_type: "COPY", record_id: "13", event_code: "ADMIN COPY DID", event_sql: "", event_notes: "" },
    ]);

    await followAdminLog(db(), reader, { cursor: (await syncState(db())).adminLogCursor });
    const appeared = async () => (await entriesSince(mark)).map((entry) => [entry.action, entry.target, (entry.params as { vicidialUser: string | null }).vicidialUser]).sort();
    expect(await appeared()).toEqual([
      ["did.appeared", "7275550111", "6666"],
      ["did.appeared", "7275550112", "6666"],
      ["did.appeared", "7275550113", "6666"],
    ]);
    // The scripts' DIDs wrote no admin log: the next full pass finds them, by no one VICIdial knows.
    expect(await runFullPass(db(), reader)).toMatchObject({ ok: true, appeared: 2 });
    expect((await appeared()).filter(([, , user]) => user === null)).toEqual([
      ["did.appeared", "7275550110", null],
      ["did.appeared", "7275550114", null],
    ]);
  });

  it("removes only what VICIdial no longer holds, whatever order the two databases sort keys in", async () => {
    // MariaDB's case-insensitive collation and ours order these differently: a page's key range
    // here may miss one of its rows, which must then be confirmed present, not removed.
    const ids = ["beta", "Alpha", "_under", "alpha2", "Zed", "a-b", "a_b", "A B", "zz"];
    await vdb.insert("phones_alias", ids.map((alias_id) => ({ alias_id, alias_name: `Alias ${alias_id}`, logins_list: "l1001", user_group: "---ALL---" })));
    expect(await runFullPass(db(), reader, { pageSize: 2 })).toMatchObject({ ok: true, counts: { phone_aliases: ids.length + 1 } });
    const mark = await auditMark(db());
    expect(await runFullPass(db(), reader, { pageSize: 2 })).toMatchObject({ ok: true, appeared: 0, changed: 0, removed: 0 });
    expect(await entriesSince(mark)).toEqual([]);

    await vdb.exec("DELETE FROM phones_alias WHERE alias_id IN ('a_b', 'Zed')");
    expect(await runFullPass(db(), reader, { pageSize: 2 })).toMatchObject({ ok: true, removed: 2 });
    expect((await entriesSince(mark)).map((entry) => [entry.action, entry.target]).sort()).toEqual([
      ["alias.removed_outside", "Zed"],
      ["alias.removed_outside", "a_b"],
    ]);
    expect((await db().select().from(phoneAliases)).map((row) => row.aliasId).sort()).toEqual(["A B", "Alpha", "FRONT", "_under", "a-b", "alpha2", "beta", "zz"]);
  });

  it("leaves a big import ready for the lists: statistics taken and every page marked all-visible", async () => {
    // PGlite has no autovacuum: without the pass's vacuum the planner would see an empty table and
    // a search by description could not walk its covering index without reading every row.
    await vdb.insert("vicidial_inbound_dids", Array.from({ length: 1_200 }, (_, i) => did(100 + i, String(8135550000 + i))));
    expect(await runFullPass(db(), reader)).toMatchObject({ ok: true, counts: { dids: 1_204 } });
    const result = await db().execute(sql`select reltuples::int as rows, relpages::int as pages, relallvisible::int as visible from pg_class where oid = 'dids'::regclass`);
    const [table] = (result as unknown as { rows: { rows: number; pages: number; visible: number }[] }).rows;
    expect(table?.rows).toBe(1_204);
    expect(table?.pages).toBeGreaterThan(0);
    expect(table?.visible).toBe(table?.pages);
  });

  it("does not report a dashboard edit made while the pass was reading as drift", async () => {
    await runFullPass(db(), reader);
    const mark = await auditMark(db());
    let edited = false;
    // The pass reads the DID page; then the dashboard changes DID 2 through the API (VICIdial,
    // then our row) before the pass compares the page it read.
    const racing = new Proxy(reader, {
      get(target, property: keyof ClusterReader) {
        if (property !== "dids") return target[property];
        return async (after: number, limit: number) => {
          const page = await target.dids(after, limit);
          if (!edited) {
            edited = true;
            await vdb.exec("UPDATE vicidial_inbound_dids SET did_description = 'Edited by alice' WHERE did_id = 2");
            await upsertDid("7275550102", { description: "Edited by alice" }, "alice");
          }
          return page;
        };
      },
    });
    expect(await runFullPass(db(), racing)).toMatchObject({ ok: true, changed: 0, removed: 0 });
    const [row] = await db().select().from(dids).where(eq(dids.didPattern, "7275550102"));
    expect(row).toMatchObject({ description: "Edited by alice", updatedBy: "alice" });
    expect(await entriesSince(mark)).toEqual([]);
    expect(await runFullPass(db(), reader)).toMatchObject({ ok: true, changed: 0 });
    expect(await entriesSince(mark)).toEqual([]);
  });

  it("lets one of two instances sync, hands over when it stops, and serves Sync now", async () => {
    const passes: string[] = [];
    const loops: SyncLoop[] = [];
    const readers = [createMysqlReader(vdb.url), createMysqlReader(vdb.url)];
    for (const own of readers) {
      const loop: SyncLoop = createSyncLoop({
        db: async () => db(),
        reader: own,
        intervalMs: 3_600_000,
        pollMs: 50,
        followMs: 50,
        leaseMs: 5_000,
        onPass: () => passes.push(loop.owner),
      });
      loops.push(loop);
    }
    try {
      loops.forEach((loop) => loop.start());
      await expect.poll(() => passes.length, { timeout: 15_000 }).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(passes).toHaveLength(1);
      expect(loops.filter((loop) => loop.holding)).toHaveLength(1);
      const holder = loops.find((loop) => loop.holding)!;
      const other = loops.find((loop) => loop !== holder)!;
      expect(passes[0]).toBe(holder.owner);

      await holder.stop();
      await requestSync();
      await expect.poll(() => passes.length, { timeout: 15_000 }).toBe(2);
      expect(passes[1]).toBe(other.owner);
      expect(other.holding).toBe(true);
      expect((await syncState(db())).requestedAt).toBeNull();
    } finally {
      for (const loop of loops) await loop.stop();
      for (const own of readers) await own.close();
    }
  });
});
