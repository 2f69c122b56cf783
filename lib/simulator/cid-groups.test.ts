// Contract 2.9 update_cid_group_entry.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { callAs6666 } from "./test-support";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

const FN = "update_cid_group_entry";
const cid = async (params: Record<string, string>) => (await callAs6666(sim, { function: FN, ...params })).body;
const entriesOf = (group: string) => sim.state.cidGroupEntries.filter((e) => e.campaign_id === group);
const info = (group: string, extra: Record<string, string> = {}) => cid({ stage: "INFO", cid_group_id: group, areacode: "---ALL---", ...extra });

describe("DELETE", () => {
  it("wipes the whole group with areacode=---ALL--- and no outbound_cid", async () => {
    sim.state.cidGroupEntries.push({ campaign_id: "EMPTY_GRP", areacode: "212", outbound_cid: "2125550000", active: "Y", cid_description: "Other", call_count_today: 0 });
    expect(await cid({ stage: "DELETE", cid_group_id: "US_SALES", areacode: "---ALL---" })).toBe(
      `SUCCESS: ${FN} CID GROUP ENTRIES HAVE BEEN DELETED - 6666|US_SALES|---ALL---||3\n`,
    );
    expect(entriesOf("US_SALES")).toEqual([]);
    expect(entriesOf("EMPTY_GRP")).toHaveLength(1);
    expect(await info("US_SALES")).toBe(`ERROR: ${FN} THIS CID GROUP HAS NO ENTRIES: |6666|US_SALES\n`);
    expect(await cid({ stage: "DELETE", cid_group_id: "US_SALES", areacode: "---ALL---" })).toBe(
      `ERROR: ${FN} THIS CID GROUP HAS NO ENTRIES: |6666|US_SALES\n`,
    );
  });

  it("deletes every row of one areacode", async () => {
    expect(await cid({ stage: "DELETE", cid_group_id: "US_SALES", areacode: "727", outbound_cid: "---ALL---" })).toBe(
      `SUCCESS: ${FN} CID GROUP ENTRIES HAVE BEEN DELETED - 6666|US_SALES|727|---ALL---|2\n`,
    );
    expect(entriesOf("US_SALES").map((e) => e.outbound_cid)).toEqual(["8135552001"]);
  });
});

describe("INFO", () => {
  it("filters by areacode and outbound_cid and echoes the request in the header", async () => {
    expect(await info("US_SALES", { areacode: "727" })).toBe(
      `SUCCESS: ${FN} CID GROUP INFO AS FOLLOWS US_SALES|727||2\n1|727|7275551001|Y|Tampa main|3\n2|727|7275551002|N|Tampa backup|0\n`,
    );
    expect(await info("US_SALES", { outbound_cid: "8135552001" })).toBe(
      `SUCCESS: ${FN} CID GROUP INFO AS FOLLOWS US_SALES|---ALL---|8135552001|1\n1|813|8135552001|Y|Tampa 813|12\n`,
    );
  });

  it("sorts by areacode then outbound_cid whatever the insertion order", async () => {
    await cid({ stage: "ADD", cid_group_id: "US_SALES", areacode: "212", outbound_cid: "2125559999", active: "Y" });
    await cid({ stage: "ADD", cid_group_id: "US_SALES", areacode: "727", outbound_cid: "7275551000", active: "Y" });
    const rows = (await info("US_SALES")).split("\n").slice(1, -1);
    expect(rows.map((r) => r.split("|").slice(0, 3).join("|"))).toEqual([
      "1|212|2125559999",
      "2|727|7275551000",
      "3|727|7275551001",
      "4|727|7275551002",
      "5|813|8135552001",
    ]);
  });

  it("matches the group id case-insensitively, as MySQL does", async () => {
    expect((await info("us_sales")).split("\n")[0]).toBe(`SUCCESS: ${FN} CID GROUP INFO AS FOLLOWS us_sales|---ALL---||3`);
  });

  it("answers an unknown or lowercase stage with an empty body", async () => {
    const reply = await callAs6666(sim, { function: FN, stage: "info", cid_group_id: "US_SALES", areacode: "---ALL---" });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe("");
  });
});

