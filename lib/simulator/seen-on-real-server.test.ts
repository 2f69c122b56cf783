// Contract section 4 ("Seen on a real server") and 1.4 Case B, one observation at a time.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { AS_6666, callAs6666, movableClock, post, type Reply } from "./test-support";

const clock = movableClock(new Date("2026-03-02T15:00:00Z"));
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ now: clock.now });
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

/** The section 4 table was observed with POST. */
const postAs6666 = (params: Record<string, string>) => post(sim, new URLSearchParams({ ...AS_6666, ...params }));
const phone = (extension: string) => sim.state.phones.find((p) => p.extension === extension);
const did = (pattern: string) => sim.state.dids.find((d) => d.did_pattern === pattern);
const cidEntries = (group: string) => sim.state.cidGroupEntries.filter((e) => e.campaign_id === group);
const apiLogRows = () => sim.state.apiLog.length;

const NEW_PHONE = {
  function: "add_phone",
  extension: "55030",
  dialplan_number: "55030",
  voicemail_id: "55030",
  phone_login: "55030",
  phone_pass: "test",
  server_ip: "10.10.10.15",
  protocol: "SIP",
  registration_password: "secret",
  phone_full_name: "Ext 55030",
  local_gmt: "-5.00",
  outbound_cid: "7275551212",
};

function expectReply(reply: Reply, status: number, body: string) {
  expect({ status: reply.status, body: reply.body }).toEqual({ status, body });
}

describe("an apostrophe in the request (section 4 table)", () => {
  it("add_phone, phone_full_name=O'Brien: 200, added, stored without the quote", async () => {
    expectReply(await postAs6666({ ...NEW_PHONE, phone_full_name: "O'Brien" }), 200, "SUCCESS: add_phone PHONE HAS BEEN ADDED - 6666|55030|10.10.10.15|SIP|55030\n");
    expect(phone("55030")?.fullname).toBe("OBrien");
  });

  it("add_phone, email=a'b@c.com: 500, empty, nothing added", async () => {
    expectReply(await postAs6666({ ...NEW_PHONE, email: "a'b@c.com" }), 500, "");
    expect(phone("55030")).toBeUndefined();
  });

  it("update_phone, email=o'b@x.com: 500, empty, unchanged", async () => {
    const before = { ...phone("1001") };
    expectReply(await postAs6666({ function: "update_phone", extension: "1001", server_ip: "10.10.10.15", email: "o'b@x.com" }), 500, "");
    expect(phone("1001")).toEqual(before);
  });

  it("update_phone, phone_full_name=O'Brien: 500 with the SUCCESS body, stored", async () => {
    const logRows = apiLogRows();
    expectReply(
      await postAs6666({ function: "update_phone", extension: "1001", server_ip: "10.10.10.15", phone_full_name: "O'Brien" }),
      500,
      "SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6666|1001|10.10.10.15|\n",
    );
    expect(phone("1001")?.fullname).toBe("OBrien");
    // The statement that breaks is the API log's own.
    expect(apiLogRows()).toBe(logRows);
  });

  it("add_did and update_did, did_description=O'Brien line: 500 with the SUCCESS body, stored", async () => {
    expectReply(
      await postAs6666({ function: "add_did", did_pattern: "7275550300", did_description: "O'Brien line" }),
      500,
      "SUCCESS: add_did DID HAS BEEN ADDED - 6666|7275550300\n",
    );
    expect(did("7275550300")?.did_description).toBe("OBrien line");
    expectReply(
      await postAs6666({ function: "update_did", did_pattern: "3125550000", did_description: "O'Brien line" }),
      500,
      "SUCCESS: update_did DID HAS BEEN UPDATED - 6666|3125550000\n",
    );
    expect(did("3125550000")?.did_description).toBe("OBrien line");
  });

  it("update_cid_group_entry ADD, cid_description=O'Brien: 500 with the SUCCESS body, stored", async () => {
    expectReply(
      await postAs6666({ function: "update_cid_group_entry", stage: "ADD", cid_group_id: "EMPTY_GRP", areacode: "312", outbound_cid: "3125550300", cid_description: "O'Brien" }),
      500,
      "SUCCESS: update_cid_group_entry CID GROUP ENTRY HAS BEEN ADDED - 6666|EMPTY_GRP|312|3125550300|1\n",
    );
    expect(cidEntries("EMPTY_GRP")).toMatchObject([{ areacode: "312", outbound_cid: "3125550300", cid_description: "OBrien" }]);
  });

  it("update_phone_alias, alias_name=O'Brien: 500 with the SUCCESS body, stored", async () => {
    expectReply(
      await postAs6666({ function: "update_phone_alias", alias_id: "SEEDALIAS", alias_name: "O'Brien" }),
      500,
      "SUCCESS: update_phone_alias PHONE ALIAS HAS BEEN UPDATED - 6666|SEEDALIAS|\n",
    );
    expect(sim.state.phoneAliases.find((a) => a.alias_id === "SEEDALIAS")?.alias_name).toBe("OBrien");
  });

  it("callid_info, agent_user=a'b: 500 with the data line", async () => {
    expectReply(await postAs6666({ function: "callid_info", call_id: "M2151015000000012345", agent_user: "a'b" }), 500, "M2151015000000012345|90\n");
  });

  it("an apostrophe in a parameter the script never reads still gives the 500; errors keep their body", async () => {
    expectReply(
      await postAs6666({ function: "update_did", did_pattern: "3125550099", active: "N", note: "it's" }),
      500,
      "ERROR: update_did DID DOES NOT EXIST: |6666|3125550099\n",
    );
  });

  it("the same requests without the quote answer 200", async () => {
    expect((await postAs6666({ function: "update_phone_alias", alias_id: "SEEDALIAS", alias_name: "OBrien" })).status).toBe(200);
    expect((await postAs6666({ function: "callid_info", call_id: "M2151015000000012345", agent_user: "ab" })).status).toBe(200);
  });

  it("a failed login with a quote in the password answers 200: nothing is logged before authentication", async () => {
    expectReply(await postAs6666({ function: "add_did", pass: "wr'ong", did_pattern: "7275550301" }), 200, "ERROR: Login incorrect, please try again: |6666|wrong|BAD|\n");
  });
});

