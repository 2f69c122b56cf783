import { and, asc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { auditLog, phones } from "@/lib/db/schema";
import { getPhone, upsertPhone } from "@/lib/phones/inventory";
import type { AddPhoneInput } from "@/lib/phones/schemas";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { auditMark, testBackends, useTestDatabase } from "@/lib/testing/db";
import { configureVicidial } from "@/lib/vicidial/default-client";
import { AGENT_COLUMNS, agentJobOptionsSchema } from "@/lib/jobs/prepare/agents";
import { guessMapping } from "@/lib/jobs/prepare/columns";
import { comparableEntry, runFileJob } from "@/lib/jobs/test-helpers";
import { testSession } from "@/lib/testing/session";
import { addPhoneAction, deletePhoneAction, updatePhoneAction } from "./actions";

// The agent job keeps its generated passwords sealed with a key derived from this secret.
process.env.AUTH_SECRET ??= "phone-actions-tests-secret-0123456789abcdef";

const session = testSession();

const IT: CurrentUser = { id: 7, username: "it.jane", displayName: "Jane (IT)", role: "provisioning", mustChangePassword: false };
const SUPERVISOR: CurrentUser = { id: 8, username: "sup", displayName: "Sup", role: "supervisor", mustChangePassword: false };

const newPhone: AddPhoneInput = {
  extension: "55000",
  dialplanNumber: "55000",
  voicemailId: "55000",
  phoneLogin: "55000",
  phonePass: "PhonePass55000x",
  serverIp: "10.10.10.15",
  protocol: "SIP",
  registrationPassword: "RegSecret55000y",
  phoneFullName: "Extension 55000",
  localGmt: "-5",
  outboundCid: "7275551212",
};

describe.each(testBackends())("phone actions against the simulator on %s", (backend) => {
  const db = useTestDatabase(backend);
  let sim: RunningSimulator;
  let apiUser = "6666";

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    configureVicidial(() => ({ url: sim.url, user: apiUser, pass: "1234", timeoutMs: 3000 }));
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    sim.reset();
    apiUser = "6666";
    session.user = IT;
    await db().delete(phones);
    mark = await auditMark(db());
  });

  const simPhone = (extension: string) => sim.state.phones.find((p) => p.extension === extension && p.server_ip === "10.10.10.15");
  let mark = 0;
  const auditRows = (action: string) => db().select().from(auditLog).where(and(gt(auditLog.id, mark), eq(auditLog.action, action))).orderBy(asc(auditLog.id));

  it("adds a phone in VICIdial, lists it, and keeps its passwords out of the inventory and the audit log", async () => {
    const result = await addPhoneAction(undefined, newPhone);
    expect(result).toMatchObject({ ok: true, data: { serverIp: "10.10.10.15", extension: "55000" } });

    expect(simPhone("55000")).toMatchObject({ login: "55000", pass: "PhonePass55000x", conf_secret: "RegSecret55000y", local_gmt: "-5.00", fullname: "Extension 55000" });
    const row = await getPhone({ serverIp: "10.10.10.15", extension: "55000" });
    expect(row).toMatchObject({ login: "55000", protocol: "SIP", fullName: "Extension 55000", localGmt: "-5.00", outboundCid: "7275551212", active: "Y", updatedBy: "it.jane" });
    expect(JSON.stringify(row)).not.toMatch(/PhonePass55000x|RegSecret55000y/);

    const [entry] = await auditRows("phone.add");
    expect(entry).toMatchObject({ resource: "phone", target: "10.10.10.15/55000", outcome: "success", actorUsername: "it.jane" });
    expect(entry?.after).toMatchObject({ login: "55000", fullName: "Extension 55000" });
    expect(JSON.stringify(entry)).not.toMatch(/PhonePass55000x|RegSecret55000y/);
  });

  it("reports a duplicate extension as a conflict and does not touch the listed phone", async () => {
    await addPhoneAction(undefined, newPhone);
    const result = await addPhoneAction(undefined, { ...newPhone, phoneLogin: "55000b", phoneFullName: "Impostor" });
    expect(result).toMatchObject({ ok: false, error: { kind: "conflict", code: "PHONE_EXISTS" } });
    if (!result.ok) expect(result.error.raw).toContain("PHONE ALREADY EXISTS ON THIS SERVER");
    expect((await getPhone({ serverIp: "10.10.10.15", extension: "55000" }))?.fullName).toBe("Extension 55000");
    const failed = (await auditRows("phone.add")).filter((e) => e.outcome === "failed");
    expect(failed).toHaveLength(1);
  });

  it("refuses a login over 15 characters beside its field without sending anything", async () => {
    const before = sim.requestCount();
    const result = await addPhoneAction(undefined, { ...newPhone, phoneLogin: "login-of-16chars" });
    expect(result).toMatchObject({ ok: false, error: { kind: "validation" } });
    if (!result.ok) expect(result.error.fieldErrors?.phoneLogin?.[0]).toMatch(/at most 15 characters/);
    expect(sim.requestCount()).toBe(before);
    expect(simPhone("55000")).toBeUndefined();
    expect(await getPhone({ serverIp: "10.10.10.15", extension: "55000" })).toBeNull();
  });

  it("puts VICIdial's field refusals beside the field (unknown server)", async () => {
    const result = await addPhoneAction(undefined, { ...newPhone, serverIp: "10.0.9.9" });
    expect(result).toMatchObject({ ok: false, error: { kind: "vicidial", code: "SERVER_NOT_FOUND", fieldErrors: { serverIp: [expect.stringMatching(/no server/)] } } });
  });

  it("updates only the changed fields and records before and after", async () => {
    await addPhoneAction(undefined, newPhone);
    const before = simPhone("55000")!;
    const result = await updatePhoneAction(undefined, { serverIp: "10.10.10.15", extension: "55000", phoneFullName: "Front desk", outboundCid: "7275559999" });
    expect(result).toMatchObject({ ok: true });

    const after = simPhone("55000")!;
    expect(after).toMatchObject({ fullname: "Front desk", outbound_cid: "7275559999" });
    // Untouched fields, passwords included, are exactly as they were.
    expect({ ...after, fullname: before.fullname, outbound_cid: before.outbound_cid, install_directory: before.install_directory }).toEqual(before);
    expect(await getPhone({ serverIp: "10.10.10.15", extension: "55000" })).toMatchObject({ fullName: "Front desk", outboundCid: "7275559999", login: "55000" });

    const [entry] = await auditRows("phone.update");
    expect(entry).toMatchObject({ target: "10.10.10.15/55000", outcome: "success" });
    expect(entry?.params).toMatchObject({ phoneFullName: "Front desk", outboundCid: "7275559999" });
    expect(entry?.params).not.toHaveProperty("email");
    expect(entry?.before).toMatchObject({ fullName: "Extension 55000" });
    expect(entry?.after).toMatchObject({ fullName: "Front desk" });
  });

  it("applies update_phone's rules: a 40-character name is refused before sending", async () => {
    await addPhoneAction(undefined, newPhone);
    const before = sim.requestCount();
    const result = await updatePhoneAction(undefined, { serverIp: "10.10.10.15", extension: "55000", phoneFullName: "x".repeat(40) });
    expect(result).toMatchObject({ ok: false, error: { kind: "validation", fieldErrors: { phoneFullName: [expect.stringMatching(/at most 30/)] } } });
    expect(sim.requestCount()).toBe(before);
  });

  it("clears a field with --BLANK--", async () => {
    await addPhoneAction(undefined, { ...newPhone, email: "desk@example.com" });
    expect(simPhone("55000")?.email).toBe("desk@example.com");
    const result = await updatePhoneAction(undefined, { serverIp: "10.10.10.15", extension: "55000", email: null });
    expect(result.ok).toBe(true);
    expect(simPhone("55000")?.email).toBe("");
    expect((await getPhone({ serverIp: "10.10.10.15", extension: "55000" }))?.email).toBe("");
  });

  it("changes a password without storing or auditing it", async () => {
    await addPhoneAction(undefined, newPhone);
    const result = await updatePhoneAction(undefined, { serverIp: "10.10.10.15", extension: "55000", phonePass: "BrandNewPass77" });
    expect(result.ok).toBe(true);
    expect(simPhone("55000")?.pass).toBe("BrandNewPass77");
    const [entry] = await auditRows("phone.update");
    expect(entry?.params).toMatchObject({ passwordsSet: ["phonePass"] });
    expect(JSON.stringify(entry)).not.toContain("BrandNewPass77");
  });

  it("deletes a phone in VICIdial and from the list", async () => {
    await addPhoneAction(undefined, newPhone);
    const result = await deletePhoneAction(undefined, { serverIp: "10.10.10.15", extension: "55000" });
    expect(result).toMatchObject({ ok: true });
    expect(simPhone("55000")).toBeUndefined();
    expect(await getPhone({ serverIp: "10.10.10.15", extension: "55000" })).toBeNull();
    const [entry] = await auditRows("phone.delete");
    expect(entry).toMatchObject({ target: "10.10.10.15/55000", outcome: "success", after: null });
    expect(entry?.before).toMatchObject({ login: "55000" });
  });

  it("shows VICIdial's NOTICE (API user 6002 may not delete phones) as a refusal and keeps the phone listed", async () => {
    await addPhoneAction(undefined, newPhone);
    apiUser = "6002";
    const result = await deletePhoneAction(undefined, { serverIp: "10.10.10.15", extension: "55000" });
    expect(result).toMatchObject({ ok: false, error: { kind: "vicidial", code: "DELETE_NOT_ALLOWED" } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/may not delete phones; nothing was deleted/);
      expect(result.error.raw).toMatch(/^NOTICE: update_phone USER DOES NOT HAVE PERMISSION TO DELETE PHONES/);
    }
    expect(simPhone("55000")).toBeDefined();
    expect(await getPhone({ serverIp: "10.10.10.15", extension: "55000" })).not.toBeNull();
    const [entry] = await auditRows("phone.delete");
    expect(entry).toMatchObject({ outcome: "failed" });
  });

  it("says VICIdial could not be reached when it does not answer, and lists nothing", async () => {
    sim.setFaults({ reset: true });
    try {
      const result = await addPhoneAction(undefined, newPhone);
      expect(result).toMatchObject({ ok: false, error: { kind: "unavailable" } });
      expect(await getPhone({ serverIp: "10.10.10.15", extension: "55000" })).toBeNull();
    } finally {
      sim.setFaults({});
    }
  });

  it("refuses roles without phones.write before anything is sent", async () => {
    session.user = SUPERVISOR;
    await upsertPhone({ serverIp: "10.10.10.15", extension: "1001", login: "1001", protocol: "SIP", updatedBy: "seed" });
    const before = sim.requestCount();
    expect(await addPhoneAction(undefined, newPhone)).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await updatePhoneAction(undefined, { serverIp: "10.10.10.15", extension: "1001", phoneFullName: "Nope" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(await deletePhoneAction(undefined, { serverIp: "10.10.10.15", extension: "1001" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
    expect(sim.requestCount()).toBe(before);
    expect(simPhone("1001")).toBeDefined();
    session.user = null;
    expect(await deletePhoneAction(undefined, { serverIp: "10.10.10.15", extension: "1001" })).toMatchObject({ ok: false, error: { kind: "unauthorized" } });
    const denied = await db().select().from(auditLog).where(and(gt(auditLog.id, mark), eq(auditLog.action, "phone.delete"), eq(auditLog.outcome, "failed")));
    expect(denied).toHaveLength(1);
  });

  /** What the path left behind: VICIdial's phone, the list's row and the path's one phone.add entry. */
  async function traces(mark: number) {
    const row = await getPhone({ serverIp: newPhone.serverIp, extension: newPhone.extension });
    const entries = await db()
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, mark), eq(auditLog.action, "phone.add")));
    expect(entries).toHaveLength(1);
    return { vicidial: simPhone(newPhone.extension), row, entry: entries[0]! };
  }

  async function throughTheForm() {
    const mark = await auditMark(db());
    expect(await addPhoneAction(undefined, newPhone)).toMatchObject({ ok: true });
    return traces(mark);
  }

  /** The same phone as an agent job's row: the dial plan and voicemail box default to the extension. */
  async function throughACsvJob() {
    const mark = await auditMark(db());
    const text = ["extension,login,full name,outbound cid", [newPhone.extension, newPhone.phoneLogin, newPhone.phoneFullName, newPhone.outboundCid].join(",")].join("\n");
    const lines = text.split("\n").map((line) => line.split(","));
    const mapping = guessMapping(lines, true, AGENT_COLUMNS, []);
    const options = agentJobOptionsSchema.parse({ serverIp: newPhone.serverIp, protocol: newPhone.protocol, localGmt: newPhone.localGmt, aliasMode: "none" });
    const jobId = await runFileJob(sim, "agents", { text, hasHeader: true, mapping, options }, IT);
    return { ...(await traces(mark)), jobId };
  }

  /**
   * Issue 18's proof for phones: the add form and the agent CSV job add a phone through one use
   * case (lib/phones/commands.ts), so VICIdial, the list and the audit log end up the same
   * whichever path was taken. The job is owned by the form's user, so who acted is compared too.
   */
  it("adds a phone from the form and from an agent CSV job alike: the same phone in VICIdial, row in the list and audit entry", async () => {
    const form = await throughTheForm();
    // The same phone again, from nothing: a fresh VICIdial and a list without it.
    sim.reset();
    await db().delete(phones);
    const job = await throughACsvJob();

    // Left out: the passwords, typed in the form and generated by the job.
    const settings = (phone: typeof form.vicidial) => Object.fromEntries(Object.entries(phone ?? {}).filter(([key]) => key !== "pass" && key !== "conf_secret"));
    expect(job.vicidial).toBeDefined();
    expect(settings(job.vicidial)).toEqual(settings(form.vicidial));
    expect(job.vicidial?.pass).not.toBe(form.vicidial?.pass);

    // Left out: the time of the write. VICIdial's defaults for what was not sent are listed on both paths.
    const { updatedAt: formTime, ...formRow } = form.row!;
    const { updatedAt: jobTime, ...jobRow } = job.row!;
    expect(jobRow).toEqual(formRow);
    expect(jobRow).toMatchObject({ phoneContext: "default", adminUserGroup: "---ALL---", active: "Y", updatedBy: IT.username });
    expect(jobTime.getTime()).toBeGreaterThanOrEqual(formTime.getTime());

    // Left out: the entry's id and time; how long the request took and the browser's address and
    // agent (a server action's, not a job row's); the job and row the job adds to the params.
    expect(comparableEntry(job.entry)).toEqual(comparableEntry(form.entry));
    expect(job.entry.params).toMatchObject({ job: job.jobId, row: 1 });
    // What the entry says, not only that both say the same: the passwords set, never their values.
    expect(form.entry).toMatchObject({ outcome: "success", target: "10.10.10.15/55000", actorUsername: IT.username, message: "Phone 55000 added on 10.10.10.15", before: null });
    expect(form.entry.params).toMatchObject({ passwordsSet: ["phonePass", "registrationPassword"] });
    expect(Object.keys(form.entry.after as object)).not.toContain("updatedAt");
    expect(JSON.stringify([form.entry, job.entry])).not.toMatch(/PhonePass55000x|RegSecret55000y/);
  }, 90_000);
});
