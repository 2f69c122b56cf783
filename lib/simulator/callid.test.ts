// Contract 2.10 callid_info: acceptance of call ids, the log tables, and the output options.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { callAs6666 } from "./test-support";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

const MANUAL = "M2151015000000012345";
const INBOUND = "Y1115101600000012346";
const AUTO = "V1115101700000012347";
const NO_LOG = "M1115105000000012399";

const lookup = async (params: Record<string, string>) => (await callAs6666(sim, { function: "callid_info", ...params })).body;

describe("output format", () => {
  it.each([
    ["csv", "", "", `${MANUAL},90\n`],
    ["tab", "", "", `${MANUAL}\t90\n`],
    ["pipe", "", "", `${MANUAL}|90\n`],
    ["CSV", "", "", `${MANUAL}|90\n`],
    ["xml", "YES", "", `call_id|custtime\n${MANUAL}|90\n`],
    ["csv", "YES", "", `call_id,custtime\n${MANUAL},90\n`],
    ["csv", "yes", "", `${MANUAL},90\n`],
    [
      "tab",
      "YES",
      "YES",
      `call_id\tcusttime\tcall_date\tphone\tcall_type\tcampaign_id\tlist_id\tstatus\tuser\n` +
        `${MANUAL}\t90\t2024-11-15 10:15:00\t7275551234\tOUTBOUND_MANUAL\tTESTCAMP\t998\tSALE\t6666\n`,
    ],
    ["", "", "YES", `${MANUAL}|90|2024-11-15 10:15:00|7275551234|OUTBOUND_MANUAL|TESTCAMP|998|SALE|6666\n`],
    ["csv", "", "yes", `${MANUAL},90\n`],
  ])("stage=%j header=%j detail=%j", async (stage, header, detail, expected) => {
    expect(await lookup({ call_id: MANUAL, stage, header, detail })).toBe(expected);
  });
});

describe("call types", () => {
  it("reads inbound calls from the closer log", async () => {
    expect(await lookup({ call_id: INBOUND, detail: "YES" })).toBe(
      `${INBOUND}|215|2024-11-15 10:16:00|8135559876|INBOUND|TEST_IN|999|NI|6666\n`,
    );
  });

  it("reports custtime 0 when the agent log has no row", async () => {
    expect(await lookup({ call_id: AUTO, detail: "YES" })).toBe(
      `${AUTO}|0|2024-11-15 10:17:00|3125554321|OUTBOUND_AUTO|TESTCAMP|998|NA|VDAD\n`,
    );
  });

  it("calls DC, S and XL ids OUTBOUND_OTHER, and allows a negative custtime", async () => {
    const callId = "DC1115110000000012400";
    sim.state.calls.logExtended.push({ uniqueid: "1731690000.5", server_ip: "10.10.10.15", call_date: "2024-11-15 11:00:00", lead_id: 500, caller_code: callId });
    sim.state.calls.outboundLog.push({ uniqueid: "1731690000.5", lead_id: 500, call_date: "2024-11-15 11:00:00", phone_number: "7275550000", user: "6666", status: "A", list_id: 998, campaign_id: "TESTCAMP" });
    sim.state.calls.agentLog.push({ agent_log_id: 9, user: "6666", uniqueid: "1731690000.5", lead_id: 500, talk_sec: 3, dead_sec: 10 });
    expect(await lookup({ call_id: callId, detail: "YES", stage: "csv" })).toBe(
      `${callId},-7,2024-11-15 11:00:00,7275550000,OUTBOUND_OTHER,TESTCAMP,998,A,6666\n`,
    );
  });

  it("answers with an empty 500 when the extended log row has no lead_id (PHP fatal error)", async () => {
    const row = sim.state.calls.logExtended.find((r) => r.caller_code === MANUAL);
    if (row) row.lead_id = null;
    const reply = await callAs6666(sim, { function: "callid_info", call_id: MANUAL });
    expect(reply.status).toBe(500);
    expect(reply.body).toBe("");
  });
});

describe("errors", () => {
  it("separates user and data with no leading pipe, and echoes agent_user stripped to letters and digits", async () => {
    expect(await lookup({ call_id: NO_LOG, header: "YES" })).toBe("ERROR: callid_info CALL LOG NOT FOUND: 6666|\n");
    expect(await lookup({ call_id: NO_LOG, agent_user: "bob smith" })).toBe("ERROR: callid_info CALL LOG NOT FOUND: 6666|bobsmith\n");
    expect(await lookup({ call_id: "M9999999999999999999", agent_user: "1001" })).toBe("ERROR: callid_info CALL NOT FOUND: 6666|1001\n");
  });

  it.each([
    ["17 characters", "M1234567890123456", true],
    ["18 characters", "M12345678901234567", false],
    ["39 characters (accepted, never findable)", `M${"1".repeat(38)}`, false],
    ["40 characters", `M${"1".repeat(39)}`, true],
    ["a lowercase prefix", "m2151015000000012345", true],
    ["an unknown prefix", "X2151015000000012345", true],
  ])("call_id with %s", async (_description, callId, invalid) => {
    const body = await lookup({ call_id: callId });
    expect(body).toBe(
      invalid ? `ERROR: callid_info INVALID SEARCH PARAMETERS: 6666|${callId}\n` : "ERROR: callid_info CALL NOT FOUND: 6666|\n",
    );
  });

  it("finds a call whose id arrives with characters the filter deletes", async () => {
    expect(await lookup({ call_id: "M2151015-0000-0001-2345" })).toBe(`${MANUAL}|90\n`);
  });
});
