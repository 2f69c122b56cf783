// Contract 1.4 (authentication and lockout) and 1.5 (allowed functions, permission queries).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { call, movableClock } from "./test-support";

const clock = movableClock(new Date("2026-03-02T15:00:00Z"));
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ now: clock.now });
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

const BAD = (user: string, pass: string) => `ERROR: Login incorrect, please try again: |${user}|${pass}|BAD|\n`;
const LOCK = (user: string) => `ERROR: Too many login attempts, try again in 15 minutes: |${user}|LOCK|\n`;
const NO_FUNCTION = "ERROR: NO FUNCTION SPECIFIED\n";

const login = async (user: string, pass: string) => (await call(sim, { source: "test", user, pass, function: "none" })).body;
const counter = (user: string) => sim.state.users.find((u) => u.user === user)?.failed_login_count;

async function failTimes(user: string, times: number): Promise<string[]> {
  const bodies: string[] = [];
  for (let i = 0; i < times; i++) bodies.push(await login(user, "wrong"));
  return bodies;
}

describe("lockout, Case A: a success in the past 15 minutes", () => {
  it("answers BAD ten times, then LOCK, even for the right password, until 15 minutes after the success", async () => {
    expect(await login("6001", "1234")).toBe(NO_FUNCTION);
    expect(await failTimes("6001", 10)).toEqual(Array(10).fill(BAD("6001", "wrong")));
    expect(counter("6001")).toBe(10);
    expect(await login("6001", "wrong")).toBe(LOCK("6001"));
    expect(await login("6001", "1234")).toBe(LOCK("6001"));

    // Failures do not extend the lock: it still ends 900 s after the success.
    clock.advanceSeconds(800);
    expect(await login("6001", "wrong")).toBe(LOCK("6001"));
    clock.advanceSeconds(100);
    expect(await login("6001", "1234")).toBe(LOCK("6001"));
    clock.advanceSeconds(1);
    expect(await login("6001", "1234")).toBe(NO_FUNCTION);
    expect(counter("6001")).toBe(0);
  });

  it("counts LOCK attempts only in the daily attempts counter", async () => {
    sim.lockUser("6001");
    const before = { ...sim.state.users.find((u) => u.user === "6001") };
    expect(await login("6001", "1234")).toBe(LOCK("6001"));
    const after = sim.state.users.find((u) => u.user === "6001");
    expect(after?.failed_login_count).toBe(before.failed_login_count);
    expect(after?.failed_login_attempts_today).toBe((before.failed_login_attempts_today ?? 0) + 1);
    expect(after?.failed_login_count_today).toBe(before.failed_login_count_today);
    expect(after?.failed_last_type_today).toBe("aLOCK");
  });
});

describe("lockout, Case B: no success in the past 15 minutes", () => {
  it("still accepts the right password after ten failures, and resets the counter", async () => {
    expect(await failTimes("6666", 10)).toEqual(Array(10).fill(BAD("6666", "wrong")));
    expect(await login("6666", "1234")).toBe(NO_FUNCTION);
    expect(counter("6666")).toBe(0);
  });

  it("restarts the count at an 11th failure and locks at the 21st", async () => {
    await failTimes("6666", 10);
    clock.advanceSeconds(60);
    expect(await login("6666", "wrong")).toBe(BAD("6666", "wrong"));
    expect(counter("6666")).toBe(1);
    expect(await failTimes("6666", 9)).toEqual(Array(9).fill(BAD("6666", "wrong")));
    expect(await login("6666", "wrong")).toBe(LOCK("6666"));
    expect(await login("6666", "1234")).toBe(LOCK("6666"));
    // The lock runs from the counter reset (the 11th failure), not from the last failure.
    clock.advanceSeconds(901);
    expect(await login("6666", "1234")).toBe(NO_FUNCTION);
  });
});

describe("rejections", () => {
  it("counts a right password on a level-1 or inactive user as a failure", async () => {
    expect(await login("4444", "1234")).toBe(BAD("4444", "1234"));
    expect(await login("6003", "1234")).toBe(BAD("6003", "1234"));
    expect(counter("4444")).toBe(1);
    expect(counter("6003")).toBe(1);
  });

  it("changes nothing for an unknown user", async () => {
    const before = JSON.stringify(sim.state.users);
    expect(await login("9999", "1234")).toBe(BAD("9999", "1234"));
    expect(JSON.stringify(sim.state.users)).toBe(before);
  });

  it("echoes the sanitized password", async () => {
    expect(await login("6666", "p@ss w0rd!")).toBe(BAD("6666", "pssw0rd"));
  });

  it("puts a user in LOCK with lockUser()", async () => {
    sim.lockUser("6666");
    expect(await login("6666", "1234")).toBe(LOCK("6666"));
    expect(() => sim.lockUser("nobody")).toThrow(/nobody/);
  });

  it("blocks an API login from an IP outside the user group's api_ip_list", async () => {
    sim.state.systemSettings.allow_ip_lists = 1;
    sim.state.ipLists.push({ ip_list_id: "OFFICE", entries: ["10.1.2.x"] });
    const group = sim.state.userGroups.find((g) => g.user_group === "ADMIN");
    if (group) group.api_ip_list = "OFFICE";
    expect(await login("6666", "1234")).toBe("ERROR: Your IP Address is not allowed: 127.0.0.1: ||IPBLOCK|\n");
    expect(counter("6666")).toBe(0);

    sim.state.ipLists[0]?.entries.push("127.0.0.x");
    expect(await login("6666", "1234")).toBe(NO_FUNCTION);
  });
});

