import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { auditLog } from "@/lib/db/schema";
import type { JobRunner } from "@/lib/jobs/runner";
import { rowsOf, startTestSimulator, testClient, testRunner, waitForStatus } from "@/lib/jobs/test-helpers";
import type { RunningSimulator } from "@/lib/simulator";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import type { VicidialClient } from "@/lib/vicidial/client";
import { configureVicidial } from "@/lib/vicidial/default-client";
import { testSession } from "@/lib/testing/session";
import * as jobActions from "./actions";
import * as undoActions from "./undo-actions";
import * as phoneActions from "../phones/actions";

process.env.AUTH_SECRET ??= "undo-job-action-tests-secret-0123456789ab";
vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });

const session = testSession();

const IT: CurrentUser = { id: 7, username: "it.jane", displayName: "Jane (IT)", role: "provisioning", mustChangePassword: false };
const SUPERVISOR: CurrentUser = { id: 3, username: "sup.sam", displayName: "Sam", role: "supervisor", mustChangePassword: false };

/** 20 agents' phones: extensions 7701..7720 on the seeded server, one alias over all of them. */
const AGENTS = Array.from({ length: 20 }, (_, i) => `${7701 + i},undo${7701 + i},Undo Agent ${i + 1},727555${7701 + i}`).join("\n");

describe.each(testBackends())("undoing a bulk job on %s", (backend) => {
  const db = useTestDatabase(backend);
  let sim: RunningSimulator;
  let client: VicidialClient;
  let runner: JobRunner;

  beforeAll(async () => {
    sim = await startTestSimulator();
    configureVicidial(() => ({ url: sim.url, user: "6666", pass: "1234", timeoutMs: 3000 }));
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
    session.user = IT;
  });

  const simPhones = () => sim.state.phones.filter((p) => p.login.startsWith("undo77"));

  it("dry-runs, then undoes a job of 20 phones as a new job, skipping and listing the phone changed since", async () => {
    const started = await jobActions.startAgentJobAction(undefined, {
      text: AGENTS,
      hasHeader: false,
      mapping: { extension: 0, login: 1, fullName: 2, outboundCid: 3 },
      options: { serverIp: "10.10.10.15", protocol: "SIP", localGmt: "-5.00", aliasMode: "single", aliasId: "UNDO_TEAM", aliasName: "Undo team" },
    });
    if (!started.ok) throw new Error(started.error.message);
    await waitForStatus(started.data.jobId, ["completed"], 60_000);
    expect(simPhones()).toHaveLength(20);
    expect(sim.state.phoneAliases.some((a) => a.alias_id === "UNDO_TEAM")).toBe(true);

    // Someone renames one phone after the job.
    expect(await phoneActions.updatePhoneAction(undefined, { serverIp: "10.10.10.15", extension: "7705", phoneFullName: "Renamed since" })).toMatchObject({ ok: true });

    session.user = SUPERVISOR;
    expect(await undoActions.previewPhoneJobUndoAction(undefined, { jobId: started.data.jobId })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    session.user = IT;

    const sent = sim.state.apiLog.length;
    const preview = await undoActions.previewPhoneJobUndoAction(undefined, { jobId: started.data.jobId });
    expect(preview).toMatchObject({ ok: true, data: { toUndo: 20, skipped: 1 } });
    if (!preview.ok) return;
    expect(preview.data.rows.filter((row) => row.skip)).toEqual([
      expect.objectContaining({ label: "10.10.10.15/7705", skip: expect.stringContaining("Full name is now Renamed since") }),
    ]);
    expect(sim.state.apiLog.length).toBe(sent);

    const undo = await undoActions.startPhoneJobUndoAction(undefined, { jobId: started.data.jobId });
    if (!undo.ok) throw new Error(undo.error.message);
    await waitForStatus(undo.data.jobId, ["completed"], 60_000);

    const rows = await rowsOf(undo.data.jobId);
    expect(rows.filter((row) => row.state === "done")).toHaveLength(20);
    expect(rows.filter((row) => row.state === "skipped").map((row) => [row.label, row.message])).toEqual([["10.10.10.15/7705", expect.stringContaining("Changed since")]]);
    expect(simPhones().map((p) => p.extension)).toEqual(["7705"]);
    expect(sim.state.phoneAliases.some((a) => a.alias_id === "UNDO_TEAM")).toBe(false);

    // Each undone row is its own audit entry, linked to the row's entry of the original job.
    const undone = await db().select().from(auditLog).where(and(eq(auditLog.action, "phone.undo"), eq(auditLog.target, "10.10.10.15/7701")));
    const [original] = await db().select().from(auditLog).where(and(eq(auditLog.action, "phone.add"), eq(auditLog.target, "10.10.10.15/7701")));
    expect(undone).toEqual([expect.objectContaining({ outcome: "success", undoOf: original!.id, actorUsername: "it.jane" })]);

    expect(await undoActions.startPhoneJobUndoAction(undefined, { jobId: started.data.jobId })).toMatchObject({ ok: false, error: { kind: "conflict", message: expect.stringContaining("already undone") } });
  });
});
