// Contract 2.6 add_did, 2.7 copy_did, 2.8 update_did.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { callAs6666 } from "./test-support";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

const did = (pattern: string) => sim.state.dids.find((d) => d.did_pattern === pattern);
const api = async (params: Record<string, string>) => (await callAs6666(sim, params)).body;
const copy = (newDids: string, extra: Record<string, string> = {}) =>
  api({ function: "copy_did", source_did_pattern: "7275550100", new_dids: newDids, ...extra });

describe("copy_did", () => {
  it("reports new, existing, repeated and empty entries line by line", async () => {
    expect(await copy("7275559001,3125550000,7275559001,")).toBe(
      "NOTICE: copy_did DID HAS BEEN ADDED - 6666|7275559001|7275550100|4|1\n" +
        "NOTICE: copy_did DID ALREADY EXISTS - 6666|3125550000\n" +
        "NOTICE: copy_did DID ALREADY EXISTS - 6666|7275559001\n" +
        "NOTICE: copy_did DID HAS BEEN ADDED - 6666||7275550100|5|1\n" +
        "SUCCESS: copy_did DIDS HAVE BEEN ADDED - 6666|7275550100|2|2\n",
    );
    // The trailing comma created a DID with an empty pattern.
    expect(did("")?.did_id).toBe(5);
    expect(did("7275559001")).toMatchObject({
      did_route: "IN_GROUP",
      group_id: "TEST_IN",
      server_ip: "10.10.10.15",
      did_description: "Seed DID routed to TEST_IN",
    });
    expect(sim.state.adminLog.at(-1)).toMatchObject({ event_section: "DIDS", event_type: "COPY", record_id: "5" });
  });

  it("ends with ERROR NO DIDS ADDED when every entry exists, never checking the description", async () => {
    expect(await copy("3125550000,default", { did_description: "bad" })).toBe(
      "NOTICE: copy_did DID ALREADY EXISTS - 6666|3125550000\n" +
        "NOTICE: copy_did DID ALREADY EXISTS - 6666|default\n" +
        "ERROR: copy_did NO DIDS ADDED - 6666|7275550100|0|2\n",
    );
  });

  it("stops at the first new entry when the description is bad: no final line, no insert, no admin log", async () => {
    const dids = sim.state.dids.length;
    expect(await copy("3125550000,7275559002,7275559003", { did_description: "bad" })).toBe(
      "NOTICE: copy_did DID ALREADY EXISTS - 6666|3125550000\n" +
        "ERROR: copy_did DID DESCRIPTION MUST BE EITHER BLANK OR FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD: |6666|bad\n",
    );
    expect(sim.state.dids).toHaveLength(dids);
    expect(sim.state.adminLog).toHaveLength(0);
  });

  it("uses a valid description for every copy", async () => {
    await copy("7275559004", { did_description: "Copied line" });
    expect(did("7275559004")?.did_description).toBe("Copied line");
  });

  it("truncates entries to 50 characters; one that lands on an existing pattern inserts nothing", async () => {
    const long = "1".repeat(50);
    await copy(long);
    expect(await copy(`${long}2`)).toBe(
      `NOTICE: copy_did DID HAS BEEN ADDED - 6666|${long}2|7275550100|0|0\nERROR: copy_did NO DIDS ADDED - 6666|7275550100|0|0\n`,
    );
  });

  it("needs a visible source DID and both required fields", async () => {
    expect(await copy("7")).toBe("ERROR: copy_did YOU MUST USE ALL REQUIRED FIELDS: |6666|7275550100|7\n");
    const source = did("7275550100");
    if (source) source.user_group = "SALES";
    const admin = sim.state.userGroups.find((g) => g.user_group === "ADMIN");
    if (admin) admin.admin_viewable_groups = "";
    expect(await copy("7275559005")).toBe("ERROR: copy_did SOURCE DID DOES NOT EXIST: |6666|7275550100\n");
  });
});