describe("api_allowed_functions", () => {
  const asUser8888 = (params: Record<string, string>) => call(sim, { source: "test", user: "8888", pass: "1234", ...params });

  it("lets 8888 use only version, add_did and callid_info", async () => {
    expect((await asUser8888({ function: "add_did", did_pattern: "7275550030" })).body).toBe(
      "SUCCESS: add_did DID HAS BEEN ADDED - 8888|7275550030\n",
    );
    expect((await asUser8888({ function: "callid_info", call_id: "M2151015000000012345" })).body).toBe("M2151015000000012345|90\n");
    expect((await asUser8888({ function: "update_did", did_pattern: "7275550030", active: "N" })).body).toBe(
      "ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |8888|update_did|\n",
    );
    expect(sim.state.dids.find((d) => d.did_pattern === "7275550030")?.did_active).toBe("Y");
  });

  it("needs the name between spaces, or ALL_FUNCTIONS anywhere", async () => {
    const user = sim.state.users.find((u) => u.user === "8888");
    if (!user) throw new Error("seed lacks 8888");
    user.api_allowed_functions = " add_did_extra ";
    expect((await asUser8888({ function: "add_did", did_pattern: "7275550031" })).body).toMatch(/^ERROR: auth /);
    user.api_allowed_functions = "xALL_FUNCTIONSx";
    expect((await asUser8888({ function: "add_did", did_pattern: "7275550031" })).body).toMatch(/^SUCCESS: /);
  });

  it("is checked after the source check", async () => {
    expect((await asUser8888({ function: "update_did", source: "x" })).body).toBe(
      "ERROR: Invalid Source - x\nERROR: Invalid Source: |x|\n",
    );
  });
});

describe("permission queries", () => {
  const as = (user: string, params: Record<string, string>) => call(sim, { source: "test", user, pass: "1234", ...params });

  it("refuses level 7 everything but callid_info, and only with view_reports", async () => {
    expect((await as("7777", { function: "add_did", did_pattern: "7275550040" })).body).toBe(
      "ERROR: add_did USER DOES NOT HAVE PERMISSION TO ADD DIDS: |7777|0\n",
    );
    expect((await as("7777", { function: "callid_info", call_id: "M2151015000000012345" })).body).toBe(
      "ERROR: callid_info USER DOES NOT HAVE PERMISSION TO GET CALL INFO: |7777|0|\n",
    );
    const user = sim.state.users.find((u) => u.user === "7777");
    if (user) user.view_reports = "1";
    expect((await as("7777", { function: "callid_info", call_id: "M2151015000000012345" })).body).toBe("M2151015000000012345|90\n");
    if (user) user.modify_inbound_dids = "1";
    expect((await as("7777", { function: "add_did", did_pattern: "7275550040" })).body).toMatch(/PERMISSION TO ADD DIDS: \|7777\|0/);
  });

  it("refuses a user without vdc_agent_api_access", async () => {
    expect((await as("5555", { function: "update_cid_group_entry", stage: "INFO", cid_group_id: "US_SALES", areacode: "---ALL---" })).body).toBe(
      "ERROR: update_cid_group_entry USER DOES NOT HAVE PERMISSION TO UPDATE CID GROUPS: |5555|0\n",
    );
  });

  it.each([
    ["add_phone", "ERROR: add_phone USER DOES NOT HAVE PERMISSION TO ADD PHONES: |7777|0\n"],
    ["update_phone", "ERROR: update_phone USER DOES NOT HAVE PERMISSION TO UPDATE PHONES: |7777|0\n"],
    ["add_phone_alias", "ERROR: add_phone_alias USER DOES NOT HAVE PERMISSION TO ADD PHONE ALIASES: |7777|0\n"],
    ["update_phone_alias", "ERROR: update_phone_alias USER DOES NOT HAVE PERMISSION TO UPDATE PHONE ALIASES: |7777|0\n"],
    ["copy_did", "ERROR: copy_did USER DOES NOT HAVE PERMISSION TO ADD DIDS: |7777|0\n"],
    ["update_did", "ERROR: update_did USER DOES NOT HAVE PERMISSION TO UPDATE DIDS: |7777|0\n"],
  ])("refuses %s to a user without the right", async (fn, line) => {
    expect((await as("7777", { function: fn })).body).toBe(line);
  });

  it("lets 6002 edit but not delete: an ERROR for DIDs, a NOTICE for phones and aliases", async () => {
    expect((await as("6002", { function: "update_did", did_pattern: "3125550000", delete_did: "Y" })).body).toBe(
      "ERROR: update_did USER DOES NOT HAVE PERMISSION TO DELETE DIDS: |6002|1\n",
    );
    expect((await as("6002", { function: "update_phone", extension: "1001", server_ip: "10.10.10.15", delete_phone: "Y" })).body).toBe(
      "NOTICE: update_phone USER DOES NOT HAVE PERMISSION TO DELETE PHONES: |6002|0\n",
    );
    expect((await as("6002", { function: "update_phone_alias", alias_id: "SEEDALIAS", delete_alias: "Y" })).body).toBe(
      "NOTICE: update_phone_alias USER DOES NOT HAVE PERMISSION TO DELETE PHONE ALIASES: |6002|0\n",
    );
    expect(sim.state.dids.some((d) => d.did_pattern === "3125550000")).toBe(true);
    expect(sim.state.phones.some((p) => p.extension === "1001")).toBe(true);
    expect(sim.state.phoneAliases.some((a) => a.alias_id === "SEEDALIAS")).toBe(true);
    expect((await as("6002", { function: "update_did", did_pattern: "3125550000", active: "N" })).body).toBe(
      "SUCCESS: update_did DID HAS BEEN UPDATED - 6002|3125550000\n",
    );
  });
});
