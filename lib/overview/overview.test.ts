import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, cidGroups, dids, phones } from "@/lib/db/schema";
import { cidGroupsWithIdleEntries, idleEntries, recordCidEntryCount, upsertCidGroup } from "@/lib/cid-groups/inventory";
import { emptyAuditLogOfScratchDatabase, testBackends, useTestDatabase } from "@/lib/testing/db";
import { auditPerDay } from "./activity";
import { didsRoutedToInactivePhones, unknownTargetRoutes } from "./routing";
import { OVERVIEW_SECTIONS } from "./sections";

describe.each(testBackends())("overview figures on %s", (backend) => {
  const db = useTestDatabase(backend);

  beforeEach(async () => {
    await emptyAuditLogOfScratchDatabase(db());
    await db().delete(dids);
    await db().delete(phones);
    await db().delete(cidGroups);
  });

  const entry = (at: string, action: string, over: Partial<typeof auditLog.$inferInsert> = {}) => ({
    at: new Date(at),
    actorId: 1,
    actorUsername: "sup",
    actorRole: "supervisor",
    action,
    resource: action.split(".")[0]!,
    outcome: "success" as const,
    ...over,
  });

  it("counts successful changes per day of the reader's zone, every day present", async () => {
    await db().insert(auditLog).values([
      entry("2026-11-30T10:00:00Z", "did.update"),
      entry("2026-11-30T11:00:00Z", "did.add"),
      entry("2026-11-30T12:00:00Z", "cid.add"),
      entry("2026-11-30T12:30:00Z", "did.update", { outcome: "failed" }),
      // 03:00 UTC on the 30th is still the 29th in New York.
      entry("2026-11-30T03:00:00Z", "did.delete"),
      entry("2026-11-28T10:00:00Z", "phone.add", { actorId: 2 }),
      entry("2026-11-10T10:00:00Z", "did.add"),
    ]);
    const now = new Date("2026-11-30T18:00:00Z");
    const utc = await auditPerDay({ keys: ["did", "cid"] as const, by: "resource", days: 3, zone: "UTC", scope: { kind: "all" }, now });
    expect(utc).toEqual({ days: ["2026-11-28", "2026-11-29", "2026-11-30"], series: { did: [0, 0, 3], cid: [0, 0, 1] } });
    const ny = await auditPerDay({ keys: ["did", "cid"] as const, by: "resource", days: 3, zone: "America/New_York", scope: { kind: "all" }, now });
    expect(ny.series.did).toEqual([0, 1, 2]);
    const phonesAdded = await auditPerDay({ keys: ["phone.add"] as const, by: "action", days: 3, zone: "UTC", scope: { kind: "own", actorId: 1 }, now });
    expect(phonesAdded.series["phone.add"]).toEqual([0, 0, 0]);
    const allPhones = await auditPerDay({ keys: ["phone.add"] as const, by: "action", days: 3, zone: "UTC", scope: { kind: "all" }, now });
    expect(allPhones.series["phone.add"]).toEqual([1, 0, 0]);
  });

  it("finds DIDs ringing an inactive phone and counts the routes it cannot check", async () => {
    const phone = (extension: string, active: string) => ({ serverIp: "10.0.0.5", extension, login: extension, protocol: "SIP", active, updatedBy: "it" });
    await db().insert(phones).values([phone("1001", "N"), phone("1002", "Y")]);
    await db().insert(dids).values([
      { didPattern: "8005550001", route: "PHONE", phoneExtension: "1001", serverIp: "10.0.0.5", updatedBy: "sup" },
      { didPattern: "8005550002", route: "PHONE", phoneExtension: "1002", serverIp: "10.0.0.5", updatedBy: "sup" },
      { didPattern: "8005550003", route: "IN_GROUP", groupId: "SALES", updatedBy: "sup" },
      { didPattern: "8005550004", route: "IN_GROUP", groupId: "SUPPORT", updatedBy: "sup" },
      { didPattern: "8005550005", route: "CALLMENU", menuId: "MAIN", updatedBy: "sup" },
    ]);
    expect((await didsRoutedToInactivePhones()).map((d) => d.didPattern)).toEqual(["8005550001"]);
    expect(await unknownTargetRoutes()).toEqual([
      { route: "CALLMENU", n: 1 },
      { route: "IN_GROUP", n: 2 },
    ]);
  });

  it("keeps how many of a group's entries had no call today at its last read", async () => {
    const rows = [{ callCountToday: 0 }, { callCountToday: 5 }, { callCountToday: 0 }];
    expect(idleEntries(rows)).toBe(2);
    await upsertCidGroup({ id: "US_SALES", entryCount: 3, idleEntryCount: 2, updatedBy: "sup" });
    await upsertCidGroup({ id: "BUSY", entryCount: 2, idleEntryCount: 0, updatedBy: "sup" });
    await upsertCidGroup({ id: "UNREAD", entryCount: 1, updatedBy: "sup" });
    expect((await cidGroupsWithIdleEntries()).map((g) => [g.id, g.idleEntryCount])).toEqual([["US_SALES", 2]]);
    await recordCidEntryCount("US_SALES", 3, 0);
    expect(await cidGroupsWithIdleEntries()).toEqual([]);
  });

  it("gives each role its own overview, admins everything", () => {
    expect(OVERVIEW_SECTIONS.qa).not.toContain("connection");
    expect(OVERVIEW_SECTIONS.supervisor).not.toContain("connection");
    for (const role of ["supervisor", "provisioning", "qa"] as const) {
      for (const section of OVERVIEW_SECTIONS[role]) expect(OVERVIEW_SECTIONS.admin).toContain(section);
    }
  });
});
