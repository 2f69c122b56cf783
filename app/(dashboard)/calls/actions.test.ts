import http from "node:http";
import { createServer } from "node:net";
import { and, asc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import type { BatchRow } from "@/lib/calls/outcome";
import { recentLookups } from "@/lib/calls/recent";
import { auditLog } from "@/lib/db/schema";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { auditMark, testBackends, useTestDatabase } from "@/lib/testing/db";
import { configureVicidial } from "@/lib/vicidial/default-client";
import { testSession } from "@/lib/testing/session";
import { lookupCallAction, lookupCallBatchAction } from "./actions";

const session = testSession();

const QA: CurrentUser = { id: 31, username: "qa.quinn", displayName: "Quinn (QA)", role: "qa", mustChangePassword: false };
const SUPERVISOR: CurrentUser = { id: 32, username: "sup.sam", displayName: "Sam", role: "supervisor", mustChangePassword: false };
const PROVISIONING: CurrentUser = { id: 33, username: "it.ivy", displayName: "Ivy (IT)", role: "provisioning", mustChangePassword: false };

const MANUAL = "M2151015000000012345";
const INBOUND = "Y1115101600000012346";
const AUTO = "V1115101700000012347";
const LOG_MISSING = "M1115105000000012399";
const UNKNOWN = "M9999999999999999999";

/**
 * A pass-through HTTP proxy in front of the simulator that counts how many requests are open at
 * once: the batch's concurrency bound, measured on the wire.
 */
async function concurrencyWatch(target: string) {
  const upstream = new URL(target);
  let open = 0;
  let peak = 0;
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    open++;
    peak = Math.max(peak, open);
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on("end", () => open--);
      },
    );
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    peak: () => peak,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A port nothing listens on: VICIdial "down". */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.each(testBackends())("call lookup actions against the simulator on %s", (backend) => {
  const db = useTestDatabase(backend);
  let sim: RunningSimulator;
  let url: string;
  let maxInFlight = 4;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    url = sim.url;
    configureVicidial(() => ({ url, user: "6666", pass: "1234", timeoutMs: 3000, maxInFlight }));
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    sim.reset();
    sim.setFaults({});
    url = sim.url;
    maxInFlight = 4;
    session.user = QA;
    mark = await auditMark(db());
  });

  let mark = 0;
  const auditRows = (action: string) => db().select().from(auditLog).where(and(gt(auditLog.id, mark), eq(auditLog.action, action))).orderBy(asc(auditLog.id));

  describe("one call", () => {
    it("shows the outbound manual call with every callid_info column, and audits who looked it up", async () => {
      const result = await lookupCallAction(undefined, { callId: MANUAL });
      expect(result).toEqual({
        ok: true,
        message: `Found call ${MANUAL}`,
        data: {
          callId: MANUAL,
          customerTalkSeconds: 90,
          callDate: "2024-11-15 10:15:00",
          phoneNumber: "7275551234",
          callType: "OUTBOUND_MANUAL",
          campaignId: "TESTCAMP",
          listId: "998",
          status: "SALE",
          agentUser: "6666",
        },
      });
      const [entry, ...more] = await auditRows("call.lookup");
      expect(more).toHaveLength(0);
      expect(entry).toMatchObject({ resource: "call", target: MANUAL, outcome: "success", actorUsername: "qa.quinn", actorId: 31, actorRole: "qa" });
      expect(entry?.after).toMatchObject({ state: "found", call: { callId: MANUAL, status: "SALE" } });
    });

    it("shows the inbound call with its in-group and 3:35 of talk time", async () => {
      const result = await lookupCallAction(undefined, { callId: INBOUND });
      expect(result).toMatchObject({
        ok: true,
        data: { callId: INBOUND, callType: "INBOUND", customerTalkSeconds: 215, callDate: "2024-11-15 10:16:00", phoneNumber: "8135559876", campaignId: "TEST_IN", listId: "999", status: "NI", agentUser: "6666" },
      });
    });

    it("shows the auto-dialed call answered by nobody: agent VDAD, zero talk time", async () => {
      const result = await lookupCallAction(undefined, { callId: AUTO });
      expect(result).toMatchObject({
        ok: true,
        data: { callId: AUTO, callType: "OUTBOUND_AUTO", customerTalkSeconds: 0, phoneNumber: "3125554321", campaignId: "TESTCAMP", listId: "998", status: "NA", agentUser: "VDAD" },
      });
    });

    it("passes a negative talk time through as VICIdial computed it", async () => {
      const row = sim.state.calls.agentLog.find((r) => r.lead_id === 101);
      if (row) row.dead_sec = 120;
      const result = await lookupCallAction(undefined, { callId: MANUAL });
      expect(result).toMatchObject({ ok: true, data: { customerTalkSeconds: -25 } });
    });

    it("cleans a pasted call ID (spaces, quotes) before sending it", async () => {
      const result = await lookupCallAction(undefined, { callId: `  "${MANUAL}"\n` });
      expect(result).toMatchObject({ ok: true, data: { callId: MANUAL } });
      expect((await auditRows("call.lookup"))[0]?.target).toBe(MANUAL);
    });

    it("tells a known call without a call log apart from an unknown call", async () => {
      const missing = await lookupCallAction(undefined, { callId: LOG_MISSING });
      expect(missing).toEqual({
        ok: false,
        error: {
          kind: "vicidial",
          code: "CALL_LOG_NOT_FOUND",
          message: "VICIdial knows this call ID but has no call log for it",
          raw: "ERROR: callid_info CALL LOG NOT FOUND: 6666|",
        },
      });

      const unknown = await lookupCallAction(undefined, { callId: UNKNOWN });
      expect(unknown).toEqual({
        ok: false,
        error: { kind: "vicidial", code: "NOT_FOUND", message: "VICIdial has no call with this call ID", raw: "ERROR: callid_info CALL NOT FOUND: 6666|" },
      });

      const entries = await auditRows("call.lookup");
      expect(entries.map((e) => [e.target, e.outcome, e.message, (e.after as { state: string }).state])).toEqual([
        [LOG_MISSING, "failed", "VICIdial knows this call ID but has no call log for it", "log_missing"],
        [UNKNOWN, "failed", "VICIdial has no call with this call ID", "not_found"],
      ]);
      expect(entries[1]?.raw).toBe("ERROR: callid_info CALL NOT FOUND: 6666|");
    });

    it.each([
      ["too short", "M12345", "A call ID has 18 to 30 characters; this one has 6"],
      ["unknown prefix", "A2151015000000012345", 'A VICIdial call ID starts with Y, J, V, M, DC, S, LP, VH or XL; this one starts with "A"'],
      ["stripped character", "M2151015-000000012345", 'A call ID has only letters and digits; this one also contains "-"'],
      ["never findable", `M${"1".repeat(31)}`, "VICIdial stores call IDs of at most 30 characters, so this one (32) can never be found"],
    ])("refuses an invalid ID (%s) on its field without sending anything", async (_case, callId, message) => {
      const before = sim.requestCount();
      const result = await lookupCallAction(undefined, { callId });
      expect(result).toMatchObject({ ok: false, error: { kind: "validation", fieldErrors: { callId: [message] } } });
      expect(sim.requestCount()).toBe(before);
    });

    it("says VICIdial could not be reached when it is down, and never waits forever", async () => {
      url = `http://127.0.0.1:${await closedPort()}/vicidial/non_agent_api.php`;
      const result = await lookupCallAction(undefined, { callId: MANUAL });
      expect(result).toMatchObject({ ok: false, error: { kind: "unavailable", code: "UNREACHABLE" } });
      if (!result.ok) expect(result.error.message).toMatch(/^VICIdial could not be reached/);
    });

    it("reports a VICIdial that stops answering as a timeout", async () => {
      sim.setFaults({ hang: true });
      configureVicidial(() => ({ url, user: "6666", pass: "1234", timeoutMs: 300, maxInFlight }));
      try {
        const result = await lookupCallAction(undefined, { callId: MANUAL });
        expect(result).toMatchObject({ ok: false, error: { kind: "unavailable", code: "TIMEOUT", message: "VICIdial did not answer within 300 ms." } });
      } finally {
        configureVicidial(() => ({ url, user: "6666", pass: "1234", timeoutMs: 3000, maxInFlight }));
      }
    });

    it("lets supervisors look calls up and refuses provisioning users before anything is sent", async () => {
      session.user = SUPERVISOR;
      expect(await lookupCallAction(undefined, { callId: MANUAL })).toMatchObject({ ok: true });

      session.user = PROVISIONING;
      const before = sim.requestCount();
      expect(await lookupCallAction(undefined, { callId: MANUAL })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(await lookupCallBatchAction(undefined, { callIds: [MANUAL] })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(sim.requestCount()).toBe(before);
    });
  });

  describe("batch", () => {
    const rowsOf = (result: Awaited<ReturnType<typeof lookupCallBatchAction>>): BatchRow[] => {
      if (!result.ok) throw new Error(result.error.message);
      return result.data.rows;
    };

    it("looks each distinct valid ID up once, marks invalid ones without sending them, and audits every lookup", async () => {
      const before = sim.requestCount();
      const result = await lookupCallBatchAction(undefined, {
        callIds: [MANUAL, ` ${MANUAL} `, "M12345", INBOUND, `"${AUTO}"`, LOG_MISSING, UNKNOWN, INBOUND, "x1115101600000012346"],
      });
      const rows = rowsOf(result);
      expect(rows.map((r) => [r.callId, r.state])).toEqual([
        [MANUAL, "found"],
        ["M12345", "invalid"],
        [INBOUND, "found"],
        [AUTO, "found"],
        [LOG_MISSING, "log_missing"],
        [UNKNOWN, "not_found"],
        ["x1115101600000012346", "invalid"],
      ]);
      expect(rows[0]).toMatchObject({ call: { customerTalkSeconds: 90, status: "SALE" } });
      expect(rows[1]).toMatchObject({ message: "A call ID has 18 to 30 characters; this one has 6" });
      expect(rows[4]).toMatchObject({ message: "VICIdial knows this call ID but has no call log for it", raw: "ERROR: callid_info CALL LOG NOT FOUND: 6666|" });
      expect(result).toMatchObject({ ok: true, message: "3 found, 1 without call log, 1 not found, 2 invalid" });

      // Five distinct valid IDs: five requests, no more.
      expect(sim.requestCount() - before).toBe(5);

      const lookups = await auditRows("call.lookup");
      expect(lookups.map((e) => [e.target, e.outcome]).sort()).toEqual(
        [
          [AUTO, "success"],
          [INBOUND, "success"],
          [LOG_MISSING, "failed"],
          [MANUAL, "success"],
          [UNKNOWN, "failed"],
        ].sort(),
      );
      expect(lookups.every((e) => e.actorUsername === "qa.quinn")).toBe(true);
      const [batch] = await auditRows("call.lookup_batch");
      expect(batch).toMatchObject({ resource: "call", target: "7 call IDs", outcome: "success", message: "3 found, 1 without call log, 1 not found, 2 invalid" });
    });

    it("sends nothing for a chunk of invalid IDs", async () => {
      const before = sim.requestCount();
      const rows = rowsOf(await lookupCallBatchAction(undefined, { callIds: ["M1", "Q1115101600000012346"] }));
      expect(rows.map((r) => r.state)).toEqual(["invalid", "invalid"]);
      expect(sim.requestCount()).toBe(before);
      expect(await auditRows("call.lookup")).toHaveLength(0);
    });

    it("refuses more than ten IDs in one request", async () => {
      const result = await lookupCallBatchAction(undefined, { callIds: Array.from({ length: 11 }, (_, i) => `M${String(i).padStart(19, "0")}`) });
      expect(result).toMatchObject({ ok: false, error: { kind: "validation" } });
    });

    it("keeps at most four lookups in flight even when the client would allow more", async () => {
      const watch = await concurrencyWatch(sim.url);
      try {
        url = watch.url;
        maxInFlight = 8;
        sim.setFaults({ latencyMs: 100 });
        const ids = Array.from({ length: 10 }, (_, i) => `M${String(i).padStart(19, "0")}`);
        const rows = rowsOf(await lookupCallBatchAction(undefined, { callIds: ids }));
        expect(rows.every((r) => r.state === "not_found")).toBe(true);
        expect(watch.requests()).toBe(10);
        expect(watch.peak()).toBe(4);
      } finally {
        await watch.close();
      }
    });

    it("marks every lookup failed when VICIdial cannot be reached, and says so", async () => {
      url = `http://127.0.0.1:${await closedPort()}/vicidial/non_agent_api.php`;
      const rows = rowsOf(await lookupCallBatchAction(undefined, { callIds: [MANUAL, INBOUND] }));
      expect(rows.map((r) => r.state)).toEqual(["failed", "failed"]);
      expect(rows[0]).toMatchObject({ message: expect.stringMatching(/^VICIdial could not be reached/) });
    });
  });

  describe("recent lookups", () => {
    it("lists the signed-in user's own lookups from the audit log, newest first", async () => {
      await lookupCallAction(undefined, { callId: MANUAL });
      await lookupCallAction(undefined, { callId: UNKNOWN });
      session.user = SUPERVISOR;
      await lookupCallAction(undefined, { callId: INBOUND });
      session.user = QA;
      await lookupCallBatchAction(undefined, { callIds: [LOG_MISSING] });
      await lookupCallAction(undefined, { callId: "M12345" });

      const recent = (await recentLookups(QA.id)).filter((lookup) => lookup.id > mark);
      expect(recent.map((r) => [r.callId, r.state])).toEqual([
        [LOG_MISSING, "log_missing"],
        [UNKNOWN, "not_found"],
        [MANUAL, "found"],
      ]);
      expect(recent[2]?.call).toMatchObject({ status: "SALE", phoneNumber: "7275551234" });
      expect(recent[1]?.message).toBe("VICIdial has no call with this call ID");
      expect((await recentLookups(SUPERVISOR.id)).filter((lookup) => lookup.id > mark).map((r) => r.callId)).toEqual([INBOUND]);
    });
  });
});
