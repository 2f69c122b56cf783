// The simulator's database reads over HTTP: what a sync sees in demo mode, seeded the way the
// MariaDB tests seed theirs (direct table writes), plus the two promises specific to this
// transport: no secret leaves the simulator, and a hung simulator fails the read in time.
import { networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { isLoopbackAddress } from "@/lib/simulator/server";
import { simulatorTables, type SimulatorTables } from "@/lib/simulator/testing/tables";
import { describeClusterReader } from "./reader-contract";
import { createSimulatorReader } from "./simulator-reader";
import type { ClusterReader } from "./types";

// The one contract every reader keeps (MariaDB runs it too), on a simulator over HTTP seeded by
// direct table writes.
describeClusterReader("simulator reader over HTTP", async () => {
  const contractSim = await startSimulator({ port: 0, control: true });
  const writes = simulatorTables(contractSim.url);
  return {
    reader: createSimulatorReader(contractSim.url, { timeoutMs: 5_000 }),
    insert: async (table, rows) => {
      await writes.insert(table, rows);
    },
    close: () => contractSim.close(),
  };
});

let sim: RunningSimulator;
let reader: ClusterReader;
let tables: SimulatorTables;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, control: true });
  reader = createSimulatorReader(sim.url, { timeoutMs: 2_000 });
  tables = simulatorTables(sim.url);
});
afterAll(() => sim.close());

