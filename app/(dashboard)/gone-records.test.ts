// Issue 13, "a record deleted outside the dashboard stays in its list for good": a DID, phone,
// alias or CID group deleted in VICIdial by someone else answers DOES NOT EXIST to the next edit
// or delete. The dashboard then says so, takes it off the list and audits why; with VICIdial's
// database readable it first checks the record is really gone (and not merely hidden from the
// API user). Real actions, a real simulator over HTTP, a real database.
import { and, eq, gt } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { auditLog, cidGroups, dids, phoneAliases, phones } from "@/lib/db/schema";
import { seedDemoInventory } from "@/lib/demo/seed-inventory";
import { getAlias } from "@/lib/aliases/inventory";
import { getCidGroup } from "@/lib/cid-groups/inventory";
import { getDid } from "@/lib/dids/inventory";
import { getPhone } from "@/lib/phones/inventory";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { simulatorTables, type SimulatorTables } from "@/lib/simulator/testing/tables";
import { auditMark, testBackends, useTestDatabase } from "@/lib/testing/db";
import { undoableAction } from "@/lib/undo/undoable";
import { configureVicidial } from "@/lib/vicidial/default-client";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { updateDidAction, deleteDidAction } = await import("./dids/actions");
const { updatePhoneAction, deletePhoneAction } = await import("./phones/actions");
const { updateAliasAction, deleteAliasAction } = await import("./aliases/actions");
const { updateCidEntriesAction, deleteCidEntriesAction } = await import("./cid-groups/actions");
const { undoDidChangeAction } = await import("./audit/actions");

const ADMIN: CurrentUser = { id: 1, username: "admin.ada", displayName: "Ada", role: "admin", mustChangePassword: false };
const SERVER = "10.10.10.15";

