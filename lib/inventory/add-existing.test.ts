import { and, asc, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { auditLog, dids, phoneAliases, phones } from "@/lib/db/schema";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { auditMark, testBackends, useTestDatabase } from "@/lib/testing/db";
import { configureVicidial } from "@/lib/vicidial/default-client";
import { testSession } from "@/lib/testing/session";
import { replaceExportForFile } from "@/lib/testing/replace-export";
import * as clusterReader from "@/lib/cluster/reader";
import { addExistingDidAction } from "@/app/(dashboard)/dids/actions";
import { addExistingPhoneAction } from "@/app/(dashboard)/phones/actions";
import { addExistingAliasAction } from "@/app/(dashboard)/aliases/actions";
import { getDid } from "../dids/inventory";
import { getPhone } from "../phones/inventory";
import { getAlias } from "../aliases/inventory";

const session = testSession();
// This dashboard has no cluster reads (no VICIDIAL_DB_URL, not the demo): the feature's setting.
const reads = { enabled: false };
replaceExportForFile(clusterReader, "clusterReadsEnabled", () => reads.enabled);

const ADMIN: CurrentUser = { id: 3, username: "admin.ann", displayName: "Ann", role: "admin", mustChangePassword: false };

describe.each(testBackends())("add an existing record to the list, against the simulator over HTTP, on %s", (backend) => {
  const db = useTestDatabase(backend);
  let sim: RunningSimulator;
  let mark = 0;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    configureVicidial(() => ({ url: sim.url, user: "6666", pass: "1234", timeoutMs: 3000 }));
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    sim.reset();
    reads.enabled = false;
    session.user = ADMIN;
    await db().delete(dids);
    await db().delete(phones);
    await db().delete(phoneAliases);
    mark = await auditMark(db());
  });

  const audit = (action: string) => db().select().from(auditLog).where(and(gt(auditLog.id, mark), eq(auditLog.action, action))).orderBy(asc(auditLog.id));
  /** VICIdial's records and its change log: asking must leave all of them as they were. */
  const vicidialData = () => JSON.stringify({ dids: sim.state.dids, phones: sim.state.phones, aliases: sim.state.phoneAliases, adminLog: sim.state.adminLog });

  it("lists a DID VICIdial has, with its settings unknown, after a request that changed nothing; audited", async () => {
    const before = vicidialData();
    const result = await addExistingDidAction(undefined, { didPattern: "7275550100" });
    expect(result).toMatchObject({ ok: true, data: { didPattern: "7275550100" } });
    expect(vicidialData()).toBe(before);
    expect(sim.state.apiLog.at(-1)).toMatchObject({ function: "update_did" });
    expect(await getDid("7275550100")).toMatchObject({ origin: "existing", settingsKnown: false, route: null, description: null, updatedBy: "admin.ann" });
    const [entry] = await audit("did.add_existing");
    expect(entry).toMatchObject({ actorUsername: "admin.ann", resource: "did", target: "7275550100", outcome: "success" });
  });

  it("says beside the field when VICIdial has no such DID, and lists nothing", async () => {
    const result = await addExistingDidAction(undefined, { didPattern: "7275559876" });
    expect(result).toMatchObject({ ok: false, error: { kind: "vicidial", message: "VICIdial has no DID 7275559876", fieldErrors: { didPattern: ["VICIdial has no DID 7275559876"] } } });
    expect(await getDid("7275559876")).toBeUndefined();
    expect(await audit("did.add_existing")).toMatchObject([{ outcome: "failed", target: "7275559876" }]);
  });

  it("refuses a record already in the list without asking VICIdial", async () => {
    expect((await addExistingDidAction(undefined, { didPattern: "7275550100" })).ok).toBe(true);
    const calls = sim.state.apiLog.length;
    const again = await addExistingDidAction(undefined, { didPattern: "7275550100" });
    expect(again).toMatchObject({ ok: false, error: { kind: "conflict", fieldErrors: { didPattern: ["DID 7275550100 is already in the list"] } } });
    expect(sim.state.apiLog.length).toBe(calls);
  });

  it("refuses bad input next to the field, sending nothing", async () => {
    const calls = sim.state.apiLog.length;
    const result = await addExistingDidAction(undefined, { didPattern: "" });
    expect(result).toMatchObject({ ok: false, error: { kind: "validation" } });
    if (!result.ok) expect(result.error.fieldErrors?.didPattern?.length).toBeGreaterThan(0);
    expect(sim.state.apiLog.length).toBe(calls);
  });

  it("lists a phone VICIdial has (the probe's impossible time zone is refused before anything is written) and refuses one it has not", async () => {
    const before = vicidialData();
    const result = await addExistingPhoneAction(undefined, { extension: "1001", serverIp: "10.10.10.15" });
    expect(result).toMatchObject({ ok: true });
    expect(vicidialData()).toBe(before);
    expect(await getPhone({ extension: "1001", serverIp: "10.10.10.15" })).toMatchObject({ origin: "existing", settingsKnown: false, fullName: null });

    const missing = await addExistingPhoneAction(undefined, { extension: "7777", serverIp: "10.10.10.15" });
    expect(missing).toMatchObject({ ok: false, error: { fieldErrors: { extension: ["VICIdial has no phone 7777 on server 10.10.10.15"] } } });
    const otherServer = await addExistingPhoneAction(undefined, { extension: "1001", serverIp: "10.10.10.99" });
    expect(otherServer).toMatchObject({ ok: false, error: { fieldErrors: { extension: ["VICIdial has no phone 1001 on server 10.10.10.99"] } } });
    expect(vicidialData()).toBe(before);
  });

  it("lists an alias VICIdial has and refuses one it has not", async () => {
    const before = vicidialData();
    expect(await addExistingAliasAction(undefined, { aliasId: "SEEDALIAS" })).toMatchObject({ ok: true });
    expect(vicidialData()).toBe(before);
    expect(await getAlias("SEEDALIAS")).toMatchObject({ origin: "existing", settingsKnown: false, aliasName: "" });
    expect(await addExistingAliasAction(undefined, { aliasId: "NOSUCHALIAS" })).toMatchObject({ ok: false, error: { fieldErrors: { aliasId: ["VICIdial has no phone alias NOSUCHALIAS"] } } });
  });

  it("is refused with cluster reads: the sync lists everything", async () => {
    reads.enabled = true;
    const result = await addExistingDidAction(undefined, { didPattern: "7275550100" });
    expect(result).toMatchObject({ ok: false, error: { kind: "conflict" } });
    expect(await getDid("7275550100")).toBeUndefined();
  });
});