describe("add_did", () => {
  it("stores the column defaults for a minimal DID and takes the next did_id", async () => {
    await api({ function: "add_did", did_pattern: "7275550070" });
    expect(did("7275550070")).toMatchObject({
      did_id: 4,
      did_active: "Y",
      did_route: "EXTEN",
      extension: "9998811112",
      exten_context: "default",
      record_call: "N",
      call_handle_method: "CID",
      agent_search_method: "LB",
      list_id: 999,
      entry_list_id: 0,
      phone_code: "1",
      user_group: "---ALL---",
    });
    expect(sim.state.adminLog.at(-1)).toMatchObject({ event_type: "ADD", record_id: "4", event_code: "ADMIN API ADD DID" });
  });

  it("says update_did in the bad-menu error", async () => {
    expect(await api({ function: "add_did", did_pattern: "7275550071", menu_id: "NOMENU" })).toBe(
      "ERROR: update_did MENU ID MUST BE A VALID CALL MENU IN THE SYSTEM, THIS IS AN OPTIONAL FIELD: |6666|NOMENU\n",
    );
    expect(did("7275550071")).toBeUndefined();
  });

  it("reports the first bad field in table order", async () => {
    expect(await api({ function: "add_did", did_pattern: "7275550072", phone_code: "12345678901", active: "X", did_description: "short" })).toBe(
      "ERROR: add_did DID DESCRIPTION MUST BE FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD: |6666|short\n",
    );
    expect(await api({ function: "add_did", did_pattern: "7275550072", phone_code: "12345678901", active: "X" })).toBe(
      "ERROR: add_did ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD: |6666|X\n",
    );
    expect(await api({ function: "add_did", did_pattern: "7275550072", phone_code: "12345678901" })).toBe(
      "ERROR: add_did PHONE CODE MUST BE FROM 1 TO 10 CHARACTERS, THIS IS AN OPTIONAL FIELD: |6666|12345678901\n",
    );
  });

  it("stores what the columns make of unchecked values", async () => {
    await api({ function: "add_did", did_pattern: "7275550073", agent_search_method: "XX", list_id: "abc", menu_id: "TESTMENU", did_route: "CALLMENU" });
    expect(did("7275550073")).toMatchObject({ agent_search_method: "", list_id: 0, menu_id: "TESTMENU", did_route: "CALLMENU" });
  });

  it("rejects a pattern outside 2-50 characters as a missing field", async () => {
    const long = "1".repeat(51);
    expect(await api({ function: "add_did", did_pattern: long })).toBe(`ERROR: add_did YOU MUST USE ALL REQUIRED FIELDS: |6666|${long}\n`);
    expect(await api({ function: "add_did", did_pattern: "+" })).toBe("ERROR: add_did YOU MUST USE ALL REQUIRED FIELDS: |6666|+\n");
  });

  it("sees DIDs the user may not see, which update_did calls missing", async () => {
    const hidden = did("3125550000");
    if (hidden) hidden.user_group = "SALES";
    const admin = sim.state.userGroups.find((g) => g.user_group === "ADMIN");
    if (admin) admin.admin_viewable_groups = " SUPPORT -";
    expect(await api({ function: "add_did", did_pattern: "3125550000" })).toBe("ERROR: add_did DID ALREADY EXISTS: |6666|3125550000\n");
    expect(await api({ function: "update_did", did_pattern: "3125550000", active: "N" })).toBe(
      "ERROR: update_did DID DOES NOT EXIST: |6666|3125550000\n",
    );
  });
});

describe("update_did", () => {
  it("updates the given fields and keeps the did_id", async () => {
    expect(await api({ function: "update_did", did_pattern: "3125550000", did_route: "IN_GROUP", group: "TEST_IN", record_call: "Y" })).toBe(
      "SUCCESS: update_did DID HAS BEEN UPDATED - 6666|3125550000\n",
    );
    expect(did("3125550000")).toMatchObject({ did_id: 3, did_route: "IN_GROUP", group_id: "TEST_IN", record_call: "Y", extension: "8300" });
  });

  it("prefixes field errors with update_did", async () => {
    expect(await api({ function: "update_did", did_pattern: "3125550000", group: "NOPE" })).toBe(
      "ERROR: update_did GROUP ID MUST BE A VALID INBOUND GROUP IN THE SYSTEM, THIS IS AN OPTIONAL FIELD: |6666|NOPE\n",
    );
  });

  it("deletes with delete_did=Y and reports the did_id, ignoring other fields", async () => {
    expect(await api({ function: "update_did", did_pattern: "3125550000", delete_did: "Y", group: "NOPE" })).toBe(
      "SUCCESS: update_did DID HAS BEEN DELETED - 6666|3125550000|3\n",
    );
    expect(did("3125550000")).toBeUndefined();
    expect(await api({ function: "update_did", did_pattern: "3125550000", delete_did: "Y" })).toBe(
      "ERROR: update_did DID DOES NOT EXIST: |6666|3125550000\n",
    );
  });
});
