import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { auditLog, cidGroups, dids, phoneAliases, phones } from "@/lib/db/schema";
import { seedDemoInventory } from "@/lib/demo/seed-inventory";
import { getDid } from "@/lib/dids/inventory";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { configureVicidial } from "@/lib/vicidial/default-client";
import { testSession } from "@/lib/testing/session";
import * as undo from "./actions";
import * as didActions from "../dids/actions";
import * as phoneActions from "../phones/actions";
import * as aliasActions from "../aliases/actions";
import * as cidActions from "../cid-groups/actions";

/**
 * Undo from the audit log, end to end: the real actions (the change, then its undo) against the
 * simulator over HTTP and a real database. Only the session lookup is replaced.
 */
const session = testSession();
vi.setConfig({ testTimeout: 30_000 });

const SUPERVISOR: CurrentUser = { id: 3, username: "sup.sam", displayName: "Sam", role: "supervisor", mustChangePassword: false };
const IT: CurrentUser = { id: 7, username: "it.jane", displayName: "Jane", role: "provisioning", mustChangePassword: false };
const QA: CurrentUser = { id: 4, username: "qa.quinn", displayName: "Quinn", role: "qa", mustChangePassword: false };

const PHONE = {
  extension: "8801",
  dialplanNumber: "8801",
  voicemailId: "8801",
  phoneLogin: "undo8801",
  phonePass: "secret8801",
  serverIp: "10.10.10.15",
  protocol: "SIP",
  registrationPassword: "reg8801",
  phoneFullName: "Undo Test Phone",
  localGmt: "-5.00",
  outboundCid: "7275558801",
} as const;