describe("ADD", () => {
  it("stores active '' unless it is exactly Y, and INFO shows it as N", async () => {
    expect(await cid({ stage: "ADD", cid_group_id: "EMPTY_GRP", areacode: "312", outbound_cid: "3125550001", active: "N", cid_description: "No" })).toBe(
      `SUCCESS: ${FN} CID GROUP ENTRY HAS BEEN ADDED - 6666|EMPTY_GRP|312|3125550001|1\n`,
    );
    await cid({ stage: "ADD", cid_group_id: "EMPTY_GRP", areacode: "312", outbound_cid: "3125550002" });
    expect(entriesOf("EMPTY_GRP").map((e) => e.active)).toEqual(["", ""]);
    expect(await info("EMPTY_GRP")).toBe(
      `SUCCESS: ${FN} CID GROUP INFO AS FOLLOWS EMPTY_GRP|---ALL---||2\n1|312|3125550001|N|No|0\n2|312|3125550002|N||0\n`,
    );
  });

  it("truncates a 6-9 character areacode to 5 but echoes it whole", async () => {
    expect(await cid({ stage: "ADD", cid_group_id: "EMPTY_GRP", areacode: "1234567", outbound_cid: "3125550003" })).toBe(
      `SUCCESS: ${FN} CID GROUP ENTRY HAS BEEN ADDED - 6666|EMPTY_GRP|1234567|3125550003|1\n`,
    );
    expect(entriesOf("EMPTY_GRP")[0]?.areacode).toBe("12345");
    // The duplicate check compares the untruncated value; the unique index then fails (PHP 8: 500).
    const again = await callAs6666(sim, { function: FN, stage: "ADD", cid_group_id: "EMPTY_GRP", areacode: "1234568", outbound_cid: "3125550003" });
    expect(again.status).toBe(500);
    expect(again.body).toBe("");
    expect(entriesOf("EMPTY_GRP")).toHaveLength(1);
  });

  it("requires a real areacode and a CID of 4+ characters; ---ALL--- passes as a CID", async () => {
    expect(await cid({ stage: "ADD", cid_group_id: "EMPTY_GRP", areacode: "---ALL---", outbound_cid: "3125550004" })).toBe(
      `ERROR: ${FN} YOU MUST DEFINE AN AREACODE WHEN ADDING AND ENTRY: |6666|EMPTY_GRP|---ALL---\n`,
    );
    expect(await cid({ stage: "ADD", cid_group_id: "EMPTY_GRP", areacode: "312", outbound_cid: "(31)" })).toBe(
      `ERROR: ${FN} YOU MUST DEFINE A CID NUMBER WHEN ADDING AND ENTRY: |6666|EMPTY_GRP|31\n`,
    );
    await cid({ stage: "ADD", cid_group_id: "EMPTY_GRP", areacode: "312", outbound_cid: "---ALL---" });
    expect(entriesOf("EMPTY_GRP")[0]?.outbound_cid).toBe("---ALL---");
  });

  it("adds to a campaign's own list when the id is a campaign within allowed_campaigns", async () => {
    expect(await cid({ stage: "ADD", cid_group_id: "TESTCAMP", areacode: "727", outbound_cid: "7275550000", active: "Y" })).toMatch(/^SUCCESS: /);
    expect(entriesOf("TESTCAMP")).toHaveLength(1);
    const admin = sim.state.userGroups.find((g) => g.user_group === "ADMIN");
    if (admin) admin.allowed_campaigns = " OTHERCAMP -";
    expect(await info("TESTCAMP")).toBe(`ERROR: ${FN} CID GROUP DOES NOT EXIST: |6666|TESTCAMP\n`);
  });
});

describe("UPDATE", () => {
  it("sets active N as '', counts changed rows only, and keeps descriptions it is not given", async () => {
    const update = { stage: "UPDATE", cid_group_id: "US_SALES", areacode: "727", active: "N" };
    expect(await cid(update)).toBe(`SUCCESS: ${FN} CID GROUP ENTRIES HAVE BEEN UPDATED - 6666|US_SALES|727||1\n`);
    expect(entriesOf("US_SALES").map((e) => e.active)).toEqual(["", "", "Y"]);
    expect(await cid(update)).toBe(`SUCCESS: ${FN} CID GROUP ENTRIES HAVE BEEN UPDATED - 6666|US_SALES|727||0\n`);
    expect(entriesOf("US_SALES").map((e) => e.cid_description)).toEqual(["Tampa main", "Tampa backup", "Tampa 813"]);
  });

  it("refuses a request with nothing to change", async () => {
    expect(await cid({ stage: "UPDATE", cid_group_id: "US_SALES", areacode: "727", active: "YES" })).toBe(
      `ERROR: ${FN} NO UPDATES WERE DEFINED: |6666|US_SALES|727||YES|\n`,
    );
  });

  it("needs at least one matching row", async () => {
    expect(await cid({ stage: "UPDATE", cid_group_id: "US_SALES", areacode: "999", active: "Y" })).toBe(
      `ERROR: ${FN} THIS CID GROUP HAS NO ENTRIES: |6666|US_SALES\n`,
    );
  });
});

describe("required fields and visibility", () => {
  it("checks cid_group_id 1-20, stage 3-6 and areacode 1-9 together", async () => {
    expect(await cid({ stage: "IN", cid_group_id: "US_SALES", areacode: "727" })).toBe(
      `ERROR: ${FN} YOU MUST USE ALL REQUIRED FIELDS: |6666|US_SALES|727|IN\n`,
    );
    expect(await cid({ stage: "INFO", cid_group_id: "US_SALES", areacode: "1234567890" })).toBe(
      `ERROR: ${FN} YOU MUST USE ALL REQUIRED FIELDS: |6666|US_SALES|1234567890|INFO\n`,
    );
  });

  it("hides a group outside admin_viewable_groups as if it did not exist", async () => {
    const group = sim.state.cidGroups.find((g) => g.cid_group_id === "US_SALES");
    if (group) group.user_group = "SALES";
    const admin = sim.state.userGroups.find((g) => g.user_group === "ADMIN");
    if (admin) admin.admin_viewable_groups = " SUPPORT -";
    expect(await info("US_SALES")).toBe(`ERROR: ${FN} CID GROUP DOES NOT EXIST: |6666|US_SALES\n`);
    if (admin) admin.admin_viewable_groups = " SUPPORT SALES -";
    expect(await info("US_SALES")).toMatch(/^SUCCESS: /);
  });
});
