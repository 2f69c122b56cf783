import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallSearch, CallsReader } from "./types";

/**
 * The calls reader's contract, run against every implementation: MariaDB with our DDL
 * (mysql.test.ts) and the simulator over HTTP (simulator.test.ts). Each backend is seeded with
 * the same rows through `insert(table, rows)`, as a direct write to VICIdial's tables.
 */
export interface CallsBackend {
  reader: CallsReader;
  insert(table: string, rows: Record<string, unknown>[]): Promise<void>;
  close(): Promise<void>;
}

const DAY = "2025-03-04";
const epoch = (time: string) => Date.parse(`${DAY}T${time}Z`) / 1000;

const out = (uniqueid: string, time: string, fields: Record<string, unknown>) => ({
  uniqueid,
  lead_id: 5001,
  list_id: 7001,
  campaign_id: "QACAMP",
  call_date: `${DAY} ${time}`,
  start_epoch: epoch(time),
  end_epoch: epoch(time) + 60,
  length_in_sec: 60,
  status: "QSALE",
  phone_code: "1",
  phone_number: "7275551234",
  user: "qa_agent1",
  user_group: "AGENTS",
  term_reason: "CALLER",
  called_count: 1,
  ...fields,
});

const inb = (closecallid: number, uniqueid: string, time: string, fields: Record<string, unknown>) => ({
  closecallid,
  uniqueid,
  lead_id: 5002,
  list_id: 7001,
  campaign_id: "QA_IN",
  call_date: `${DAY} ${time}`,
  start_epoch: epoch(time),
  end_epoch: epoch(time) + 120,
  length_in_sec: 120,
  status: "QNI",
  phone_number: "8135550199",
  user: "qa_agent2",
  term_reason: "AGENT",
  queue_seconds: 12.5,
  ...fields,
});

async function seed(backend: CallsBackend): Promise<void> {
  await backend.insert("vicidial_users", [
    { user: "qa_agent1", pass: "unused1", full_name: "Ada Agent", user_level: 1, user_group: "AGENTS", active: "Y" },
    { user: "qa_agent2", pass: "unused2", full_name: "Bo Agent", user_level: 1, user_group: "AGENTS", active: "Y" },
  ]);
  await backend.insert("vicidial_campaigns", [{ campaign_id: "QACAMP", campaign_name: "QA outbound campaign", active: "Y" }]);
  await backend.insert("vicidial_inbound_groups", [{ group_id: "QA_IN", group_name: "QA support line", active: "Y", user_group: "---ALL---" }]);
  await backend.insert("vicidial_lists", [{ list_id: 7001, list_name: "QA spring list", campaign_id: "QACAMP", active: "Y" }]);
  await backend.insert("vicidial_list", [
    { lead_id: 5001, list_id: 7001, first_name: "Carla", last_name: "Customer", phone_number: "7275551234" },
    { lead_id: 5002, list_id: 7001, first_name: "Dan", last_name: "Caller", phone_number: "8135550199" },
    // A lead whose own number is called from another number record (alt phone): found by the lead.
    { lead_id: 5003, list_id: 7001, first_name: "Eve", last_name: "Alt", phone_number: "6465550000" },
  ]);
  await backend.insert("vicidial_statuses", [
    { status: "QSALE", status_name: "Sale Made" },
    { status: "QNI", status_name: "Not Interested" },
  ]);
  await backend.insert("vicidial_campaign_statuses", [{ status: "QSALE", status_name: "Closed a renewal", campaign_id: "QACAMP" }]);
  await backend.insert("vicidial_log", [
    out("1741082400.1", "10:00:00", {}),
    out("1741086000.2", "11:00:00", { status: "ZZQA", user: "VDAD", term_reason: "NONE", length_in_sec: 0 }),
    out("1741089600.3", "12:00:00", { lead_id: 5003, phone_number: "6465559999" }),
    out("1741093200.4", "13:00:00", { phone_number: "7275550000", lead_id: 5004, campaign_id: "OTHER" }),
    // The day before: outside a one-day search.
    { ...out("1740996000.5", "10:00:00", {}), call_date: "2025-03-03 10:00:00", start_epoch: epoch("10:00:00") - 86_400 },
  ]);
  await backend.insert("vicidial_closer_log", [
    inb(9001, "1741084200.11", "10:30:00", {}),
    inb(9002, "1741091400.12", "12:30:00", { phone_number: "7275551234", lead_id: 5001, status: "QSALE", user: "qa_agent1" }),
  ]);
  await backend.insert("vicidial_log_extended", [
    { uniqueid: "1741082400.1", server_ip: "10.0.0.5", call_date: `${DAY} 10:00:00`, lead_id: 5001, caller_code: "M3041000000005001" + "00" },
    { uniqueid: "1741084200.11", server_ip: "10.0.0.5", call_date: `${DAY} 10:30:00`, lead_id: 5002, caller_code: "Y3041030000005002" + "00" },
  ]);
  await backend.insert("vicidial_agent_log", [{ agent_log_id: 88001, user: "qa_agent1", uniqueid: "1741082400.1", lead_id: 5001, talk_sec: 50, dead_sec: 8 }]);
  const rec = (recording_id: number, vicidial_id: string, lead_id: number, time: string, filename: string) => ({
    recording_id,
    start_time: `${DAY} ${time}`,
    end_time: null,
    length_in_sec: 55,
    filename,
    location: `http://dialer1/RECORDINGS/MP3/${filename}.mp3`,
    lead_id,
    user: "qa_agent1",
    vicidial_id,
    server_ip: "10.0.0.5",
  });
  await backend.insert("recording_log", [rec(61, "1741082400.1", 5001, "10:00:05", "20250304-100005_7275551234"), rec(62, "9001", 5002, "10:30:20", "20250304-103020_8135550199")]);
  await backend.insert("recording_log_archive", [
    rec(60, "1741082400.1", 5001, "10:00:01", "20250304-100001_7275551234-first"),
    // No vicidial_id on the call's own row: found by its lead and time.
    rec(63, "", 5003, "12:00:10", "20250304-120010_6465559999"),
  ]);
}

