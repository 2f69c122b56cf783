import { and, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { auditLog, dids } from "@/lib/db/schema";
import { getDid } from "@/lib/inventory/dids";
import { createJobFromFile } from "@/lib/jobs/create";
import { DID_COLUMNS } from "@/lib/jobs/prepare/dids";
import { guessMapping } from "@/lib/jobs/prepare/columns";
import { startTestSimulator, testClient, testRunner, waitForStatus } from "@/lib/jobs/test-helpers";
import type { RunningSimulator } from "@/lib/simulator";
import { auditMark, testBackends, useTestDatabase } from "@/lib/testing/db";
import { configureVicidial } from "@/lib/vicidial/default-client";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { addDidAction } = await import("@/app/(dashboard)/dids/actions");

process.env.AUTH_SECRET ??= "did-add-paths-tests-secret-0123456789abcdef";
vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 });

const SUPERVISOR: CurrentUser = { id: 3, username: "sup.sam", displayName: "Sam (supervisor)", role: "supervisor", mustChangePassword: false };

/** One DID, as the add form sends it and as a CSV line under a header of the form's field names. */
const DID = {
  didPattern: "7275553333",
  description: "Inbound to TEST_IN",
  didRoute: "IN_GROUP",
  group: "TEST_IN",
  callHandleMethod: "CIDLOOKUP",
  agentSearchMethod: "LO",
  campaignId: "TESTCAMP",
  recordCall: "Y",
} as const;
const CSV = `${Object.keys(DID).join(",")},active\n${Object.values(DID).join(",")},Y`;

/**
 * Issue 18's proof: the form and the CSV job add a DID through one use case, so VICIdial, the
 * list and the audit log end up the same whichever path was taken. The job is owned by the
 * form's user, so who acted is compared too.
 */
describe.each(testBackends())("a DID added from the form and from a CSV job on %s", (backend) => {
  const db = useTestDatabase(backend);
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startTestSimulator();
    configureVicidial(() => ({ url: sim.url, user: "6666", pass: "1234", timeoutMs: 10_000 }));
    session.user = SUPERVISOR;
  });
  afterAll(async () => {
    await sim.close();
  });

  /** What the path left behind: VICIdial's record, the list's row and the path's one did.add entry. */
  async function traces(mark: number) {
    const vicidial = sim.state.dids.find((did) => did.did_pattern === DID.didPattern);
    const row = await getDid(DID.didPattern);
    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, mark), eq(auditLog.action, "did.add")));
    expect(entries).toHaveLength(1);
    return { vicidial, row, entry: entries[0]! };
  }

  async function throughTheForm() {
    const mark = await auditMark(db());
    const result = await addDidAction(undefined, { ...DID, active: true });
    expect(result).toMatchObject({ ok: true });
    return traces(mark);
  }

  async function throughACsvJob() {
    const mark = await auditMark(db());
    const lines = CSV.split("\n").map((line) => line.split(","));
    const mapping = guessMapping(lines, true, DID_COLUMNS, []);
    const created = await createJobFromFile("dids", { text: CSV, hasHeader: true, mapping, options: {} }, SUPERVISOR);
    if (!created.ok) throw new Error(`job not created: ${JSON.stringify(created.dryRun)}`);
    const client = testClient(sim);
    const runner = testRunner(client);
    try {
      await runner.start();
      await waitForStatus(created.jobId, ["completed"]);
    } finally {
      await runner.stop({ graceMs: 2_000 });
      await client.close();
    }
    return { ...(await traces(mark)), jobId: created.jobId };
  }

  it("leaves the same record in VICIdial, the same row in the list and the same audit entry", async () => {
    const form = await throughTheForm();
    // The same DID again, from nothing: a fresh VICIdial and a list without it.
    sim.reset();
    await db().delete(dids).where(eq(dids.didPattern, DID.didPattern));
    const job = await throughACsvJob();

    expect(job.vicidial).toEqual(form.vicidial);
    // VICIdial's column defaults are listed on both paths (the job used to leave them null).
    expect(job.row).toMatchObject({ entryListId: "0", phoneCode: "1", listId: "999", active: "Y", updatedBy: SUPERVISOR.username });
    // Left out: the time of the write.
    const { updatedAt: formTime, ...formRow } = form.row!;
    const { updatedAt: jobTime, ...jobRow } = job.row!;
    expect(jobRow).toEqual(formRow);
    expect(jobTime.getTime()).toBeGreaterThanOrEqual(formTime.getTime());

    // Left out: the entry's id and time; how long the request took and the browser's address and
    // agent (a server action's, not a job row's); the job and row the job adds to the params.
    const omit = (value: object, keys: readonly string[]) => Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
    const comparable = (entry: typeof form.entry) => ({ ...omit(entry, ["id", "at", "durationMs", "ip", "userAgent"]), params: omit(entry.params ?? {}, ["job", "row"]) });
    expect(comparable(job.entry)).toEqual(comparable(form.entry));
    expect(job.entry.params).toMatchObject({ job: job.jobId, row: 1 });
    // What the entry says, not only that both say the same: no bookkeeping columns in `after`.
    expect(form.entry).toMatchObject({ outcome: "success", target: DID.didPattern, actorUsername: SUPERVISOR.username, message: `DID ${DID.didPattern} added`, before: null });
    expect(form.entry.after).toMatchObject({ didPattern: DID.didPattern, groupId: "TEST_IN", entryListId: "0" });
    expect(Object.keys(form.entry.after as object)).not.toEqual(expect.arrayContaining(["updatedAt"]));
    expect(Object.keys(form.entry.after as object)).not.toContain("searchText");
  });
});
