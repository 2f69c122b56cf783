// The sync in demo mode: the simulator's database reads over HTTP, changed through its real API
// (as another tool would) and by direct table writes (as a database script would).
import { asc, eq, gt, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulatorReader } from "@/lib/cluster/simulator-reader";
import type { ClusterReader } from "@/lib/cluster/types";
import { createUser } from "@/lib/auth/users";
import { vicidialSource } from "@/lib/auth/source";
import { auditLog, dids } from "@/lib/db/schema";
import { SIMULATOR_DEMO_CREDENTIALS, startSimulator, type RunningSimulator } from "@/lib/simulator";
import { simulatorTables } from "@/lib/simulator/testing/tables";
import { auditMark, testBackends, useTestDatabase } from "@/lib/testing/db";
import { followAdminLog } from "./admin-log";
import { runFullPass } from "./full-pass";
import { syncState } from "./state";

describe.each(testBackends())("cluster sync on %s with the simulator over HTTP", (backend) => {
  const db = useTestDatabase(backend);
  let sim: RunningSimulator;
  let reader: ClusterReader;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, control: true });
    reader = createSimulatorReader(sim.url, { timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await reader.close();
    await sim.close();
  });

  it("imports the simulator's records, then shows an API change made elsewhere within one admin-log read, with its user and source", async () => {
    const first = await runFullPass(db(), reader);
    expect(first).toMatchObject({ ok: true, firstImport: true });
    const listed = await db().select().from(dids).orderBy(asc(dids.didId));
    expect(listed.length).toBe(first.counts.dids);
    expect(listed.length).toBeGreaterThan(0);
    const target = listed[0]!;

    const mark = await auditMark(db());
    const params = new URLSearchParams({
      function: "update_did",
      user: SIMULATOR_DEMO_CREDENTIALS.user,
      pass: SIMULATOR_DEMO_CREDENTIALS.pass,
      source: "crmtool",
      did_pattern: target.didPattern,
      did_description: "Changed by the CRM",
    });
    const answer = await (await fetch(`${sim.url}?${params}`)).text();
    expect(answer).toMatch(/^SUCCESS/);
    await simulatorTables(sim.url).insert("vicidial_inbound_dids", [{ did_pattern: "8005550177", did_description: "From a script" }]);

    const result = await followAdminLog(db(), reader, { cursor: (await syncState(db())).adminLogCursor });
    expect(result.entries).toBeGreaterThan(0);
    const [changed] = await db().select().from(dids).where(eq(dids.didPattern, target.didPattern));
    expect(changed).toMatchObject({ description: "Changed by the CRM", updatedBy: "crmtool (VICIdial API)" });
    const entries = await db().select().from(auditLog).where(gt(auditLog.id, mark));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "did.changed_outside",
      target: target.didPattern,
      actorUsername: "outside the dashboard",
      params: { vicidialUser: SIMULATOR_DEMO_CREDENTIALS.user, via: "api", source: "crmtool" },
      after: { description: "Changed by the CRM" },
    });

    // The script's DID wrote no admin log: the next full pass finds it.
    expect(await db().select().from(dids).where(eq(dids.didPattern, "8005550177"))).toEqual([]);
    expect(await runFullPass(db(), reader)).toMatchObject({ ok: true, appeared: 1, changed: 0, removed: 0 });
    const [appeared] = await db().select().from(auditLog).where(eq(auditLog.target, "8005550177"));
    expect(appeared).toMatchObject({ action: "did.appeared", params: { vicidialUser: null } });
    // Two full passes over the demo seed (a few hundred records) over HTTP.
  }, 60_000);

  it("writes a change the dashboard itself made, read before its own bookkeeping, without an outside entry", async () => {
    process.env.VICIDIAL_API_USER = SIMULATOR_DEMO_CREDENTIALS.user;
    await runFullPass(db(), reader);
    const made = await createUser({ username: "jobs.owner", displayName: "Jobs Owner", role: "supervisor", password: "Jobs owner pass 1" });
    if (!made.ok) throw new Error(made.error.message);
    const mark = await auditMark(db());
    // What a bulk job sends: the dashboard's API user, the job owner as source; its list row not written yet.
    const params = new URLSearchParams({
      function: "add_did",
      user: SIMULATOR_DEMO_CREDENTIALS.user,
      pass: SIMULATOR_DEMO_CREDENTIALS.pass,
      source: vicidialSource("jobs.owner"),
      did_pattern: "8005550188",
      did_description: "Added by a job",
    });
    expect(await (await fetch(`${sim.url}?${params}`)).text()).toMatch(/^SUCCESS/);

    await followAdminLog(db(), reader, { cursor: (await syncState(db())).adminLogCursor });
    const [listed] = await db().select().from(dids).where(eq(dids.didPattern, "8005550188"));
    expect(listed).toMatchObject({ description: "Added by a job", updatedBy: "jobsowner" });
    expect(await db().select().from(auditLog).where(gt(auditLog.id, mark))).toEqual([]);
  }, 60_000);

  it("credits the dashboard with its own adds and copies only, not a DID a script wrote in the meantime", async () => {
    process.env.VICIDIAL_API_USER = SIMULATOR_DEMO_CREDENTIALS.user;
    await runFullPass(db(), reader);
    const made = await createUser({ username: "copy.owner", displayName: "Copy Owner", role: "supervisor", password: "Copy owner pass 1" });
    if (!made.ok) throw new Error(made.error.message);
    const send = async (fields: Record<string, string>) => {
      const params = new URLSearchParams({ user: SIMULATOR_DEMO_CREDENTIALS.user, pass: SIMULATOR_DEMO_CREDENTIALS.pass, source: vicidialSource("copy.owner"), ...fields });
      expect(await (await fetch(`${sim.url}?${params}`)).text()).toMatch(/^(SUCCESS|NOTICE)/);
    };
    // A script writes a DID with a different route just before the dashboard adds and copies (its did_id lies below theirs)…
    await simulatorTables(sim.url).insert("vicidial_inbound_dids", [{ did_pattern: "8005550199", did_description: "Script before", did_route: "EXTEN" }]);
    await send({ function: "add_did", did_pattern: "8005550166", did_description: "Added by the dashboard", did_route: "IN_GROUP" });
    await send({ function: "copy_did", source_did_pattern: "8005550166", new_dids: "8005550167,8005550168" });
    // …and another just after, alike to the copies but above the copy's last did_id.
    await simulatorTables(sim.url).insert("vicidial_inbound_dids", [{ did_pattern: "8005550198", did_description: "Added by the dashboard", did_route: "IN_GROUP" }]);
    const mark = await auditMark(db());

    await followAdminLog(db(), reader, { cursor: (await syncState(db())).adminLogCursor });
    const ours = await db().select().from(dids).where(inArray(dids.didPattern, ["8005550166", "8005550167", "8005550168", "8005550198", "8005550199"])).orderBy(asc(dids.didPattern));
    expect(ours.map((row) => [row.didPattern, row.origin])).toEqual([
      ["8005550166", "dashboard"],
      ["8005550167", "dashboard"],
      ["8005550168", "dashboard"],
    ]);
    expect(await db().select().from(auditLog).where(gt(auditLog.id, mark))).toEqual([]);

    // The scripts' DIDs wrote no admin log: the next full pass finds them, as added outside the dashboard.
    expect(await runFullPass(db(), reader)).toMatchObject({ ok: true, appeared: 2 });
    const appeared = await db().select().from(auditLog).where(gt(auditLog.id, mark)).orderBy(asc(auditLog.target));
    expect(appeared.map((entry) => [entry.action, entry.target, entry.actorUsername])).toEqual([
      ["did.appeared", "8005550198", "outside the dashboard"],
      ["did.appeared", "8005550199", "outside the dashboard"],
    ]);
  }, 60_000);
});