describe.each(testBackends())("undo from the audit log against the simulator on %s", (backend) => {
  const db = useTestDatabase(backend);
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    configureVicidial(() => ({ url: sim.url, user: "6666", pass: "1234", timeoutMs: 3000 }));
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    sim.reset();
    session.user = SUPERVISOR;
    for (const table of [dids, phones, phoneAliases, cidGroups]) await db().delete(table);
    await seedDemoInventory(db());
  });

  const simDid = (pattern: string) => sim.state.dids.find((d) => d.did_pattern === pattern);
  const simPhone = (extension: string) => sim.state.phones.find((p) => p.extension === extension && p.server_ip === "10.10.10.15");
  const simCid = (cid: string) => sim.state.cidGroupEntries.find((e) => e.campaign_id === "US_SALES" && e.outbound_cid === cid);
  /** The newest entry of an action (and target). */
  async function latest(action: string, target?: string) {
    const [row] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), target === undefined ? undefined : eq(auditLog.target, target)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    if (!row) throw new Error(`no ${action} entry`);
    return row;
  }

  async function routeToMenu() {
    expect(await didActions.updateDidAction(undefined, { didPattern: "3125550000", didRoute: "CALLMENU", menuId: "TESTMENU", description: "Routed to the menu" })).toMatchObject({ ok: true });
    return latest("did.update", "3125550000");
  }

  describe("a DID change", () => {
    it("puts the old route back through the API, as a new audit entry linked to the original", async () => {
      const change = await routeToMenu();
      expect(simDid("3125550000")).toMatchObject({ did_route: "CALLMENU", menu_id: "TESTMENU" });

      const preview = await undo.previewDidUndoAction(undefined, { entryId: change.id });
      expect(preview).toMatchObject({ ok: true, data: { conflicts: false, steps: [{ op: "revert", key: "3125550000" }] } });
      expect(sim.state.dids.find((d) => d.did_pattern === "3125550000")?.did_route).toBe("CALLMENU");

      const result = await undo.undoDidChangeAction(undefined, { entryId: change.id });
      expect(result).toMatchObject({ ok: true });
      expect(simDid("3125550000")).toMatchObject({ did_route: "EXTEN", extension: "8300", did_description: "Seed DID for updates" });
      expect(await getDid("3125550000")).toMatchObject({ route: "EXTEN", description: "Seed DID for updates" });

      const undoEntry = await latest("did.undo", "3125550000");
      expect(undoEntry).toMatchObject({ outcome: "success", undoOf: change.id, actorUsername: "sup.sam" });
      expect(undoEntry.before).toMatchObject({ route: "CALLMENU" });
      expect(undoEntry.after).toMatchObject({ route: "EXTEN" });

      expect(await undo.undoDidChangeAction(undefined, { entryId: change.id })).toMatchObject({ ok: false, error: { kind: "conflict", message: expect.stringContaining(`entry ${undoEntry.id}`) } });
    });

    it("shows what changed since, field by field, and sends nothing until the user chooses", async () => {
      const change = await routeToMenu();
      await didActions.updateDidAction(undefined, { didPattern: "3125550000", description: "Changed again later" });
      const sent = sim.state.apiLog.length;

      const preview = await undo.previewDidUndoAction(undefined, { entryId: change.id });
      expect(preview.ok && preview.data.conflicts).toBe(true);
      const fields = preview.ok ? preview.data.steps[0]!.fields : [];
      expect(fields.find((f) => f.field === "description")).toMatchObject({ before: "Seed DID for updates", after: "Routed to the menu", current: "Changed again later", changed: true });
      expect(fields.find((f) => f.field === "route")).toMatchObject({ before: "EXTEN", after: "CALLMENU", current: "CALLMENU", changed: false });

      // Cancel: no choice made, nothing sent.
      expect(await undo.undoDidChangeAction(undefined, { entryId: change.id })).toMatchObject({ ok: false, error: { kind: "conflict" } });
      expect(sim.state.apiLog.length).toBe(sent);
      expect(simDid("3125550000")).toMatchObject({ did_route: "CALLMENU", did_description: "Changed again later" });
    });

    it("undoes only the fields that did not change when asked to", async () => {
      const change = await routeToMenu();
      await didActions.updateDidAction(undefined, { didPattern: "3125550000", description: "Changed again later" });
      expect(await undo.undoDidChangeAction(undefined, { entryId: change.id, choice: "unchanged" })).toMatchObject({ ok: true });
      expect(simDid("3125550000")).toMatchObject({ did_route: "EXTEN", extension: "8300", did_description: "Changed again later" });
    });

    it("undoes every field anyway when asked to", async () => {
      const change = await routeToMenu();
      await didActions.updateDidAction(undefined, { didPattern: "3125550000", description: "Changed again later" });
      expect(await undo.undoDidChangeAction(undefined, { entryId: change.id, choice: "anyway" })).toMatchObject({ ok: true });
      expect(simDid("3125550000")).toMatchObject({ did_route: "EXTEN", did_description: "Seed DID for updates" });
    });

    it("undoes an add by deleting the DID, only once its pattern is typed", async () => {
      await didActions.addDidAction(undefined, { didPattern: "7275556601", description: "Added by mistake", didRoute: "EXTEN", extension: "8300" });
      const add = await latest("did.add", "7275556601");
      const preview = await undo.previewDidUndoAction(undefined, { entryId: add.id });
      expect(preview).toMatchObject({ ok: true, data: { confirmText: "7275556601", steps: [{ op: "delete" }] } });

      expect(await undo.undoDidChangeAction(undefined, { entryId: add.id, confirm: "727555660" })).toMatchObject({ ok: false, error: { kind: "validation", fieldErrors: { confirm: [expect.any(String)] } } });
      expect(simDid("7275556601")).toBeDefined();

      expect(await undo.undoDidChangeAction(undefined, { entryId: add.id, confirm: "7275556601" })).toMatchObject({ ok: true });
      expect(simDid("7275556601")).toBeUndefined();
      expect(await getDid("7275556601")).toBeUndefined();
    });

    it("undoes a delete by re-creating the DID with its recorded settings", async () => {
      await didActions.deleteDidAction(undefined, { didPattern: "7275550100" });
      expect(simDid("7275550100")).toBeUndefined();
      const deleted = await latest("did.delete", "7275550100");
      expect(await undo.undoDidChangeAction(undefined, { entryId: deleted.id })).toMatchObject({ ok: true });
      expect(simDid("7275550100")).toMatchObject({ did_route: "IN_GROUP", group_id: "TEST_IN", did_description: "Seed DID routed to TEST_IN" });
    });

    it("undoes a copy by deleting the DIDs it added, each linked to its own entry", async () => {
      expect(await didActions.copyDidAction(undefined, { sourceDidPattern: "7275550100", newDids: "7275556701,7275556702" })).toMatchObject({ ok: true });
      const copy = await latest("did.copy", "7275550100");
      const preview = await undo.previewDidUndoAction(undefined, { entryId: copy.id });
      expect(preview).toMatchObject({ ok: true, data: { confirmText: "7275550100", steps: [{ op: "delete", key: "7275556701" }, { op: "delete", key: "7275556702" }] } });
      expect(await undo.undoDidChangeAction(undefined, { entryId: copy.id, confirm: "7275550100" })).toMatchObject({ ok: true });
      expect(simDid("7275556701")).toBeUndefined();
      expect(simDid("7275556702")).toBeUndefined();
      expect(simDid("7275550100")).toBeDefined();
      const perDid = await latest("did.copy", "7275556701");
      expect(await latest("did.undo", "7275556701")).toMatchObject({ undoOf: perDid.id, outcome: "success" });
      expect(await latest("did.undo", "7275550100")).toMatchObject({ undoOf: copy.id });
    });
  });

  describe("phones and aliases", () => {
    beforeEach(() => {
      session.user = IT;
    });

    it("undoes a phone change, an add (delete) and a delete (re-created with new passwords shown once)", async () => {
      expect(await phoneActions.addPhoneAction(undefined, PHONE)).toMatchObject({ ok: true });
      await phoneActions.updatePhoneAction(undefined, { serverIp: PHONE.serverIp, extension: PHONE.extension, outboundCid: "7275559999" });
      const update = await latest("phone.update");
      expect(await undo.undoPhoneChangeAction(undefined, { entryId: update.id })).toMatchObject({ ok: true });
      expect(simPhone("8801")).toMatchObject({ outbound_cid: "7275558801" });

      await phoneActions.deletePhoneAction(undefined, { serverIp: PHONE.serverIp, extension: PHONE.extension });
      const deleted = await latest("phone.delete");
      const recreated = await undo.undoPhoneChangeAction(undefined, { entryId: deleted.id });
      expect(recreated).toMatchObject({ ok: true, data: { passwords: [{ key: "10.10.10.15/8801" }] } });
      const password = recreated.ok ? recreated.data.passwords[0]!.phonePass : "";
      expect(password).not.toBe(PHONE.phonePass);
      expect(simPhone("8801")).toMatchObject({ login: "undo8801", pass: password, fullname: "Undo Test Phone", outbound_cid: "7275558801" });
      expect(JSON.stringify(await latest("phone.undo"))).not.toContain(password);

      const add = await latest("phone.add");
      expect(await undo.undoPhoneChangeAction(undefined, { entryId: add.id, confirm: "8801" })).toMatchObject({ ok: true });
      expect(simPhone("8801")).toBeUndefined();
    });

    it("undoes an alias change", async () => {
      await aliasActions.updateAliasAction(undefined, { aliasId: "SEEDALIAS", aliasName: "Renamed alias" });
      const update = await latest("alias.update", "SEEDALIAS");
      expect(await undo.undoAliasChangeAction(undefined, { entryId: update.id })).toMatchObject({ ok: true });
      expect(sim.state.phoneAliases.find((a) => a.alias_id === "SEEDALIAS")).toMatchObject({ alias_name: "Seed alias" });
      expect(await latest("alias.undo", "SEEDALIAS")).toMatchObject({ undoOf: update.id });
    });

    it("refuses roles that may not make the change, before anything is sent", async () => {
      await phoneActions.updatePhoneAction(undefined, { serverIp: "10.10.10.15", extension: "1001", phoneFullName: "Renamed" });
      const update = await latest("phone.update");
      const sent = sim.state.apiLog.length;
      session.user = SUPERVISOR;
      expect(await undo.undoPhoneChangeAction(undefined, { entryId: update.id })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      session.user = QA;
      expect(await undo.undoDidChangeAction(undefined, { entryId: update.id })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      // The DID undo does not take a phone's entry, whoever asks.
      session.user = { ...SUPERVISOR, role: "admin" };
      expect(await undo.undoDidChangeAction(undefined, { entryId: update.id })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(sim.state.apiLog.length).toBe(sent);
    });
  });

  describe("CID entries", () => {
    it("undoes an add (deletes the entry), a change and a delete (re-adds it)", async () => {
      await cidActions.addCidEntryAction(undefined, { groupId: "US_SALES", areacode: "727", outboundCid: "7275554444", description: "Added by mistake", active: true });
      const add = await latest("cid.add");
      expect(await undo.undoCidChangeAction(undefined, { entryId: add.id, confirm: "7275554444" })).toMatchObject({ ok: true });
      expect(simCid("7275554444")).toBeUndefined();
      expect(simCid("7275551001")).toBeDefined();

      await cidActions.updateCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "727", outboundCid: "7275551001", active: false, description: "Switched off" });
      const update = await latest("cid.update");
      expect(await undo.undoCidChangeAction(undefined, { entryId: update.id })).toMatchObject({ ok: true });
      expect(simCid("7275551001")).toMatchObject({ active: "Y", cid_description: "Tampa main" });

      await cidActions.deleteCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "813" });
      const deleted = await latest("cid.delete");
      expect(await undo.undoCidChangeAction(undefined, { entryId: deleted.id })).toMatchObject({ ok: true });
      expect(simCid("8135552001")).toMatchObject({ active: "Y", cid_description: "Tampa 813" });
      expect(await latest("cid.undo")).toMatchObject({ undoOf: deleted.id, target: "US_SALES" });
    });

    it("with only-unchanged, leaves an entry changed since as it is", async () => {
      await cidActions.updateCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "727", outboundCid: "---ALL---", active: false });
      const update = await latest("cid.update");
      // 7275551002 was inactive already: only 7275551001 changed. Someone renames it meanwhile.
      await cidActions.updateCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "727", outboundCid: "7275551001", active: true });
      const preview = await undo.previewCidUndoAction(undefined, { entryId: update.id });
      expect(preview).toMatchObject({ ok: true, data: { conflicts: true } });
      expect(await undo.undoCidChangeAction(undefined, { entryId: update.id, choice: "unchanged" })).toMatchObject({ ok: false, error: { kind: "conflict", message: expect.stringContaining("Nothing was undone") } });
      expect(await undo.undoCidChangeAction(undefined, { entryId: update.id, choice: "anyway" })).toMatchObject({ ok: true });
      expect(simCid("7275551001")).toMatchObject({ active: "Y" });
    });
  });
});
