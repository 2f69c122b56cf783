import { and, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { auditLog, dids } from "@/lib/db/schema";
import { seedDemoInventory } from "@/lib/demo/seed-inventory";
import { didFormValues, getDid } from "@/lib/dids/inventory";
import { didChanges, type AddDidInput } from "@/lib/dids/schemas";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { auditMark, testBackends, useTestDatabase } from "@/lib/testing/db";
import { configureVicidial } from "@/lib/vicidial/default-client";
import { DID_COLUMNS } from "@/lib/jobs/prepare/dids";
import { guessMapping } from "@/lib/jobs/prepare/columns";
import { comparableEntry, runFileJob } from "@/lib/jobs/test-helpers";
import { testSession } from "@/lib/testing/session";
import { addDidAction, copyDidAction, deleteDidAction, updateDidAction } from "./actions";

const session = testSession();

const SUPERVISOR: CurrentUser = { id: 3, username: "sup.sam", displayName: "Sam (supervisor)", role: "supervisor", mustChangePassword: false };
const QA: CurrentUser = { id: 4, username: "qa.quinn", displayName: "Quinn (QA)", role: "qa", mustChangePassword: false };

const inGroupDid = {
  didPattern: "7275553333",
  description: "Inbound to TEST_IN",
  didRoute: "IN_GROUP",
  group: "TEST_IN",
  callHandleMethod: "CIDLOOKUP",
  agentSearchMethod: "LO",
  listId: "999",
  campaignId: "TESTCAMP",
  active: true,
  recordCall: "Y",
} satisfies AddDidInput;
/** The same DID as a CSV file under a header of the form's field names. */
const CSV = [Object.keys(inGroupDid), Object.values(inGroupDid).map((value) => (value === true ? "Y" : value))].map((line) => line.join(",")).join("\n");

describe.each(testBackends())("DID actions against the simulator on %s", (backend) => {
  const db = useTestDatabase(backend);
  let sim: RunningSimulator;
  let apiUser = "6666";
  let timeoutMs = 3000;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    configureVicidial(() => ({ url: sim.url, user: apiUser, pass: "1234", timeoutMs }));
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    sim.reset();
    sim.setFaults({});
    apiUser = "6666";
    timeoutMs = 3000;
    session.user = SUPERVISOR;
    await db().delete(dids);
    mark = await auditMark(db());
    await seedDemoInventory(db());
  });

  const simDid = (pattern: string) => sim.state.dids.find((d) => d.did_pattern === pattern);
  let mark = 0;
  const auditRows = (action: string, target?: string) =>
    db()
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, mark), eq(auditLog.action, action), target === undefined ? undefined : eq(auditLog.target, target)));

  it("adds an IN_GROUP DID in VICIdial, lists it with VICIdial's defaults, and audits it", async () => {
    const result = await addDidAction(undefined, inGroupDid);
    expect(result).toMatchObject({ ok: true, data: { didPattern: "7275553333" } });

    expect(simDid("7275553333")).toMatchObject({ did_description: "Inbound to TEST_IN", did_route: "IN_GROUP", group_id: "TEST_IN", call_handle_method: "CIDLOOKUP", agent_search_method: "LO", campaign_id: "TESTCAMP", record_call: "Y" });
    expect(await getDid("7275553333")).toMatchObject({
      description: "Inbound to TEST_IN",
      route: "IN_GROUP",
      groupId: "TEST_IN",
      active: "Y",
      recordCall: "Y",
      entryListId: "0",
      phoneCode: "1",
      updatedBy: "sup.sam",
    });
    const [entry] = await auditRows("did.add", "7275553333");
    expect(entry).toMatchObject({ resource: "did", outcome: "success", actorUsername: "sup.sam", before: null });
    expect(entry?.after).toMatchObject({ didPattern: "7275553333", groupId: "TEST_IN" });
    expect(entry?.raw).toContain("SUCCESS: add_did DID HAS BEEN ADDED");
  });

  it("keeps the plus sign of a pattern all the way to VICIdial and the list", async () => {
    const result = await addDidAction(undefined, { didPattern: "+17275551212", description: "Plus sign DID", didRoute: "AGENT" });
    expect(result.ok).toBe(true);
    expect(simDid("+17275551212")).toBeDefined();
    expect(simDid("17275551212")).toBeUndefined();
    expect(await getDid("+17275551212")).toMatchObject({ route: "AGENT", description: "Plus sign DID" });

    const updated = await updateDidAction(undefined, { didPattern: "+17275551212", active: false });
    expect(updated.ok).toBe(true);
    expect(simDid("+17275551212")?.did_active).toBe("N");
  });

  it("reports an existing DID as a conflict, beside the pattern, and leaves the list alone", async () => {
    const result = await addDidAction(undefined, { didPattern: "7275550100", description: "Would overwrite", didRoute: "AGENT" });
    expect(result).toMatchObject({ ok: false, error: { kind: "conflict", code: "DID_EXISTS", message: "This DID already exists in VICIdial" } });
    if (!result.ok) {
      expect(result.error.raw).toBe("ERROR: add_did DID ALREADY EXISTS: |6666|7275550100");
      expect(result.error.fieldErrors?.didPattern).toEqual(["This DID already exists in VICIdial"]);
    }
    expect(await getDid("7275550100")).toMatchObject({ description: "Seed DID routed to TEST_IN", route: "IN_GROUP" });
    const [entry] = await auditRows("did.add", "7275550100");
    expect(entry).toMatchObject({ outcome: "failed" });
  });

  it("refuses a slash in the pattern beside the field without sending anything", async () => {
    const before = sim.requestCount();
    const result = await addDidAction(undefined, { ...inGroupDid, didPattern: "727/555-3333", description: "Bob's line" });
    expect(result).toMatchObject({ ok: false, error: { kind: "validation" } });
    if (!result.ok) {
      expect(result.error.fieldErrors?.didPattern?.[0]).toMatch(/cannot contain “\/” and “-”: VICIdial would silently remove them/);
      expect(result.error.fieldErrors?.description?.[0]).toMatch(/cannot contain “'”/);
    }
    expect(sim.requestCount()).toBe(before);
    expect(simDid("7275553333")).toBeUndefined();
    expect(await getDid("727/555-3333")).toBeUndefined();
  });

  it("puts VICIdial's own field refusal beside the field (an in-group VICIdial does not have)", async () => {
    const result = await addDidAction(undefined, { ...inGroupDid, group: "NO_SUCH_IN" });
    expect(result).toMatchObject({ ok: false, error: { kind: "vicidial", code: "INVALID_FIELD", fieldErrors: { group: ["VICIdial has no in-group with this ID"] } } });
    expect(await getDid("7275553333")).toBeUndefined();
  });

  it("sends only the fields that changed in the edit form", async () => {
    // Someone changed recording in VICIdial itself; the dashboard still shows N.
    simDid("3125550000")!.record_call = "Y";
    const row = (await getDid("3125550000"))!;
    const before = didFormValues(row);
    const { changes } = didChanges(before, { ...before, description: "Front desk, Chicago", active: false });
    expect(changes).toEqual({ description: "Front desk, Chicago", active: false });

    const result = await updateDidAction(undefined, { didPattern: "3125550000", ...changes });
    expect(result).toMatchObject({ ok: true, data: { changed: ["description", "active"] } });
    expect(simDid("3125550000")).toMatchObject({ did_description: "Front desk, Chicago", did_active: "N", record_call: "Y", extension: "8300" });
    expect(await getDid("3125550000")).toMatchObject({ description: "Front desk, Chicago", active: "N", extension: "8300", updatedBy: "sup.sam" });

    const [entry] = await auditRows("did.update", "3125550000");
    expect(entry).toMatchObject({ outcome: "success", params: { didPattern: "3125550000", description: "Front desk, Chicago", active: false } });
    expect(entry?.before).toMatchObject({ description: "Seed DID for updates", active: "Y" });
    expect(entry?.after).toMatchObject({ description: "Front desk, Chicago", active: "N" });
  });

  it("changes a route together with its target", async () => {
    const row = (await getDid("3125550000"))!;
    const before = didFormValues(row);
    const { changes } = didChanges(before, { ...before, didRoute: "CALLMENU", menuId: "TESTMENU" });
    const result = await updateDidAction(undefined, { didPattern: "3125550000", ...changes });
    expect(result.ok).toBe(true);
    expect(simDid("3125550000")).toMatchObject({ did_route: "CALLMENU", menu_id: "TESTMENU" });
    expect(await getDid("3125550000")).toMatchObject({ route: "CALLMENU", menuId: "TESTMENU" });
  });

  it("says there is nothing to save without sending anything", async () => {
    const before = sim.requestCount();
    const result = await updateDidAction(undefined, { didPattern: "3125550000", description: "" });
    expect(result).toMatchObject({ ok: false, error: { kind: "validation", message: "No changes to save: nothing was sent to VICIdial" } });
    expect(sim.requestCount()).toBe(before);
  });

  it("deletes a DID in VICIdial and from the list, keeping what it was in the audit log", async () => {
    const result = await deleteDidAction(undefined, { didPattern: "3125550000" });
    expect(result).toMatchObject({ ok: true });
    expect(simDid("3125550000")).toBeUndefined();
    expect(await getDid("3125550000")).toBeUndefined();
    const [entry] = await auditRows("did.delete", "3125550000");
    expect(entry).toMatchObject({ outcome: "success", after: null });
    expect(entry?.before).toMatchObject({ description: "Seed DID for updates" });
  });

  it("keeps the DID listed when the API user may not delete DIDs", async () => {
    apiUser = "6002";
    const result = await deleteDidAction(undefined, { didPattern: "3125550000" });
    expect(result).toMatchObject({ ok: false, error: { kind: "vicidial", code: "DELETE_NOT_ALLOWED" } });
    expect(simDid("3125550000")).toBeDefined();
    expect(await getDid("3125550000")).toBeDefined();
  });

  it("copies to several DIDs, reporting the one that already existed, and lists the new ones with the source's settings", async () => {
    await addDidAction(undefined, { didPattern: "7275553338", description: "Already here", didRoute: "AGENT" });
    const result = await copyDidAction(undefined, { sourceDidPattern: "7275550100", newDids: "7275553337\n7275553338, +17275553339" });
    expect(result).toMatchObject({
      ok: true,
      data: {
        added: 2,
        alreadyExisted: 1,
        dids: [
          { pattern: "7275553337", outcome: "added" },
          { pattern: "7275553338", outcome: "exists" },
          { pattern: "+17275553339", outcome: "added" },
        ],
      },
      message: "Copied 7275550100 to 2 new DIDs; 1 already existed",
    });
    expect(simDid("+17275553339")).toMatchObject({ did_route: "IN_GROUP", group_id: "TEST_IN" });
    expect(await getDid("7275553337")).toMatchObject({ route: "IN_GROUP", groupId: "TEST_IN", description: "Seed DID routed to TEST_IN", updatedBy: "sup.sam" });
    expect((await getDid("7275553337"))?.didId).toBe(simDid("7275553337")?.did_id);
    expect(await getDid("7275553338")).toMatchObject({ description: "Already here", route: "AGENT" });

    const [summary] = await auditRows("did.copy", "7275550100");
    expect(summary).toMatchObject({ outcome: "success", after: { added: ["7275553337", "+17275553339"], alreadyExisted: ["7275553338"] } });
    const [own] = await auditRows("did.copy", "+17275553339");
    expect(own).toMatchObject({ outcome: "success", before: null, message: "Copied from 7275550100" });
  });

  it("says so when every DID of a copy already exists", async () => {
    const result = await copyDidAction(undefined, { sourceDidPattern: "7275550100", newDids: "3125550000" });
    expect(result).toMatchObject({ ok: false, error: { kind: "conflict", code: "NO_DIDS_ADDED", message: "No DID was added: 3125550000 already exists in VICIdial" } });
  });

  it("checks every copy entry and the description before sending anything", async () => {
    const before = sim.requestCount();
    const result = await copyDidAction(undefined, { sourceDidPattern: "7275550100", newDids: "7275553337\n727/555/3338", description: "abc" });
    expect(result).toMatchObject({ ok: false, error: { kind: "validation" } });
    if (!result.ok) {
      expect(result.error.fieldErrors?.newDids?.[0]).toMatch(/^“727\/555\/3338” cannot contain /);
      expect(result.error.fieldErrors?.description?.[0]).toMatch(/at least 6/);
    }
    expect(sim.requestCount()).toBe(before);
    expect(simDid("7275553337")).toBeUndefined();
  });

  it("reports a timeout as VICIdial being unreachable, records the outcome as unknown, and lists nothing", async () => {
    timeoutMs = 300;
    sim.setFaults({ hang: true });
    const result = await addDidAction(undefined, inGroupDid);
    expect(result).toMatchObject({ ok: false, error: { kind: "unavailable", code: "TIMEOUT" } });
    if (!result.ok) expect(result.error.message).toMatch(/may or may not have made the change/);
    expect(await getDid("7275553333")).toBeUndefined();
    const [entry] = await auditRows("did.add", "7275553333");
    expect(entry).toMatchObject({ outcome: "unknown" });
  });

  it("reports a 500 after VICIdial's SUCCESS as an unknown outcome, with what reading it back showed", async () => {
    // The add runs and is stored, then PHP dies (contract 4); the read-back is answered normally.
    sim.setFaults({ http500AfterAnswer: true, when: { function: "add_did" } });
    const result = await addDidAction(undefined, inGroupDid);
    expect(result).toMatchObject({
      ok: false,
      error: { kind: "unavailable", code: "HTTP_ERROR", reconciled: { state: "exists" }, raw: "SUCCESS: add_did DID HAS BEEN ADDED - 6666|7275553333" },
    });
    if (!result.ok) {
      expect(result.error.message).toMatch(/^VICIdial answered that it succeeded, then failed with HTTP 500, so the answer cannot be trusted\. Checked afterwards: the DID exists in VICIdial/);
    }
    expect(simDid("7275553333")).toBeDefined();
    const [entry] = await auditRows("did.add", "7275553333");
    expect(entry).toMatchObject({ outcome: "unknown" });
  });

  it("records a delete whose 500 came before VICIdial ran, read back as not done, as failed", async () => {
    sim.setFaults({ http500: true, when: { delete_did: "Y" } });
    const result = await deleteDidAction(undefined, { didPattern: "3125550000" });
    expect(result).toMatchObject({ ok: false, error: { code: "HTTP_ERROR", reconciled: { state: "not_done" } } });
    if (!result.ok) expect(result.error.message).toMatch(/the DID still exists in VICIdial, so nothing was deleted; it is safe to try again/);
    expect(simDid("3125550000")).toBeDefined();
    const [entry] = await auditRows("did.delete", "3125550000");
    expect(entry).toMatchObject({ outcome: "failed" });
  });

  it("refuses roles without DID rights before anything is sent", async () => {
    session.user = QA;
    const before = sim.requestCount();
    expect(await addDidAction(undefined, inGroupDid)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await updateDidAction(undefined, { didPattern: "3125550000", active: false })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await deleteDidAction(undefined, { didPattern: "3125550000" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await copyDidAction(undefined, { sourceDidPattern: "7275550100", newDids: "7275553337" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    session.user = null;
    expect(await deleteDidAction(undefined, { didPattern: "3125550000" })).toMatchObject({ ok: false, error: { kind: "unauthorized" } });
    expect(sim.requestCount()).toBe(before);
    expect(simDid("3125550000")).toBeDefined();
  });

  /** What the path left behind: VICIdial's record, the list's row and the path's one did.add entry. */
  async function traces(mark: number) {
    const vicidial = sim.state.dids.find((did) => did.did_pattern === inGroupDid.didPattern);
    const row = await getDid(inGroupDid.didPattern);
    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, mark), eq(auditLog.action, "did.add")));
    expect(entries).toHaveLength(1);
    return { vicidial, row, entry: entries[0]! };
  }

  async function throughTheForm() {
    const mark = await auditMark(db());
    const result = await addDidAction(undefined, inGroupDid);
    expect(result).toMatchObject({ ok: true });
    return traces(mark);
  }

  async function throughACsvJob() {
    const mark = await auditMark(db());
    const lines = CSV.split("\n").map((line) => line.split(","));
    const mapping = guessMapping(lines, true, DID_COLUMNS, []);
    const jobId = await runFileJob(sim, "dids", { text: CSV, hasHeader: true, mapping, options: {} }, SUPERVISOR);
    return { ...(await traces(mark)), jobId };
  }

  /**
   * Issue 18's proof: the form and the CSV job add a DID through one use case, so VICIdial, the
   * list and the audit log end up the same whichever path was taken. The job is owned by the
   * form's user, so who acted is compared too.
   */
  it("adds a DID from the form and from a CSV job alike: the same record in VICIdial, row in the list and audit entry", async () => {
    const form = await throughTheForm();
    // The same DID again, from nothing: a fresh VICIdial and a list without it.
    sim.reset();
    await db().delete(dids).where(eq(dids.didPattern, inGroupDid.didPattern));
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
    expect(comparableEntry(job.entry)).toEqual(comparableEntry(form.entry));
    expect(job.entry.params).toMatchObject({ job: job.jobId, row: 1 });
    // What the entry says, not only that both say the same: no bookkeeping columns in `after`.
    expect(form.entry).toMatchObject({ outcome: "success", target: inGroupDid.didPattern, actorUsername: SUPERVISOR.username, message: `DID ${inGroupDid.didPattern} added`, before: null });
    expect(form.entry.after).toMatchObject({ didPattern: inGroupDid.didPattern, groupId: "TEST_IN", entryListId: "0" });
    expect(Object.keys(form.entry.after as object)).not.toEqual(expect.arrayContaining(["updatedAt"]));
    expect(Object.keys(form.entry.after as object)).not.toContain("searchText");
  }, 90_000);
});
