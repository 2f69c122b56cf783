import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { getDid } from "@/lib/dids/inventory";
import { getPhone } from "@/lib/phones/inventory";
import type { RunningSimulator } from "@/lib/simulator";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { addCidEntry } from "@/lib/vicidial/cid-groups";
import type { VicidialClient } from "@/lib/vicidial/client";
import { createJobFromFile } from "./create";
import type { FileJobKind } from "./kinds";
import type { ColumnMapping } from "./prepare";
import type { JobRunner } from "./runner";
import { discardSheet, readSheet } from "./sheet";
import { cancelJob, pauseJob, resumeJob } from "./store";
import { adminLogCount, auditOf, OWNER, rowsOf, startTestSimulator, testClient, testRunner, waitFor, waitForStatus } from "./test-helpers";

process.env.AUTH_SECRET ??= "job-runner-tests-secret-0123456789abcdef";
// Real HTTP, a real database and a shared, busy machine: generous limits, exact assertions.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });

const CID_MAPPING: ColumnMapping = { areacode: 0, outbound_cid: 1, description: 2, active: 3 };

/** `count` CID lines for area codes from `first` on, one entry each. */
function cidLines(first: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${first + i},${first + i}5550${String(i).padStart(3, "0")},Job test ${i},Y`);
}

async function startJob(kind: FileJobKind, text: string, mapping: ColumnMapping, options: Record<string, unknown>): Promise<string> {
  const created = await createJobFromFile(kind, { text, hasHeader: false, mapping, options }, OWNER);
  if (!created.ok) throw new Error(`job not created: ${JSON.stringify(created.dryRun.fieldErrors)} ${created.dryRun.fileError ?? ""}`);
  return created.jobId;
}

function startCidJob(lines: string[]): Promise<string> {
  return startJob("cid", lines.join("\n"), CID_MAPPING, { groupId: "US_SALES" });
}

/**
 * Resumes until the job completes: on a busy machine a short client timeout can expire again
 * after the fault is gone, which pauses the job once more; that must never lose or repeat a row.
 */
async function resumeUntilCompleted(jobId: string): Promise<void> {
  for (let round = 0; round < 5; round += 1) {
    await resumeJob(await getDb(), jobId);
    const job = await waitForStatus(jobId, ["completed", "paused"]);
    if (job.status === "completed") return;
  }
  throw new Error(`job ${jobId} kept pausing`);
}

async function statesOf(jobId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const row of await rowsOf(jobId)) counts[row.state] = (counts[row.state] ?? 0) + 1;
  return counts;
}

for (const backend of testBackends()) {
  describe(`job runner on ${backend}`, () => {
    useTestDatabase(backend);
    let sim: RunningSimulator;
    const runners: JobRunner[] = [];
    const clients: VicidialClient[] = [];

    function runnerWith(client: VicidialClient, options: Parameters<typeof testRunner>[1] = {}): JobRunner {
      const runner = testRunner(client, options);
      runners.push(runner);
      clients.push(client);
      return runner;
    }

    // A simulator per test: a slow request of one test must not land in the next one's VICIdial.
    beforeEach(async () => {
      sim = await startTestSimulator();
    });
    afterEach(async () => {
      sim.setFaults({});
      await Promise.all(runners.splice(0).map((runner) => runner.stop({ graceMs: 2_000 })));
      await sim.close();
      await Promise.all(clients.splice(0).map((client) => client.close()));
      // A job a test left unfinished must not be picked up by the next test's runner.
      await (await getDb()).execute(sql`update jobs set status = 'cancelled' where status in ('running', 'paused')`);
    });

    it("takes every row to exactly one final state, with the owner in the audit log", async () => {
      const lines = [...cidLines(901, 20), "727,7275551001,Tampa main,Y", "9x1,12,Bad row,Y"];
      const jobId = await startCidJob(lines);
      const runner = runnerWith(testClient(sim));
      let busiest = 0;
      const sampler = setInterval(() => (busiest = Math.max(busiest, runner.inFlight)), 1);
      await runner.start();
      await waitForStatus(jobId, ["completed"]);
      clearInterval(sampler);

      expect(await statesOf(jobId)).toEqual({ done: 20, exists: 1, skipped: 1 });
      expect(adminLogCount(sim, "ADMIN API ADD CID")).toBe(20);
      const added = sim.state.cidGroupEntries.filter((e) => e.campaign_id === "US_SALES" && e.cid_description.startsWith("Job test"));
      expect(added).toHaveLength(20);
      expect(busiest).toBeLessThanOrEqual(4);

      const skipped = (await rowsOf(jobId)).find((row) => row.state === "skipped");
      expect(skipped?.message).toMatch(/Area code: .*letters and digits|Outbound CID/);
      const audited = await auditOf("cid.add");
      expect(audited).toHaveLength(21);
      expect(new Set(audited.map((entry) => entry.actorUsername))).toEqual(new Set([OWNER.username]));
      expect(audited.filter((entry) => entry.outcome === "success")).toHaveLength(20);
      const finish = await waitFor(async () => (await auditOf("job.finish")).find((entry) => entry.target === jobId), "the job's closing audit entry");
      expect(finish.message).toMatch(/20 done, 1 already existed, 0 failed, 1 skipped/);
    });

    it("pauses the whole job when VICIdial locks the API user mid-job, and finishes after resume without losing a row", async () => {
      let offset = 0;
      const client = testClient(sim, { clock: () => Date.now() + offset });
      const runner = runnerWith(client);
      sim.setFaults({ latencyMs: 15 });
      const jobId = await startCidJob(cidLines(921, 40));
      await runner.start();
      // Locked by request count, not by rows seen done: final states are written in batches.
      await waitFor(async () => client.requestsSent() >= 8, "eight rows sent");
      sim.lockUser("6666");

      const paused = await waitForStatus(jobId, ["paused"]);
      expect(paused.pauseReason).toMatch(/locked/i);
      const sentAtPause = client.requestsSent();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(client.requestsSent()).toBe(sentAtPause);
      const states = await statesOf(jobId);
      expect(states.failed).toBeUndefined();
      expect((states.done ?? 0) + (states.pending ?? 0)).toBe(40);

      // The lock passes (15 minutes later for VICIdial and for the client's guard); the user resumes.
      const user = sim.state.users.find((u) => u.user === "6666")!;
      user.failed_login_count = 0;
      offset = 16 * 60 * 1000;
      await resumeJob(await getDb(), jobId);
      await waitForStatus(jobId, ["completed"]);
      expect(await statesOf(jobId)).toEqual({ done: 40 });
      expect(adminLogCount(sim, "ADMIN API ADD CID")).toBe(40);
    });

    for (const fault of ["http500", "hang"] as const) {
      it(`pauses when VICIdial gives no clear answer (${fault}), then checks before sending again: none lost, none twice`, async () => {
        // A hung request costs the client's whole timeout; a 500 comes back at once.
        const runner = runnerWith(testClient(sim, { timeoutMs: fault === "hang" ? 750 : 10_000 }));
        const jobId = await startCidJob(cidLines(961, 12));
        sim.setFaults({ [fault]: true });
        await runner.start();
        const paused = await waitForStatus(jobId, ["paused"]);
        expect(paused.pauseReason).toMatch(/not giving clear answers/);
        expect((await rowsOf(jobId)).some((row) => row.uncertain)).toBe(true);

        sim.setFaults({});
        await resumeUntilCompleted(jobId);
        expect(await statesOf(jobId)).toEqual({ done: 12 });
        expect(adminLogCount(sim, "ADMIN API ADD CID")).toBe(12);
      });
    }

    it("goes on by itself once VICIdial answers a read again after an outage paused the job", async () => {
      const runner = runnerWith(testClient(sim));
      const jobId = await startCidJob(cidLines(611, 12));
      sim.setFaults({ http500: true });
      await runner.start();
      const paused = await waitForStatus(jobId, ["paused"]);
      expect(paused.pauseReason).toMatch(/goes on by itself once VICIdial answers again/);
      sim.setFaults({});
      await waitForStatus(jobId, ["completed"]);
      expect(await statesOf(jobId)).toEqual({ done: 12 });
      expect(adminLogCount(sim, "ADMIN API ADD CID")).toBe(12);
      const resumed = (await auditOf("job.resume")).filter((entry) => entry.target === jobId);
      expect(resumed.map((entry) => entry.message)).toEqual(["Resumed by itself: VICIdial answers again"]);
    });

    it("marks a row done, not sent twice, when VICIdial made the change but its answer came too late", async () => {
      const runner = runnerWith(testClient(sim, { timeoutMs: 750 }));
      const jobId = await startCidJob(cidLines(981, 8));
      sim.setFaults({ latencyMs: 1_500 });
      await runner.start();
      await waitForStatus(jobId, ["paused"]);
      sim.setFaults({});
      // The slow requests still reach the script after their 1.5 s.
      await waitFor(async () => adminLogCount(sim, "ADMIN API ADD CID") >= 4, "the late adds to land");
      await resumeUntilCompleted(jobId);

      const rows = await rowsOf(jobId);
      expect(rows.every((row) => row.state === "done")).toBe(true);
      expect(rows.filter((row) => /earlier attempt, whose answer was lost, added it/.test(row.message ?? "")).length).toBeGreaterThanOrEqual(4);
      expect(adminLogCount(sim, "ADMIN API ADD CID")).toBe(8);
    });

    it("resumes after a restart: a new runner reconciles the rows the stopped one left in flight", async () => {
      // Slow enough answers that "six done, more in flight" lasts a second or more, however busy the machine.
      sim.setFaults({ latencyMs: 250 });
      const jobId = await startCidJob(cidLines(701, 30));
      const first = runnerWith(testClient(sim));
      await first.start();
      await waitFor(async () => ((await statesOf(jobId)).done ?? 0) >= 6 && first.inFlight > 0, "six rows done and more in flight");
      await first.stop({ graceMs: 0 });
      const left = (await rowsOf(jobId)).filter((row) => row.state === "running");
      expect(left.length).toBeGreaterThan(0);

      const second = runnerWith(testClient(sim));
      await second.start();
      await waitForStatus(jobId, ["completed"]);
      const rows = await rowsOf(jobId);
      expect(rows.every((row) => row.state === "done")).toBe(true);
      for (const row of left) expect(rows.find((r) => r.id === row.id)?.attempts).toBeGreaterThanOrEqual(2);
      expect(adminLogCount(sim, "ADMIN API ADD CID")).toBe(30);
    });

    it("never sends a DID twice after a runner dies mid-job: the rows it may have sent are read back first", async () => {
      sim.setFaults({ latencyMs: 40 });
      const patterns = Array.from({ length: 40 }, (_, i) => `31255${String(70000 + i)}`);
      const text = patterns.map((p, i) => `${p},Crash test ${i},EXTEN,8300`).join("\n");
      const created = await createJobFromFile("dids", { text, hasHeader: false, mapping: { didPattern: 0, description: 1, didRoute: 2, extension: 3 }, options: {} }, OWNER);
      if (!created.ok) throw new Error("job not created");
      const first = runnerWith(testClient(sim));
      await first.start();
      // Waits on what VICIdial received, not on rows marked done: final states are written in
      // batches, so at the kill some answers exist only in the dead runner's memory (the bug's case).
      await waitFor(async () => Object.keys(sim.didRequests()).length >= 8 && first.inFlight > 0, "some DIDs sent and more in flight");
      // As a SIGKILL: answers not yet written down are lost, the rows stay claimed by a dead runner.
      await first.stop({ graceMs: 0 });
      await waitFor(async () => first.inFlight === 0, "the dead runner's requests to land");
      const sentBeforeRestart = Object.keys(sim.didRequests()).length;
      const left = (await rowsOf(created.jobId)).filter((row) => row.state === "running");
      expect(left.length).toBeGreaterThan(0);

      await runnerWith(testClient(sim)).start();
      await waitForStatus(created.jobId, ["completed"]);
      const rows = await rowsOf(created.jobId);
      expect(rows.every((row) => row.state === "done")).toBe(true);
      const requests = sim.didRequests();
      for (const pattern of patterns) expect(requests[pattern]?.add_did, pattern).toBe(1);
      // Rows the dead runner had sent were read back (update_did without settings), not sent again.
      const readBack = rows.filter((row) => /read back, not sent again/.test(row.message ?? ""));
      expect(readBack.length).toBeGreaterThan(0);
      expect(readBack.length).toBeLessThanOrEqual(sentBeforeRestart);
      for (const row of readBack) expect(requests[row.label]?.update_did).toBe(1);
      expect((await auditOf("did.add")).filter((entry) => patterns.includes(entry.target ?? ""))).toHaveLength(40);
    });

    it("leaves a live instance's rows alone, and checks the rows of one that stopped beating before sending them again", async () => {
      const client = testClient(sim);
      const jobId = await startCidJob(cidLines(741, 4));
      const db = await getDb();
      // Another instance claimed rows 1 and 2 and then died; its add of row 1 had reached VICIdial.
      await db.execute(sql`insert into job_runners (id) values ('runner-elsewhere')`);
      await db.execute(sql`update job_rows set state = 'running', claimed_by = 'runner-elsewhere', attempts = 1 where job_id = ${jobId} and seq in (1, 2)`);
      const added = await addCidEntry({ cidGroupId: "US_SALES", areacode: "741", outboundCid: "7415550000", active: true, description: "Job test 0" }, { source: "test" }, client);
      expect(added.ok).toBe(true);

      const runner = runnerWith(client, { staleAfterMs: 1_500 });
      await runner.start();
      await waitFor(async () => (await statesOf(jobId)).done === 2, "the two free rows");
      expect((await rowsOf(jobId)).filter((row) => row.state === "running").map((row) => row.seq)).toEqual([1, 2]);

      await waitForStatus(jobId, ["completed"]);
      const rows = await rowsOf(jobId);
      expect(rows.map((row) => row.state)).toEqual(["done", "done", "done", "done"]);
      expect(rows[0]?.message).toMatch(/earlier attempt, whose answer was lost, added it/);
      expect(adminLogCount(sim, "ADMIN API ADD CID")).toBe(4);
    });

    it("lets two runners share one job without ever sending the same row twice", async () => {
      sim.setFaults({ latencyMs: 10 });
      const jobId = await startCidJob(cidLines(801, 60));
      const a = testClient(sim);
      const b = testClient(sim);
      await Promise.all([runnerWith(a).start(), runnerWith(b).start()]);
      await waitForStatus(jobId, ["completed"]);
      expect(await statesOf(jobId)).toEqual({ done: 60 });
      expect(adminLogCount(sim, "ADMIN API ADD CID")).toBe(60);
      expect(a.requestsSent()).toBeGreaterThan(0);
      expect(b.requestsSent()).toBeGreaterThan(0);
    });

    it("pauses, resumes and cancels on request; a cancelled job's unsent rows are skipped", async () => {
      const client = testClient(sim);
      const runner = runnerWith(client);
      sim.setFaults({ latencyMs: 20 });
      const jobId = await startCidJob(cidLines(601, 60));
      await runner.start();
      await waitFor(async () => client.requestsSent() >= 4, "four rows sent");
      await pauseJob(await getDb(), jobId, "Paused by jobowner");
      await runner.jobStopped(jobId);
      await waitFor(async () => runner.inFlight === 0, "requests in flight to finish");
      const sent = client.requestsSent();
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(client.requestsSent()).toBe(sent);

      await resumeJob(await getDb(), jobId);
      await waitFor(async () => client.requestsSent() > sent + 4, "the job to continue");
      await cancelJob(await getDb(), jobId, "Cancelled before it was sent");
      await runner.jobStopped(jobId);
      await waitFor(async () => (await rowsOf(jobId)).every((row) => row.state !== "running" && row.state !== "pending"), "every row final");
      const states = await statesOf(jobId);
      expect(states.skipped).toBeGreaterThan(0);
      expect((states.done ?? 0) + states.skipped!).toBe(60);
      expect(adminLogCount(sim, "ADMIN API ADD CID")).toBe(states.done);
    });

    it("completes a job resumed after its last rows finished while it was paused", async () => {
      sim.setFaults({ latencyMs: 150 });
      const runner = runnerWith(testClient(sim));
      const jobId = await startCidJob(cidLines(751, 3));
      await runner.start();
      await waitFor(async () => runner.inFlight === 3, "all three rows in flight");
      await pauseJob(await getDb(), jobId, "Paused by jobowner");
      await waitFor(async () => (await statesOf(jobId)).done === 3, "the rows in flight to finish");
      expect((await waitForStatus(jobId, ["paused"])).status).toBe("paused");

      await resumeJob(await getDb(), jobId);
      await waitForStatus(jobId, ["completed"]);
      const closing = await waitFor(async () => (await auditOf("job.finish")).find((entry) => entry.target === jobId), "the closing audit entry");
      expect(closing.message).toMatch(/3 done, 0 already existed, 0 failed, 0 skipped/);
    });

    it("copies a DID to hundreds of numbers in copy_did requests of at most 2,000 characters", async () => {
      const patterns = Array.from({ length: 400 }, (_, i) => `55500${String(i).padStart(5, "0")}`);
      const jobId = await startJob("did-copy", ["3125550000", ...patterns].join("\n"), { didPattern: 0 }, { sourceDidPattern: "7275550100", description: "Copied by a job" });
      await runnerWith(testClient(sim)).start();
      await waitForStatus(jobId, ["completed"]);
      expect(await statesOf(jobId)).toEqual({ done: 400, exists: 1 });
      expect(sim.state.apiLog.filter((row) => row.function === "copy_did")).toHaveLength(3);
      const copy = sim.state.dids.find((d) => d.did_pattern === patterns[123]);
      expect(copy).toMatchObject({ did_route: "IN_GROUP", group_id: "TEST_IN", did_description: "Copied by a job" });
      expect((await getDid(patterns[123]!))?.description).toBe("Copied by a job");
    });

    it("adds DIDs row by row and records them in the inventory", async () => {
      const text = ["didPattern,description,didRoute,extension", "7275559001,Import one,EXTEN,8300", "7275559002,Import two,EXTEN,8301", "7275550100,Seed again,EXTEN,8300", "72755/9003,Bad pattern,EXTEN,8300"].join("\n");
      const created = await createJobFromFile("dids", { text, hasHeader: true, mapping: { didPattern: 0, description: 1, didRoute: 2, extension: 3 }, options: {} }, OWNER);
      expect(created.ok).toBe(true);
      if (!created.ok) return;
      await runnerWith(testClient(sim)).start();
      await waitForStatus(created.jobId, ["completed"]);
      expect(await statesOf(created.jobId)).toEqual({ done: 2, exists: 1, skipped: 1 });
      expect(await getDid("7275559002")).toMatchObject({ description: "Import two", route: "EXTEN", extension: "8301", updatedBy: OWNER.username });
      expect(sim.state.dids.filter((d) => d.did_pattern.startsWith("72755590"))).toHaveLength(2);
    });

    it("reads an alias back instead of sending it again when VICIdial added it but its answer was lost", async () => {
      // The script adds the alias, then PHP dies: HTTP 500 (contract 4). Every add of it would.
      sim.setFaults({ http500AfterAnswer: true, when: { function: "add_phone_alias" } });
      const text = ["4201,agent4201,Dee Agent,7275551234,TEAM_LOST", "4202,agent4202,Eve Agent,7275551234,TEAM_LOST"].join("\n");
      const jobId = await startJob(
        "agents",
        text,
        { extension: 0, login: 1, fullName: 2, outboundCid: 3, alias: 4 },
        { serverIp: "10.10.10.15", protocol: "SIP", localGmt: "-5.00", aliasMode: "per-row" },
      );
      await runnerWith(testClient(sim)).start();
      await waitForStatus(jobId, ["completed"]);

      expect(await statesOf(jobId)).toEqual({ done: 3 });
      expect(adminLogCount(sim, "ADMIN API ADD PHONE ALIAS")).toBe(1);
      const alias = (await rowsOf(jobId)).find((row) => row.label.includes("TEAM_LOST"));
      expect(alias?.message).toMatch(/read back, not sent again/);
      expect(sim.state.phoneAliases.find((a) => a.alias_id === "TEAM_LOST")?.logins_list).toBe("agent4201,agent4202");
      expect((await auditOf("alias.add")).filter((entry) => entry.target === "TEAM_LOST" && entry.outcome === "success")).toHaveLength(1);
    });

    it("provisions agent phones with generated passwords, then their alias; the sheet is kept until saved and no password is audited", async () => {
      const text = ["4101,agent4101,Ann Agent,7275551234,TEAM_A", "4102,agent4102,Bob Agent,7275551234,TEAM_A", "4103,agent4103,Cy Agent,7275551234,", "gs102,gs102,Existing phone,7275551234,"].join("\n");
      const jobId = await startJob(
        "agents",
        text,
        { extension: 0, login: 1, fullName: 2, outboundCid: 3, alias: 4 },
        { serverIp: "10.10.10.15", protocol: "SIP", localGmt: "-5.00", aliasMode: "per-row" },
      );
      await runnerWith(testClient(sim)).start();
      await waitForStatus(jobId, ["completed"]);
      expect(await statesOf(jobId)).toEqual({ done: 4, exists: 1 });
      expect(sim.state.phoneAliases.find((a) => a.alias_id === "TEAM_A")?.logins_list).toBe("agent4101,agent4102");
      expect(await getPhone({ serverIp: "10.10.10.15", extension: "4103" })).toMatchObject({ login: "agent4103", fullName: "Cy Agent" });

      const sheet = await readSheet(await getDb(), jobId);
      expect(sheet.ok).toBe(true);
      if (!sheet.ok) return;
      const lines = sheet.csv.split("\r\n").map((line) => line.split(","));
      const ann = lines.find((cells) => cells[0] === "4101")!;
      const phone = sim.state.phones.find((p) => p.extension === "4101")!;
      expect(ann[5]).toBe(phone.pass);
      expect(ann[6]).toBe(phone.conf_secret);
      expect(phone.pass).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(lines.find((cells) => cells[0] === "gs102")?.[5]).toBe("");

      expect(await readSheet(await getDb(), jobId)).toMatchObject({ ok: true });
      expect(await discardSheet(await getDb(), jobId)).toEqual({ ok: true });
      expect(await readSheet(await getDb(), jobId)).toEqual({ ok: false, message: expect.stringMatching(/no longer kept/) });
      const kept = await (await getDb()).execute(sql`select count(*)::int as n from job_secrets where job_id = ${jobId}`);
      expect((kept as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
      const everything = JSON.stringify([...(await auditOf("phone.add")), ...(await auditOf("alias.add")), ...(await auditOf("job.finish"))]);
      expect(everything).not.toContain(phone.pass);
      expect(everything).not.toContain(phone.conf_secret);
    });
  });
}
