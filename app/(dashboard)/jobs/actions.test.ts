import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { auditLog, jobs, jobSecrets } from "@/lib/db/schema";
import { adminLogCount, rowsOf, startTestSimulator, testClient, testRunner, waitForStatus } from "@/lib/jobs/test-helpers";
import type { JobRunner } from "@/lib/jobs/runner";
import type { RunningSimulator } from "@/lib/simulator";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import type { VicidialClient } from "@/lib/vicidial/client";
import { testSession } from "@/lib/testing/session";
import * as actions from "./actions";
import { GET as progressRoute } from "@/app/api/jobs/[id]/route";
import { GET as resultsRoute } from "@/app/api/jobs/[id]/results/route";

process.env.AUTH_SECRET ??= "job-action-tests-secret-0123456789abcdef";
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const session = testSession();

const ADMIN: CurrentUser = { id: 1, username: "admin", displayName: "Demo admin", role: "admin", mustChangePassword: false };
const SUPERVISOR: CurrentUser = { id: 3, username: "sup.sam", displayName: "Sam (supervisor)", role: "supervisor", mustChangePassword: false };
const OTHER_SUPERVISOR: CurrentUser = { id: 5, username: "sup.sue", displayName: "Sue (supervisor)", role: "supervisor", mustChangePassword: false };
const IT: CurrentUser = { id: 7, username: "it.jane", displayName: "Jane (IT)", role: "provisioning", mustChangePassword: false };
const QA: CurrentUser = { id: 4, username: "qa.quinn", displayName: "Quinn (QA)", role: "qa", mustChangePassword: false };

const CID_MAPPING = { areacode: 0, outbound_cid: 1, description: 2, active: 3 };