describe("long areacodes are cut to five characters (section 4)", () => {
  const cid = (params: Record<string, string>) =>
    callAs6666(sim, { function: "update_cid_group_entry", cid_group_id: "EMPTY_GRP", outbound_cid: "3125550310", ...params });

  it("a second ADD of the same long areacode answers 500 with an empty body", async () => {
    expectReply(await cid({ stage: "ADD", areacode: "123456" }), 200, "SUCCESS: update_cid_group_entry CID GROUP ENTRY HAS BEEN ADDED - 6666|EMPTY_GRP|123456|3125550310|1\n");
    expectReply(await cid({ stage: "ADD", areacode: "123456" }), 500, "");
    expect(cidEntries("EMPTY_GRP")).toMatchObject([{ areacode: "12345" }]);
  });

  it("two long areacodes sharing five characters collide; so do the long and the short form", async () => {
    await cid({ stage: "ADD", areacode: "123456789" });
    expectReply(await cid({ stage: "ADD", areacode: "1234500" }), 500, "");
    expectReply(await cid({ stage: "ADD", areacode: "12345" }), 200, "ERROR: update_cid_group_entry THIS CID GROUP ENTRY ALREADY EXISTS: |6666|EMPTY_GRP|12345|3125550310\n");
    expect(cidEntries("EMPTY_GRP")).toHaveLength(1);
  });

  it.each(["INFO", "UPDATE", "DELETE"])("%s with the long value never matches the stored one", async (stage) => {
    await cid({ stage: "ADD", areacode: "123456" });
    expectReply(await cid({ stage, areacode: "123456", active: "N" }), 200, "ERROR: update_cid_group_entry THIS CID GROUP HAS NO ENTRIES: |6666|EMPTY_GRP\n");
    expect(cidEntries("EMPTY_GRP")).toMatchObject([{ areacode: "12345", active: "" }]);
  });
});