describe.each(testBackends())("records deleted outside the dashboard, on %s", (backend) => {
  const db = useTestDatabase(backend);
  let sim: RunningSimulator;
  let tables: SimulatorTables;
  let mark = 0;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, control: true });
    tables = simulatorTables(sim.url);
    configureVicidial(() => ({ url: sim.url, user: "6666", pass: "1234", timeoutMs: 3000 }));
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    sim.reset();
    session.user = ADMIN;
    for (const table of [dids, phones, phoneAliases, cidGroups]) await db().delete(table);
    await seedDemoInventory(db());
    mark = await auditMark(db());
  });
  afterEach(() => {
    delete process.env.VICIDIAL_SIMULATED;
    delete process.env.VICIDIAL_URL;
  });

  /** Database access the way demo mode has it: the simulator's own tables. */
  const withDatabaseAccess = () => {
    process.env.VICIDIAL_SIMULATED = "1";
    process.env.VICIDIAL_URL = sim.url;
  };
  const auditRows = (action: string) =>
    db()
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, mark), eq(auditLog.action, action)));

  describe.each([
    ["without database access", () => {}],
    ["with database access", withDatabaseAccess],
  ])("%s", (_label, setUp) => {
    beforeEach(() => setUp());

    it("an edited DID that VICIdial no longer has leaves the list, with an audit entry and plain words", async () => {
      await tables.delete("vicidial_inbound_dids", { did_pattern: "3125550000" });
      const result = await updateDidAction(undefined, { didPattern: "3125550000", description: "Too late now" });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: "NOT_FOUND",
          removedFromList: true,
          message: "DID 3125550000 no longer exists in VICIdial (it was deleted outside the dashboard), so it was removed from the list.",
          raw: "ERROR: update_did DID DOES NOT EXIST: |6666|3125550000",
        },
      });
      expect(await getDid("3125550000")).toBeUndefined();
      const [gone] = await auditRows("did.gone");
      expect(gone).toMatchObject({ target: "3125550000", outcome: "success", actorUsername: "admin.ada", actorId: 1, actorRole: "admin", after: null });
      expect(gone?.before).toMatchObject({ didPattern: "3125550000", description: "Seed DID for updates" });
      // Taking a gone record off the list changes nothing in VICIdial: there is nothing to undo.
      expect(undoableAction(gone!)).toBeNull();
      // The failed update is audited as well, with VICIdial's line.
      expect(await auditRows("did.update")).toMatchObject([{ outcome: "failed" }]);
    });

    it("a deleted DID that VICIdial no longer has leaves the list too", async () => {
      await fetch(`${sim.url}?${new URLSearchParams({ source: "elsewhere", user: "6666", pass: "1234", function: "update_did", did_pattern: "7275550100", delete_did: "Y" })}`);
      const result = await deleteDidAction(undefined, { didPattern: "7275550100" });
      expect(result).toMatchObject({ ok: false, error: { removedFromList: true } });
      expect(await getDid("7275550100")).toBeUndefined();
      expect(await auditRows("did.gone")).toHaveLength(1);
    });

    it("a phone and an alias that VICIdial no longer has leave their lists", async () => {
      await tables.delete("phones", { extension: "1002", server_ip: SERVER });
      const phone = await updatePhoneAction(undefined, { extension: "1002", serverIp: SERVER, phoneFullName: "Renamed" });
      expect(phone).toMatchObject({
        ok: false,
        error: { removedFromList: true, message: `Phone 1002 on ${SERVER} no longer exists in VICIdial (it was deleted outside the dashboard), so it was removed from the list.` },
      });
      expect(await getPhone({ extension: "1002", serverIp: SERVER })).toBeNull();
      expect(await auditRows("phone.gone")).toMatchObject([{ outcome: "success", after: null }]);

      await tables.delete("phones_alias", { alias_id: "SEEDALIAS" });
      const alias = await updateAliasAction(undefined, { aliasId: "SEEDALIAS", aliasName: "Renamed alias" });
      expect(alias).toMatchObject({ ok: false, error: { removedFromList: true, message: expect.stringMatching(/^Phone alias SEEDALIAS no longer exists in VICIdial/) } });
      expect(await getAlias("SEEDALIAS")).toBeNull();
      expect(await auditRows("alias.gone")).toMatchObject([{ target: "SEEDALIAS" }]);
    });

    it("a deleted phone and alias VICIdial no longer has leave their lists on delete as well", async () => {
      await tables.delete("phones", { extension: "1001", server_ip: SERVER });
      expect(await deletePhoneAction(undefined, { extension: "1001", serverIp: SERVER })).toMatchObject({ ok: false, error: { removedFromList: true } });
      expect(await getPhone({ extension: "1001", serverIp: SERVER })).toBeNull();
      await tables.delete("phones_alias", { alias_id: "SEEDALIAS" });
      expect(await deleteAliasAction(undefined, { aliasId: "SEEDALIAS" })).toMatchObject({ ok: false, error: { removedFromList: true } });
      expect(await getAlias("SEEDALIAS")).toBeNull();
    });

    it("a CID group VICIdial no longer has leaves the list; a vanished entry is reported as gone", async () => {
      await tables.delete("vicidial_campaign_cid_areacodes", { campaign_id: "US_SALES", outbound_cid: "7275551002" });
      const entry = await updateCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "727", outboundCid: "7275551002", active: true });
      expect(entry).toMatchObject({
        ok: false,
        error: { code: "NO_ENTRIES", message: "7275551002 (area code 727) no longer exists in VICIdial (it was deleted outside the dashboard); the entries shown are VICIdial's as they are now." },
      });
      expect(await getCidGroup("US_SALES")).not.toBeNull();

      await tables.delete("vicidial_cid_groups", { cid_group_id: "EMPTY_GRP" });
      const group = await deleteCidEntriesAction(undefined, { groupId: "EMPTY_GRP", areacode: "727" });
      expect(group).toMatchObject({ ok: false, error: { code: "NOT_FOUND", removedFromList: true, message: expect.stringMatching(/^CID group EMPTY_GRP no longer exists in VICIdial/) } });
      expect(await getCidGroup("EMPTY_GRP")).toBeNull();
      expect(await auditRows("cid.group_gone")).toMatchObject([{ target: "EMPTY_GRP", before: { id: "EMPTY_GRP" } }]);
    });

    it("a record the list does not hold gets VICIdial's ordinary answer, and nothing is audited as gone", async () => {
      const result = await updateDidAction(undefined, { didPattern: "9995550000", description: "Never existed" });
      expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND", message: "This DID does not exist in VICIdial, or the API user may not see it" } });
      expect(result.ok || result.error.removedFromList).toBeFalsy();
      expect(await auditRows("did.gone")).toEqual([]);
    });
  });

  it("undo shares the commands: undoing an add whose DID was deleted elsewhere takes it off the list and says so", async () => {
    const { addDidAction } = await import("./dids/actions");
    expect(await addDidAction(undefined, { didPattern: "7275556699", description: "Added, then deleted elsewhere", didRoute: "EXTEN", extension: "8300" })).toMatchObject({ ok: true });
    const [added] = await auditRows("did.add");
    await tables.delete("vicidial_inbound_dids", { did_pattern: "7275556699" });
    const undone = await undoDidChangeAction(undefined, { entryId: added!.id, confirm: "7275556699" });
    expect(JSON.stringify(undone)).toContain("DID 7275556699 no longer exists in VICIdial (it was deleted outside the dashboard), so it was removed from the list.");
    expect(await getDid("7275556699")).toBeUndefined();
    expect(await auditRows("did.gone")).toMatchObject([{ target: "7275556699", actorUsername: "admin.ada" }]);
  });

  it("with database access, a DID the API user merely cannot see stays listed, and the user is told why", async () => {
    withDatabaseAccess();
    // admin.php moves the DID into a user group the API user's group may not view (contract 1.5).
    await tables.insert("vicidial_user_groups", [{ user_group: "NARROW", admin_viewable_groups: " NARROW -" }]);
    await tables.update("vicidial_users", { user: "6666" }, { user_group: "NARROW" });
    await tables.update("vicidial_inbound_dids", { did_pattern: "3125550000" }, { user_group: "HIDDEN" });
    const result = await updateDidAction(undefined, { didPattern: "3125550000", description: "Hidden from the API" });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND", message: expect.stringMatching(/still holds it: the API user is probably not allowed to see it .* It stays on the list\.$/) } });
    expect(result.ok || result.error.removedFromList).toBeFalsy();
    expect(await getDid("3125550000")).toMatchObject({ description: "Seed DID for updates" });
    expect(await auditRows("did.gone")).toEqual([]);
  });
});
