// Direct database writes on the simulator (control mode), and the admin-log ids every writer
// shares: what tests use to change VICIdial "outside the dashboard".
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoSeedState } from "./demo-seed";
import { startSimulator, type RunningSimulator } from "./index";
import { callAs6666 } from "./test-support";
import { simulatorTables, type SimulatorTables } from "./testing/tables";

let sim: RunningSimulator;
let tables: SimulatorTables;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, control: true });
  tables = simulatorTables(sim.url);
});
afterAll(() => sim.close());

describe("POST /__simulator/tables/<table>", () => {
  it("inserts with column defaults and the next did_id, which the API then finds", async () => {
    const result = await tables.insert("vicidial_inbound_dids", [{ did_pattern: "9045550199", did_description: "Made in admin.php" }]);
    expect(result).toMatchObject({ affected: 1, insertId: 4, adminLogId: null });
    expect(sim.state.dids.at(-1)).toMatchObject({ did_id: 4, did_route: "EXTEN", extension: "9998811112", list_id: 999 });
    expect((await callAs6666(sim, { function: "update_did", did_pattern: "9045550199", did_description: "Changed by API" })).body).toBe(
      "SUCCESS: update_did DID HAS BEEN UPDATED - 6666|9045550199\n",
    );
    // A raw INSERT writes no admin-log row; the API's update writes one.
    expect(sim.state.adminLog.map((r) => r.event_code)).toEqual(["ADMIN API UPDATE DID"]);
  });

  it("refuses a duplicate key as MySQL does, and an unknown table", async () => {
    await expect(tables.insert("phones", [{ extension: "GS102", server_ip: "10.10.10.15" }])).rejects.toThrow(/HTTP 409 Duplicate entry/);
    await expect(tables.insert("vicidial_nope", [{ a: 1 }])).rejects.toThrow(/HTTP 404 no table vicidial_nope/);
  });

  it("updates and deletes by a case-insensitive where, with an admin-log row as admin.php writes it", async () => {
    const updated = await tables.update("phones", { extension: "GS102", server_ip: "10.10.10.15" }, { fullname: "Renamed in admin" }, {
      user: "admin",
      event_section: "PHONES",
      event_type: "MODIFY",
      record_id: "gs102",
      event_code: "ADMIN MODIFY PHONE",
    });
    expect(updated.affected).toBe(1);
    expect(sim.state.phones.find((p) => p.extension === "gs102")?.fullname).toBe("Renamed in admin");
    const deleted = await tables.delete("phones_alias", { alias_id: "seedalias" }, {
      user: "admin",
      event_section: "PHONEALIASES",
      event_type: "DELETE",
      event_code: "ADMIN DELETE PHONE ALIAS",
      record_id: "SEEDALIAS",
    });
    expect(deleted.affected).toBe(1);
    expect(sim.state.phoneAliases).toHaveLength(0);
    const [modify, remove] = sim.state.adminLog.slice(-2);
    expect(remove!.admin_log_id).toBe(modify!.admin_log_id + 1);
    expect(remove).toMatchObject({ user: "admin", event_section: "PHONEALIASES", event_type: "DELETE", record_id: "SEEDALIAS", ip_address: "127.0.0.1" });
    expect(deleted.adminLogId).toBe(remove!.admin_log_id);
  });

  it("is not served outside control mode", async () => {
    const plain = await startSimulator({ port: 0 });
    try {
      const res = await fetch(new URL("/__simulator/tables/phones", plain.url), { method: "POST", body: JSON.stringify({ insert: [{ extension: "x" }] }) });
      expect(res.status).toBe(404);
      expect(plain.state.phones).toHaveLength(4);
    } finally {
      await plain.close();
    }
  });
});

