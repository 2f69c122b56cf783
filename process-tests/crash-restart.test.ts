import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_AWAY } from "@/lib/jobs/views";
import type { DashboardServer } from "../e2e/support/server";
import { CookieJar, get, signIn } from "./support/session";
import { addRequests, ADMIN, newPatterns, rowAudits, rowsOf, simulatorQuiet, startDidJob, startStack, statesOf, waitFor, waitForStatus, type Stack } from "./support/stack";

/**
 * A dashboard process on PostgreSQL killed with SIGKILL mid-job, its database restarted mid-job,
 * and VICIdial going silent mid-job. Each time: every row ends in exactly one final state, every
 * DID reaches VICIdial exactly once, and a row whose request may have reached VICIdial is read
 * back, never sent again unread.
 */
describe("a bulk job survives crashes and outages", () => {
  let stack: Stack;
  let dashboard: DashboardServer;

  beforeAll(async () => {
    stack = await startStack({ latencyMs: 10 });
    dashboard = await stack.startDashboard();
  });
  afterAll(async () => {
    await stack?.close();
  });

  /** Every DID added once, every row done, and one audit entry per row. */
  async function expectEachDidOnce(jobId: string, patterns: readonly string[]) {
    expect(await statesOf(stack.db, jobId)).toEqual({ done: patterns.length });
    const adds = addRequests(stack.sim, patterns);
    expect(patterns.filter((p) => adds.get(p) !== 1), "DIDs not sent exactly once").toEqual([]);
    const held = new Set(stack.sim.state.dids.map((d) => d.did_pattern));
    expect(patterns.filter((p) => !held.has(p)), "DIDs missing in VICIdial").toEqual([]);
    const audits = await rowAudits(stack.db, jobId);
    expect(audits.map((a) => a.target).sort()).toEqual([...patterns].sort());
    expect(audits.every((a) => a.outcome === "success" && a.actorUsername === ADMIN.username)).toBe(true);
  }

  it("a dashboard killed with SIGKILL half way: restarted, it reads back what the dead one may have sent and sends the rest once", async () => {
    const patterns = newPatterns("41", 1_000);
    const jobId = await startDidJob(patterns);
    await waitFor(async () => addRequests(stack.sim, patterns).size >= 500, "half of the DIDs sent", 60_000);
    await dashboard.kill();
    // Requests already on their way still land (VICIdial does not notice its client died).
    await simulatorQuiet(stack.sim, 250);
    const atKill = await rowsOf(stack.db, jobId);
    const sentAtKill = addRequests(stack.sim, patterns);
    // The bug this guards against: answers held for a batched write die with the process.
    const unrecorded = atKill.filter((row) => row.state === "running" && sentAtKill.has(row.label));
    expect(unrecorded.length, "rows VICIdial had done but the database still called running").toBeGreaterThan(0);

    dashboard = await stack.startDashboard();
    await waitForStatus(stack.db, jobId, "completed");
    await expectEachDidOnce(jobId, patterns);

    const rows = await rowsOf(stack.db, jobId);
    const readBack = rows.filter((row) => /read back, not sent again/.test(row.message ?? "")).map((row) => row.label);
    // Each row VICIdial had done unbeknown to the database was read back; none was sent again.
    expect(unrecorded.map((row) => row.label).filter((label) => !readBack.includes(label))).toEqual([]);
    const requests = stack.sim.didRequests();
    for (const row of atKill.filter((r) => r.state === "running")) expect(requests[row.label]?.update_did, `${row.label} checked before anything else`).toBeGreaterThanOrEqual(1);
  });

  it("PostgreSQL restarted mid-job: the job waits, its page says why, and it goes on by itself", async () => {
    const jar = new CookieJar();
    expect(await signIn(dashboard.url, jar, ADMIN.username, ADMIN.password)).toBeNull();
    const patterns = newPatterns("42", 400);
    const jobId = await startDidJob(patterns);
    await waitFor(async () => addRequests(stack.sim, patterns).size >= 100, "a quarter of the DIDs sent", 60_000);

    stack.pg.stop();
    try {
      const page = await get(dashboard.url, jar, `/api/jobs/${jobId}`);
      expect(page.status).toBe(503);
      expect(await page.json()).toEqual({ error: DATABASE_AWAY });
    } finally {
      stack.pg.start();
    }

    await waitForStatus(stack.db, jobId, "completed");
    await expectEachDidOnce(jobId, patterns);
    const page = await get(dashboard.url, jar, `/api/jobs/${jobId}`);
    expect((await page.json()).progress).toMatchObject({ status: "completed", counts: { done: 400 } });
  });

  it("VICIdial stops answering mid-job: rows in flight become 'unknown, checking', and are read back once it answers", async () => {
    const jar = new CookieJar();
    expect(await signIn(dashboard.url, jar, ADMIN.username, ADMIN.password)).toBeNull();
    const patterns = newPatterns("43", 300);
    const jobId = await startDidJob(patterns);
    await waitFor(async () => addRequests(stack.sim, patterns).size >= 60, "a fifth of the DIDs sent", 60_000);
    stack.sim.setFaults({ hang: true });

    const paused = await waitForStatus(stack.db, jobId, "paused", 30_000);
    const page = (await (await get(dashboard.url, jar, `/api/jobs/${jobId}`)).json()).progress;
    expect(page.status).toBe("paused");
    expect(page.pauseReason).toBe(paused.pauseReason);
    expect(page.pauseReason).toMatch(/not giving clear answers.*marked unknown.*goes on by itself once VICIdial answers again/);
    const unknown = (await rowsOf(stack.db, jobId)).filter((row) => row.state === "pending" && row.uncertain);
    expect(unknown.length).toBeGreaterThan(0);
    const rowsPage = await (await get(dashboard.url, jar, `/api/jobs/${jobId}?state=pending&page=1`)).json();
    expect(rowsPage.rows.rows.filter((row: { uncertain: boolean }) => row.uncertain).length).toBeGreaterThan(0);

    stack.sim.setFaults({ latencyMs: 10 });
    await waitForStatus(stack.db, jobId, "completed");
    await expectEachDidOnce(jobId, patterns);
    const requests = stack.sim.didRequests();
    for (const row of unknown) expect(requests[row.label]?.update_did, `${row.label} read back before it was sent again`).toBeGreaterThanOrEqual(1);
  });
});