describe("long ids and patterns (section 4)", () => {
  it("an alias_id over 20 characters whose first 20 exist answers 500 with an empty body", async () => {
    const base = "A".repeat(20);
    expect((await callAs6666(sim, { function: "add_phone_alias", alias_id: base, alias_name: "First", phone_logins: "1001" })).body).toMatch(/^SUCCESS: /);
    expectReply(await callAs6666(sim, { function: "add_phone_alias", alias_id: `${base}B`, alias_name: "Second", phone_logins: "1001" }), 500, "");
    expect(sim.state.phoneAliases.filter((a) => a.alias_id.startsWith("AAAA"))).toEqual([
      { alias_id: base, alias_name: "First", logins_list: "1001", user_group: "---ALL---" },
    ]);
  });

  it("copy_did of an entry over 50 characters, a second time, prints did_id and rows as 0 and adds nothing", async () => {
    const entry = "7".repeat(55);
    const copy = () => callAs6666(sim, { function: "copy_did", source_did_pattern: "7275550100", new_dids: entry });
    expect((await copy()).body).toMatch(/^NOTICE: copy_did DID HAS BEEN ADDED - 6666\|7{55}\|7275550100\|\d+\|1\n/);
    const count = sim.state.dids.length;
    expectReply(
      await copy(),
      200,
      `NOTICE: copy_did DID HAS BEEN ADDED - 6666|${entry}|7275550100|0|0\nERROR: copy_did NO DIDS ADDED - 6666|7275550100|0|0\n`,
    );
    expect(sim.state.dids.length).toBe(count);
  });
});

describe("callid_info echoes agent_user stripped to letters and digits (section 4)", () => {
  it("agent'01 comes back as agent01 (with the apostrophe's 500)", async () => {
    expectReply(
      await postAs6666({ function: "callid_info", call_id: "M1115105000000012399", agent_user: "agent'01" }),
      500,
      "ERROR: callid_info CALL LOG NOT FOUND: 6666|agent01\n",
    );
    expectReply(await postAs6666({ function: "callid_info", call_id: "M1115105000000012399", agent_user: "agent-01 x" }), 200, "ERROR: callid_info CALL LOG NOT FOUND: 6666|agent01x\n");
  });
});

describe("case-insensitive lookups echo the caller's spelling (section 4)", () => {
  it("extension=GS102 updates gs102 and answers with GS102", async () => {
    expectReply(
      await callAs6666(sim, { function: "update_phone", extension: "GS102", server_ip: "10.10.10.15", phone_full_name: "Upper" }),
      200,
      "SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6666|GS102|10.10.10.15|\n",
    );
    expect(phone("gs102")?.fullname).toBe("Upper");
  });

  it("cid_group_id=us_sales lists US_SALES and echoes us_sales", async () => {
    const reply = await callAs6666(sim, { function: "update_cid_group_entry", stage: "INFO", cid_group_id: "us_sales", areacode: "813" });
    expectReply(reply, 200, "SUCCESS: update_cid_group_entry CID GROUP INFO AS FOLLOWS us_sales|813||1\n1|813|8135552001|Y|Tampa 813|12\n");
  });

  it("add_did of DEFAULT answers DID ALREADY EXISTS with DEFAULT", async () => {
    expectReply(await callAs6666(sim, { function: "add_did", did_pattern: "DEFAULT" }), 200, "ERROR: add_did DID ALREADY EXISTS: |6666|DEFAULT\n");
  });

  it("template_id=sip_GENERIC is accepted", async () => {
    expect((await callAs6666(sim, { ...NEW_PHONE, template_id: "sip_GENERIC" })).body).toBe(
      "SUCCESS: add_phone PHONE HAS BEEN ADDED - 6666|55030|10.10.10.15|SIP|55030\n",
    );
  });
});

describe("lockout Case B holds exactly (1.4, section 4)", () => {
  const login = async (pass: string) => (await callAs6666(sim, { pass, function: "no_such_function" })).body;
  const BAD = "ERROR: Login incorrect, please try again: |6666|wrong|BAD|\n";
  const LOCK = "ERROR: Too many login attempts, try again in 15 minutes: |6666|LOCK|\n";

  it("with no success in 15 minutes: BAD 20 times (the 11th restarts the count), LOCK at the 21st, and for the right password after it", async () => {
    clock.advanceSeconds(3600);
    const answers: string[] = [];
    for (let attempt = 1; attempt <= 20; attempt++) answers.push(await login("wrong"));
    expect(answers).toEqual(Array(20).fill(BAD));
    expect(await login("wrong")).toBe(LOCK);
    expect(await login("1234")).toBe(LOCK);
  });
});