describe("admin-log ids", () => {
  it("keep increasing across the API's functions, with the CID notes holding the rows before the change", async () => {
    const before = sim.state.nextAdminLogId;
    await callAs6666(sim, { function: "update_cid_group_entry", cid_group_id: "US_SALES", stage: "UPDATE", areacode: "727", outbound_cid: "7275551002", cid_description: "Tampa spare" });
    await callAs6666(sim, { function: "add_phone_alias", alias_id: "LOGTEST", alias_name: "Log test", phone_logins: "1001" });
    const rows = sim.state.adminLog.slice(-2);
    expect(rows.map((r) => r.admin_log_id)).toEqual([before, before + 1]);
    expect(rows[0]).toMatchObject({ event_code: "ADMIN API MODIFY CID", event_notes: "US_SALES|727|7275551002||Tampa backup" });
    expect(rows[1]).toMatchObject({ event_code: "ADMIN API ADD PHONE ALIAS", event_notes: "" });
  });

  it("are given to the rows of a state file written before they existed, and continue after them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sim-upgrade-"));
    try {
      const file = join(dir, "state.json");
      const old = JSON.parse(JSON.stringify(sim.state)) as Record<string, unknown> & { adminLog: Record<string, unknown>[]; phones: Record<string, unknown>[] };
      delete old.nextAdminLogId;
      for (const row of old.adminLog) {
        delete row.admin_log_id;
        delete row.event_notes;
      }
      for (const phone of old.phones) {
        delete phone.peer_status;
        delete phone.ping_time;
      }
      writeFileSync(file, JSON.stringify({ format: "vicidial-simulator-state", version: 1, state: old }));
      const reopened = await startSimulator({ port: 0, stateFile: file });
      try {
        const ids = reopened.state.adminLog.map((r) => r.admin_log_id);
        expect(ids).toEqual(ids.map((_, i) => i + 1));
        expect(reopened.state.phones[0]).toMatchObject({ peer_status: "UNKNOWN", ping_time: null });
        await callAs6666(reopened, { function: "update_did", did_pattern: "3125550000", did_description: "After upgrade" });
        expect(reopened.state.adminLog.at(-1)?.admin_log_id).toBe(ids.length + 1);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the demo seed", () => {
  it("is the same every time and large enough to page, over every route, three servers and every SIP state", () => {
    const demo = createDemoSeedState();
    expect(JSON.stringify(createDemoSeedState())).toBe(JSON.stringify(demo));
    expect(demo.dids.length).toBeGreaterThanOrEqual(300);
    expect(new Set(demo.dids.map((d) => d.did_route))).toEqual(new Set(["EXTEN", "VOICEMAIL", "AGENT", "PHONE", "IN_GROUP", "CALLMENU", "VMAIL_NO_INST"]));
    expect(demo.phones.length).toBeGreaterThanOrEqual(100);
    expect(new Set(demo.phones.map((p) => p.server_ip)).size).toBe(3);
    expect(new Set(demo.phones.map((p) => p.peer_status)).size).toBe(6);
    expect(new Set(demo.phones.map((p) => p.login)).size).toBe(demo.phones.length);
    expect(new Set(demo.dids.map((d) => d.did_pattern.toLowerCase())).size).toBe(demo.dids.length);
    expect(demo.inboundGroups.length).toBeGreaterThanOrEqual(5);
    expect(demo.callMenus.length).toBeGreaterThanOrEqual(3);
    expect(demo.users.filter((u) => u.user_level === 1).length).toBeGreaterThanOrEqual(40);
    expect(demo.cidGroups.length).toBeGreaterThanOrEqual(5);
    // Every routed target exists, so the pickers can name them.
    for (const did of demo.dids) {
      if (did.did_route === "IN_GROUP") expect(demo.inboundGroups.map((g) => g.group_id)).toContain(did.group_id);
      if (did.did_route === "CALLMENU") expect(demo.callMenus.map((m) => m.menu_id)).toContain(did.menu_id);
      if (did.did_route === "AGENT") expect(demo.users.map((u) => u.user)).toContain(did.user);
    }
    for (const alias of demo.phoneAliases) {
      for (const login of alias.logins_list.split(",")) expect(demo.phones.map((p) => p.login)).toContain(login);
    }
  });
});