describe("simulator reader", () => {
  it("pages DIDs by did_id and finds them by pattern without regard to case", async () => {
    await tables.insert("vicidial_inbound_dids", [
      { did_pattern: "8005550101", did_description: "Paging one", did_route: "IN_GROUP", group_id: "TEST_IN", list_id: "12345678901234" },
      { did_pattern: "SALESLINE", did_description: "Paging two" },
    ]);
    const first = await reader.dids(0, 2);
    expect(first.map((d) => d.did_id)).toEqual([1, 2]);
    const rest = await reader.dids(2, 100);
    expect(rest.map((d) => d.did_pattern)).toEqual(["3125550000", "8005550101", "SALESLINE"]);
    expect(rest[1]).toMatchObject({ did_route: "IN_GROUP", group_id: "TEST_IN", list_id: "12345678901234", did_active: "Y" });
    const found = await reader.didsByPattern(["salesline", "nope"]);
    expect(found.map((d) => d.did_pattern)).toEqual(["SALESLINE"]);
    expect((await reader.didsById([found[0]!.did_id])).map((d) => d.did_pattern)).toEqual(["SALESLINE"]);
  });

  it("pages phones by (extension, server_ip) in collation order and finds every server's phone by extension", async () => {
    await tables.insert("phones", [
      { extension: "GS102", server_ip: "10.10.10.16", login: "gs102b", fullname: "Second server", peer_status: "LAGGED", ping_time: 512 },
    ]);
    const all: string[] = [];
    let after = null as { extension: string; server_ip: string } | null;
    for (;;) {
      const page = await reader.phones(after, 2);
      if (page.length === 0) break;
      all.push(...page.map((p) => `${p.extension}@${p.server_ip}`));
      const last = page[page.length - 1]!;
      after = { extension: last.extension, server_ip: last.server_ip };
    }
    expect(all).toEqual(["1001@10.10.10.15", "1002@10.10.10.15", "callin@10.10.10.15", "gs102@10.10.10.15", "GS102@10.10.10.16"]);
    const both = await reader.phonesByExtension(["gs102"]);
    expect(both.map((p) => [p.server_ip, p.peer_status, p.ping_time])).toEqual([
      ["10.10.10.15", "REGISTERED", 14],
      ["10.10.10.16", "LAGGED", 512],
    ]);
  });

  it("never returns a password column, whatever the method", async () => {
    const body = async (method: string, args: unknown[]) =>
      (await fetch(new URL("/__simulator/cluster-db", sim.url), { method: "POST", body: JSON.stringify({ method, args }) })).text();
    const answers = [
      await body("phones", [null, 100]),
      await body("phonesByExtension", [["gs102", "1001"]]),
      await body("apiUser", ["6666"]),
      await body("references", ["user", "", 100]),
    ].join("\n");
    expect(answers).toContain("gs102");
    expect(answers).not.toMatch(/"(pass|conf_secret|pass_hash|login_pass)"/);
    // The seed's passwords are "test" (phones) and "1234" (users): neither value appears either.
    expect(answers).not.toMatch(/"test"|"1234"/);
  });

  it("reads aliases, CID groups with their entry counts, entries and reference data", async () => {
    await tables.insert("vicidial_campaign_cid_areacodes", [{ campaign_id: "us_sales", areacode: "212", outbound_cid: "2125550001", active: "Y" }]);
    expect(await reader.aliasesById(["seedalias"])).toEqual([{ alias_id: "SEEDALIAS", alias_name: "Seed alias", logins_list: "gs102,1001", user_group: "---ALL---" }]);
    const groups = await reader.cidGroups("", 10);
    expect(groups.map((g) => [g.cid_group_id, g.entry_count, g.idle_entry_count])).toEqual([
      ["EMPTY_GRP", 0, 0],
      ["US_SALES", 4, 2],
    ]);
    expect((await reader.cidEntries("US_SALES")).map((e) => `${e.areacode}/${e.outbound_cid}`)).toEqual([
      "212/2125550001",
      "727/7275551001",
      "727/7275551002",
      "813/8135552001",
    ]);
    const lists = await reader.references("list", "998", 10);
    expect(lists).toEqual([{ kind: "list", id: "999", name: "Test list 999", active: "Y", user_group: null, detail: "TESTCAMP" }]);
    expect((await reader.references("server", "", 10)).map((s) => [s.id, s.detail])).toEqual([["TESTast", "10.10.10.15"]]);
  });

  it("reads the API user's rights, the admin log forward by id and the API log of a user", async () => {
    expect(await reader.apiUser("6002")).toMatchObject({ user_level: 8, active: "Y", ast_delete_phones: "0", api_allowed_functions: " ALL_FUNCTIONS " });
    expect(await reader.apiUser("nobody")).toBeNull();
    const head = await reader.adminLogHead();
    const params = new URLSearchParams({ source: "test", user: "6666", pass: "1234", function: "update_did", did_pattern: "3125550000", did_description: "Changed by a test" });
    await fetch(`${sim.url}?${params}`);
    const log = await reader.adminLogAfter(head, 10);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ admin_log_id: head + 1, event_section: "DIDS", event_type: "MODIFY", record_id: "3", event_code: "ADMIN API UPDATE DID" });
    expect(await reader.adminLogHead()).toBe(head + 1);
    const apiLog = await reader.apiLogBetween("6666", "2000-01-01 00:00:00", "2999-01-01 00:00:00");
    expect(apiLog.at(-1)).toMatchObject({ function: "update_did", source: "test", result: "SUCCESS" });
    expect(await reader.canWrite()).toBe(false);
  });

  it("fails a read within its timeout when the simulator hangs", async () => {
    const hung = await startSimulator({ port: 0, faults: { hang: true } });
    try {
      const slow = createSimulatorReader(hung.url, { timeoutMs: 300 });
      const started = Date.now();
      await expect(slow.dids(0, 10)).rejects.toThrow(/did not answer dids: no answer within 300 ms/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await hung.close();
    }
  });
});

describe("the simulator's database endpoint", () => {
  it("answers this machine only, as a database port bound to loopback would", async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === "IPv4" && !address.internal)?.address;
    if (!external) {
      // A machine with no other interface cannot make a remote request: the rule itself, then.
      expect(["127.0.0.1", "127.3.4.5", "::1"].every(isLoopbackAddress)).toBe(true);
      expect(["10.0.0.5", "192.0.2.2", "fd00::2"].some(isLoopbackAddress)).toBe(false);
      return;
    }
    const open = await startSimulator({ port: 0, host: "0.0.0.0" });
    try {
      const read = (host: string) =>
        fetch(`http://${host}:${open.port}/__simulator/cluster-db`, { method: "POST", body: JSON.stringify({ method: "adminLogHead", args: [] }) });
      const remote = await read(external);
      expect(remote.status).toBe(403);
      expect(await remote.text()).not.toContain("result");
      expect(await (await read("127.0.0.1")).json()).toEqual({ result: 0 });
    } finally {
      await open.close();
    }
  });
});