const day = (fields: Partial<CallSearch> = {}): CallSearch => ({ from: `${DAY} 00:00:00`, to: `${DAY} 23:59:59`, offset: 0, limit: 50, ...fields });
const keys = (rows: { key: string }[]) => rows.map((row) => row.key);

export function describeCallsReader(name: string, makeBackend: () => Promise<CallsBackend>): void {
  describe(`calls reader contract: ${name}`, () => {
    let backend: CallsBackend;
    let reader: CallsReader;
    beforeAll(async () => {
      backend = await makeBackend();
      reader = backend.reader;
      await seed(backend);
    }, 120_000);
    afterAll(async () => {
      await backend?.close();
    });

    it("lists both directions within the range, newest first, and nothing outside it", async () => {
      const page = await reader.search(day());
      expect(keys(page.rows)).toEqual(["1741093200.4", "9002", "1741089600.3", "1741086000.2", "9001", "1741082400.1"]);
      expect(page.more).toBe(false);
      expect(page.rows.find((row) => row.key === "9001")).toMatchObject({ direction: "inbound", uniqueid: "1741084200.11", campaign_id: "QA_IN", queue_seconds: 12.5, term_reason: "AGENT", call_date: `${DAY} 10:30:00`, length_in_sec: 120 });
      expect(page.rows.find((row) => row.key === "1741082400.1")).toMatchObject({ direction: "outbound", lead_id: 5001, list_id: "7001", queue_seconds: null, start_epoch: epoch("10:00:00") });
    });

    it("pages on the server: a page's worth at a time, and says when there is more", async () => {
      const first = await reader.search(day({ limit: 4 }));
      const second = await reader.search(day({ limit: 4, offset: 4 }));
      expect(keys(first.rows)).toEqual(["1741093200.4", "9002", "1741089600.3", "1741086000.2"]);
      expect(first.more).toBe(true);
      expect(keys(second.rows)).toEqual(["9001", "1741082400.1"]);
      expect(second.more).toBe(false);
      const oldest = await reader.search(day({ limit: 2, oldestFirst: true }));
      expect(keys(oldest.rows)).toEqual(["1741082400.1", "9001"]);
      expect(oldest.more).toBe(true);
    });

    it("finds a number's calls both ways: inbound by the number, outbound by its lead's number", async () => {
      expect(keys((await reader.search(day({ phones: ["7275551234", "17275551234"] }))).rows)).toEqual(["9002", "1741086000.2", "1741082400.1"]);
      // Dialled 6465559999 for lead 5003, whose own number is 6465550000.
      expect(keys((await reader.search(day({ phones: ["6465550000"] }))).rows)).toEqual(["1741089600.3"]);
      expect((await reader.search(day({ phones: ["9995550000"] }))).rows).toEqual([]);
      // Outbound by lead only: a number no lead has finds no outbound call, and the page still answers.
      expect((await reader.search(day({ phones: ["7275550000"] }))).rows).toEqual([]);
      expect(keys((await reader.search(day({ phones: ["7275551234"], limit: 1 }))).rows)).toEqual(["9002"]);
    });

    it("filters by agent, campaign or in-group, status, direction and lead", async () => {
      expect(keys((await reader.search(day({ agent: "qa_agent1" }))).rows)).toEqual(["1741093200.4", "9002", "1741089600.3", "1741082400.1"]);
      expect(keys((await reader.search(day({ group: "QA_IN" }))).rows)).toEqual(["9002", "9001"]);
      expect(keys((await reader.search(day({ status: "QSALE", direction: "outbound" }))).rows)).toEqual(["1741093200.4", "1741089600.3", "1741082400.1"]);
      expect(keys((await reader.search(day({ lead_id: 5001 }))).rows)).toEqual(["9002", "1741086000.2", "1741082400.1"]);
      expect(keys((await reader.search(day({ agent: "QA_AGENT2" }))).rows)).toEqual(["9001"]);
    });

    it("finds a call by its call ID (vicidial_log_extended.caller_code) within the range", async () => {
      expect(keys((await reader.search(day({ callId: "Y304103000000500200" }))).rows)).toEqual(["9001"]);
      expect((await reader.search(day({ callId: "Y999999999999999999" }))).rows).toEqual([]);
      expect((await reader.search({ ...day({ callId: "Y304103000000500200" }), from: "2025-03-05 00:00:00", to: "2025-03-05 23:59:59" })).rows).toEqual([]);
    });

    it("opens a call with its agent's name, lead, list, campaign and status in words", async () => {
      const details = await reader.call("outbound", "1741082400.1");
      expect(details).toMatchObject({
        callId: "M304100000000500100",
        custTime: 42,
        agentName: "Ada Agent",
        lead: { lead_id: 5001, first_name: "Carla", last_name: "Customer", phone_number: "7275551234", list_id: "7001" },
        listName: "QA spring list",
        groupName: "QA outbound campaign",
        // The campaign's own words win over the system status's.
        statusName: "Closed a renewal",
      });
      const inbound = await reader.call("inbound", "9001");
      expect(inbound).toMatchObject({ callId: "Y304103000000500200", custTime: null, agentName: "Bo Agent", groupName: "QA support line", statusName: "Not Interested" });
      expect(inbound?.call).toMatchObject({ queue_seconds: 12.5, term_reason: "AGENT" });
      expect(await reader.call("outbound", "1741086000.2")).toMatchObject({ agentName: null, callId: null, statusName: null });
      expect(await reader.call("outbound", "no-such-call")).toBeNull();
      expect(await reader.call("inbound", "123456")).toBeNull();
    });

    it("lists a call's recordings from the log and its archive, else the lead's within the call's time", async () => {
      const outbound = await reader.recordings("1741082400.1", null);
      expect(outbound.map((row) => row.recording_id)).toEqual(["60", "61"]);
      expect(outbound[1]).toMatchObject({ filename: "20250304-100005_7275551234", location: "http://dialer1/RECORDINGS/MP3/20250304-100005_7275551234.mp3", start_time: `${DAY} 10:00:05`, length_in_sec: 55 });
      expect((await reader.recordings("9001", null)).map((row) => row.recording_id)).toEqual(["62"]);
      expect(await reader.recordings("1741089600.3", null)).toEqual([]);
      expect((await reader.recordings("1741089600.3", { lead_id: 5003, from: `${DAY} 12:00:00`, to: `${DAY} 12:01:00` })).map((row) => row.recording_id)).toEqual(["63"]);
      expect(await reader.recordings("1741089600.3", { lead_id: 5003, from: `${DAY} 13:00:00`, to: `${DAY} 13:01:00` })).toEqual([]);
      expect(await reader.recording("63")).toMatchObject({ lead_id: 5003, filename: "20250304-120010_6465559999" });
      expect(await reader.recording("999999")).toBeNull();
    });

    it("tells VICIdial's server time now", async () => {
      expect(await reader.serverNow()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    });
  });
}