function cidFile(first: number, count: number, bad: string[] = []): string {
  const good = Array.from({ length: count }, (_, i) => `${first + i},${first + i}5551${String(i).padStart(3, "0")},Action test ${i},Y`);
  return ["areacode,outbound_cid,description,active", ...good, ...bad].join("\n");
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe.each(testBackends())("bulk job actions on %s", (backend) => {
  const db = useTestDatabase(backend);
  let sim: RunningSimulator;
  let client: VicidialClient;
  let runner: JobRunner;

  beforeAll(async () => {
    sim = await startTestSimulator();
    client = testClient(sim);
    runner = testRunner(client);
    await runner.start();
  });
  afterAll(async () => {
    await runner.stop({ graceMs: 5_000 });
    await client.close();
    await sim.close();
  });
  beforeEach(() => {
    session.user = SUPERVISOR;
  });

  async function startCid(text: string, user: CurrentUser = SUPERVISOR) {
    session.user = user;
    return actions.startCidJobAction(undefined, { text, hasHeader: true, mapping: CID_MAPPING, options: { groupId: "US_SALES" } });
  }

  it("starts a CID import from the file, skips the rows the dry run refused, and runs the rest under the starter's name", async () => {
    const result = await startCid(cidFile(931, 10, ["9-2,9325551999,Bad area code,Y", "933,12,Short CID,Y", "934,9345551999,Bad active,maybe"]));
    expect(result).toMatchObject({ ok: true, message: "Started: 10 CID entries into US_SALES" });
    if (!result.ok) return;
    await waitForStatus(result.data.jobId, ["completed"]);

    const rows = await rowsOf(result.data.jobId);
    expect(rows.filter((row) => row.state === "done")).toHaveLength(10);
    expect(rows.filter((row) => row.state === "skipped").map((row) => [row.seq, row.message])).toEqual([
      [11, expect.stringMatching(/^Not sent: Area code: /)],
      [12, expect.stringMatching(/^Not sent: Outbound CID: .*at least 4 digits/)],
      [13, "Not sent: Active: Active must be Y or N"],
    ]);
    expect(sim.state.cidGroupEntries.filter((e) => e.cid_description.startsWith("Action test"))).toHaveLength(10);

    const [start] = await db().select().from(auditLog).where(eq(auditLog.action, "job.start"));
    expect(start).toMatchObject({ actorUsername: "sup.sam", outcome: "success", target: result.data.jobId });
    const rowEntries = await db().select().from(auditLog).where(eq(auditLog.action, "cid.add"));
    expect(rowEntries.filter((entry) => entry.actorUsername === "sup.sam")).toHaveLength(10);
  });

  it("refuses a QA user, and a provisioning user for CID entries, before anything is created", async () => {
    const before = (await db().select().from(jobs)).length;
    expect(await startCid(cidFile(941, 2), QA)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await startCid(cidFile(941, 2), IT)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    session.user = QA;
    expect(await actions.startDidJobAction(undefined, { text: "7275559999,Any,EXTEN,8300", hasHeader: false, mapping: { didPattern: 0 }, options: {} })).toMatchObject({
      ok: false,
      error: { kind: "forbidden" },
    });
    expect((await db().select().from(jobs)).length).toBe(before);
  });

  it("puts a bad setting beside its field and a missing column beside its mapping, without creating a job", async () => {
    const before = (await db().select().from(jobs)).length;
    const badGroup = await actions.startCidJobAction(undefined, { text: cidFile(951, 2), hasHeader: true, mapping: CID_MAPPING, options: { groupId: "US SALES" } });
    expect(badGroup).toMatchObject({ ok: false, error: { kind: "validation", fieldErrors: { "options.groupId": [expect.stringMatching(/VICIdial would silently remove spaces/)] } } });
    const noCid = await actions.startCidJobAction(undefined, { text: cidFile(951, 2), hasHeader: true, mapping: { areacode: 0 }, options: { groupId: "US_SALES" } });
    expect(noCid).toMatchObject({ ok: false, error: { kind: "validation", fieldErrors: { "mapping.outbound_cid": [expect.stringMatching(/Choose the file column/)] } } });
    const tooMany = await actions.startCidJobAction(undefined, { text: cidFile(100, 5001), hasHeader: true, mapping: CID_MAPPING, options: { groupId: "US_SALES" } });
    expect(tooMany).toMatchObject({ ok: false, error: { kind: "validation", message: expect.stringMatching(/at most 5,000/) } });
    expect((await db().select().from(jobs)).length).toBe(before);
  });

  it("lets only the owner or an admin see, pause, resume and cancel a job", async () => {
    sim.setFaults({ latencyMs: 40 });
    const started = await startCid(cidFile(961, 30));
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.data;
    try {
      session.user = OTHER_SUPERVISOR;
      expect(await actions.pauseJobAction(undefined, { jobId })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect((await progressRoute(new Request("http://x"), params(jobId))).status).toBe(404);

      session.user = SUPERVISOR;
      const progress = await progressRoute(new Request("http://x"), params(jobId));
      expect(progress.status).toBe(200);
      // One read: progress and the first page of rows together.
      const snapshot = (await progress.json()) as { progress: { counts: Record<string, number> }; rows: { rows: { state: string }[] } };
      expect(snapshot).toMatchObject({ progress: { id: jobId, total: 30, owner: "sup.sam" }, rows: { total: 30, page: 1 }, filter: "all" });
      expect(snapshot.rows.rows.filter((row) => row.state === "done")).toHaveLength(snapshot.progress.counts.done ?? 0);
      expect(await actions.pauseJobAction(undefined, { jobId })).toMatchObject({ ok: true });
      expect((await waitForStatus(jobId, ["paused"])).pauseReason).toBe("Paused by Sam (supervisor)");

      session.user = ADMIN;
      expect(await actions.resumeJobAction(undefined, { jobId })).toMatchObject({ ok: true });
      expect(await actions.cancelJobAction(undefined, { jobId })).toMatchObject({ ok: true });
      // What the action does for the server's own runner (this test's runner is not it).
      await runner.jobStopped(jobId);
    } finally {
      sim.setFaults({});
    }
    await waitForStatus(jobId, ["cancelled"]);
    const rows = await rowsOf(jobId);
    await vi.waitFor(async () => expect((await rowsOf(jobId)).every((row) => row.state !== "running" && row.state !== "pending")).toBe(true));
    const done = (await rowsOf(jobId)).filter((row) => row.state === "done").length;
    expect(rows.length).toBe(30);
    expect(adminLogCount(sim, "ADMIN API ADD CID")).toBeGreaterThanOrEqual(done);

    session.user = SUPERVISOR;
    const csv = await resultsRoute(new Request("http://x"), params(jobId));
    expect(csv.headers.get("content-disposition")).toMatch(/attachment/);
    const text = await csv.text();
    expect(text).toContain("row,item,result,message,vicidial_answer");
    expect(text.split("\r\n").filter((line) => /,Skipped,Not sent: the job was cancelled/.test(line)).length).toBeGreaterThan(0);
    const audited = await db().select().from(auditLog).where(eq(auditLog.target, jobId));
    expect(audited.map((entry) => [entry.action, entry.actorUsername, entry.outcome])).toEqual(
      expect.arrayContaining([
        ["job.pause", "sup.sue", "failed"],
        ["job.pause", "sup.sam", "success"],
        ["job.resume", "admin", "success"],
        ["job.cancel", "admin", "success"],
      ]),
    );
  });

  it("provisions agents and keeps the password sheet for its creator alone until they confirm it was saved, never in the audit log", async () => {
    session.user = IT;
    const text = ["extension,login,full name,outbound cid", "5101,agent5101,Ann Able,7275551234", "5102,agent5102,Ben Baker,7275551234"].join("\n");
    const started = await actions.startAgentJobAction(undefined, {
      text,
      hasHeader: true,
      mapping: { extension: 0, login: 1, fullName: 2, outboundCid: 3 },
      options: { serverIp: "10.10.10.15", protocol: "SIP", localGmt: "-5.00", aliasMode: "single", aliasId: "TEAM5100", aliasName: "Team 5100" },
    });
    if (!started.ok) throw new Error(started.error.message);
    const { jobId } = started.data;
    expect((await db().select().from(jobSecrets).where(eq(jobSecrets.jobId, jobId))).length).toBe(2);
    await waitForStatus(jobId, ["completed"]);
    expect(sim.state.phoneAliases.find((a) => a.alias_id === "TEAM5100")?.logins_list).toBe("agent5101,agent5102");

    for (const other of [OTHER_SUPERVISOR, ADMIN]) {
      session.user = other;
      expect(await actions.downloadSheetAction(undefined, { jobId })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(await actions.confirmSheetSavedAction(undefined, { jobId })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    }
    session.user = IT;
    const sheet = await actions.downloadSheetAction(undefined, { jobId });
    if (!sheet.ok) throw new Error(sheet.error.message);
    const ben = sheet.data.csv.split("\r\n").find((line) => line.startsWith("5102,"))!.split(",");
    const phone = sim.state.phones.find((p) => p.extension === "5102")!;
    expect(ben.slice(0, 7)).toEqual(["5102", "agent5102", "Ben Baker", "10.10.10.15", "Done", phone.pass, phone.conf_secret]);

    // A download that was lost can be repeated: the passwords are still kept.
    const again = await actions.downloadSheetAction(undefined, { jobId });
    expect(again.ok && again.data.csv).toBe(sheet.data.csv);
    expect((await db().select().from(jobSecrets).where(eq(jobSecrets.jobId, jobId))).length).toBe(2);

    expect(await actions.confirmSheetSavedAction(undefined, { jobId })).toMatchObject({ ok: true });
    expect((await db().select().from(jobSecrets).where(eq(jobSecrets.jobId, jobId))).length).toBe(0);
    expect(await actions.downloadSheetAction(undefined, { jobId })).toMatchObject({ ok: false, error: { kind: "conflict", message: expect.stringMatching(/no longer kept/) } });
    const everything = JSON.stringify(await db().select().from(auditLog));
    expect(everything).not.toContain(phone.pass);
    expect(everything).not.toContain(phone.conf_secret);
  });
});
