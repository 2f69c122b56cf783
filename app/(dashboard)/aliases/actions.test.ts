import { and, asc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { auditLog, phoneAliases } from "@/lib/db/schema";
import { getAlias, upsertAlias } from "@/lib/aliases/inventory";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { auditMark, testBackends, useTestDatabase } from "@/lib/testing/db";
import { configureVicidial } from "@/lib/vicidial/default-client";
import { testSession } from "@/lib/testing/session";
import { addAliasAction, deleteAliasAction, updateAliasAction } from "./actions";

const session = testSession();

const IT: CurrentUser = { id: 7, username: "it.jane", displayName: "Jane (IT)", role: "provisioning", mustChangePassword: false };

describe.each(testBackends())("phone alias actions against the simulator on %s", (backend) => {
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
    await db().delete(phoneAliases);
    mark = await auditMark(db());
  });

  const simAlias = (id: string) => sim.state.phoneAliases.find((a) => a.alias_id === id);
  let mark = 0;
  const auditRows = (action: string) => db().select().from(auditLog).where(and(gt(auditLog.id, mark), eq(auditLog.action, action))).orderBy(asc(auditLog.id));

  it("adds an alias over seeded phones, keeping the logins' order", async () => {
    const result = await addAliasAction(undefined, { aliasId: "ALIAS100", aliasName: "Test Alias", phoneLogins: ["gs102", "1001"] });
    expect(result).toMatchObject({ ok: true, data: { aliasId: "ALIAS100" } });
    expect(simAlias("ALIAS100")).toMatchObject({ alias_name: "Test Alias", logins_list: "gs102,1001" });
    expect(await getAlias("ALIAS100")).toMatchObject({ aliasName: "Test Alias", phoneLogins: "gs102,1001", updatedBy: "it.jane" });
    const [entry] = await auditRows("alias.add");
    expect(entry).toMatchObject({ resource: "alias", target: "ALIAS100", outcome: "success", after: { phoneLogins: ["gs102", "1001"] } });
  });

  it("reports a login that does not exist in VICIdial by name, beside the logins", async () => {
    const result = await addAliasAction(undefined, { aliasId: "ALIAS101", aliasName: "Test Alias", phoneLogins: ["1001", "nosuch"] });
    expect(result).toMatchObject({ ok: false, error: { kind: "vicidial", message: "No phone in VICIdial has the login nosuch" } });
    if (!result.ok) {
      expect(result.error.fieldErrors?.phoneLogins).toEqual(["No phone in VICIdial has the login nosuch"]);
      expect(result.error.raw).toContain("PHONE DOES NOT EXIST");
    }
    expect(simAlias("ALIAS101")).toBeUndefined();
    expect(await getAlias("ALIAS101")).toBeNull();
  });

  it("refuses logins longer than 255 characters together without sending anything", async () => {
    const logins = Array.from({ length: 22 }, (_, i) => `login${String(i).padStart(6, "0")}`);
    const before = sim.requestCount();
    const result = await addAliasAction(undefined, { aliasId: "BIG", aliasName: "Too many", phoneLogins: logins });
    expect(result).toMatchObject({ ok: false, error: { kind: "validation" } });
    if (!result.ok) expect(result.error.fieldErrors?.phoneLogins?.[0]).toMatch(/263 characters.*only 255/);
    expect(sim.requestCount()).toBe(before);
  });

  it("reports an existing alias ID as a conflict", async () => {
    const result = await addAliasAction(undefined, { aliasId: "SEEDALIAS", aliasName: "Again", phoneLogins: ["1001"] });
    expect(result).toMatchObject({ ok: false, error: { kind: "conflict", code: "ALIAS_EXISTS" } });
  });

  it("updates the name and the logins, sending only what changed", async () => {
    await addAliasAction(undefined, { aliasId: "ALIAS100", aliasName: "Test Alias", phoneLogins: ["1001", "1002"] });
    let result = await updateAliasAction(undefined, { aliasId: "ALIAS100", phoneLogins: ["1002", "gs102"] });
    expect(result.ok).toBe(true);
    expect(simAlias("ALIAS100")).toMatchObject({ alias_name: "Test Alias", logins_list: "1002,gs102" });
    result = await updateAliasAction(undefined, { aliasId: "ALIAS100", aliasName: "Renamed Alias" });
    expect(result.ok).toBe(true);
    expect(simAlias("ALIAS100")).toMatchObject({ alias_name: "Renamed Alias", logins_list: "1002,gs102" });
    expect(await getAlias("ALIAS100")).toMatchObject({ aliasName: "Renamed Alias", phoneLogins: "1002,gs102" });
    const entries = await auditRows("alias.update");
    expect(entries.map((e) => e.outcome)).toEqual(["success", "success"]);
    expect(entries[0]?.before).toMatchObject({ phoneLogins: ["1001", "1002"] });
    expect(entries[0]?.after).toMatchObject({ phoneLogins: ["1002", "gs102"] });
  });

  it("names a missing login on update and leaves the alias as it was", async () => {
    await upsertAlias({ aliasId: "SEEDALIAS", aliasName: "Seed alias", phoneLogins: "gs102,1001", updatedBy: "seed" });
    const result = await updateAliasAction(undefined, { aliasId: "SEEDALIAS", phoneLogins: ["gs102", "ghost7"] });
    expect(result).toMatchObject({ ok: false, error: { message: "No phone in VICIdial has the login ghost7" } });
    expect(simAlias("SEEDALIAS")?.logins_list).toBe("gs102,1001");
    expect((await getAlias("SEEDALIAS"))?.phoneLogins).toBe("gs102,1001");
  });

  it("deletes an alias in VICIdial and from the list", async () => {
    await upsertAlias({ aliasId: "SEEDALIAS", aliasName: "Seed alias", phoneLogins: "gs102,1001", updatedBy: "seed" });
    const result = await deleteAliasAction(undefined, { aliasId: "SEEDALIAS" });
    expect(result.ok).toBe(true);
    expect(simAlias("SEEDALIAS")).toBeUndefined();
    expect(await getAlias("SEEDALIAS")).toBeNull();
    const [entry] = await auditRows("alias.delete");
    expect(entry).toMatchObject({ target: "SEEDALIAS", outcome: "success", before: { aliasName: "Seed alias" }, after: null });
  });

  it("keeps the alias when the API user may not delete (NOTICE from 6002)", async () => {
    await upsertAlias({ aliasId: "SEEDALIAS", aliasName: "Seed alias", phoneLogins: "gs102,1001", updatedBy: "seed" });
    apiUser = "6002";
    const result = await deleteAliasAction(undefined, { aliasId: "SEEDALIAS" });
    expect(result).toMatchObject({ ok: false, error: { kind: "vicidial", code: "DELETE_NOT_ALLOWED", message: expect.stringMatching(/may not delete phone aliases/) } });
    expect(simAlias("SEEDALIAS")).toBeDefined();
    expect(await getAlias("SEEDALIAS")).not.toBeNull();
  });
});
