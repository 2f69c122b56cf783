import { and, eq, gt } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { auditLog, cidGroups } from "@/lib/db/schema";
import { getCidGroup, upsertCidGroup } from "@/lib/cid-groups/inventory";
import { SIMULATOR_DEMO_CREDENTIALS, startSimulator, type RunningSimulator } from "@/lib/simulator";
import { auditMark, testBackends, useTestDatabase } from "@/lib/testing/db";
import { configureVicidial } from "@/lib/vicidial/default-client";
import { GET } from "@/app/api/cid-groups/[id]/route";
import {
  addCidEntryAction,
  addCidGroupAction,
  deleteCidEntriesAction,
  removeCidGroupAction,
  updateCidEntriesAction,
} from "./actions";
import { testSession } from "@/lib/testing/session";

/** Only the session lookup is replaced: everything else is the real action against a real simulator. */
const session = testSession();

const supervisor: CurrentUser = { id: 7, username: "sup.anna", displayName: "Anna", role: "supervisor", mustChangePassword: false };
const provisioning: CurrentUser = { id: 8, username: "it.bob", displayName: "Bob", role: "provisioning", mustChangePassword: false };

describe.each(testBackends())("CID group actions against the simulator, on %s", (backend) => {
  const db = useTestDatabase(backend);
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    configureVicidial(() => ({ url: sim.url, ...SIMULATOR_DEMO_CREDENTIALS, timeoutMs: 2_000 }));
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    sim.reset();
    sim.setFaults({});
    session.user = supervisor;
    await db().delete(cidGroups);
    mark = await auditMark(db());
  });

  /** The group's rows in VICIdial's table, as VICIdial stores them (inactive = ""). */
  const stored = (group = "US_SALES") =>
    sim.state.cidGroupEntries
      .filter((row) => row.campaign_id === group)
      .map((row) => `${row.areacode}|${row.outbound_cid}|${row.active}|${row.cid_description}`);

  let mark = 0;
  const auditOf = async (action: string) => db().select().from(auditLog).where(and(gt(auditLog.id, mark), eq(auditLog.action, action)));

  const getEntries = async (id: string) => {
    const response = await GET(new Request(`http://dashboard/api/cid-groups/${id}`), { params: Promise.resolve({ id }) });
    return { status: response.status, body: await response.json() };
  };

  describe("reading a group live", () => {
    it("returns the seeded entries, with VICIdial's blank active flag as inactive", async () => {
      const { status, body } = await getEntries("US_SALES");
      expect(status).toBe(200);
      expect(body.entries).toEqual([
        { areacode: "727", outboundCid: "7275551001", active: true, description: "Tampa main", callCountToday: 3 },
        { areacode: "727", outboundCid: "7275551002", active: false, description: "Tampa backup", callCountToday: 0 },
        { areacode: "813", outboundCid: "8135552001", active: true, description: "Tampa 813", callCountToday: 12 },
      ]);
    });

    it("treats EMPTY_GRP's 'no entries' as an empty list, and an unknown group as not found", async () => {
      expect(await getEntries("EMPTY_GRP")).toMatchObject({ status: 200, body: { entries: [] } });
      const unknown = await getEntries("NOSUCHGROUP");
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ error: expect.any(String), code: "NOT_FOUND", raw: expect.stringContaining("CID GROUP DOES NOT EXIST") });
    });

    it("refreshes the entry count of a listed group on every read", async () => {
      await upsertCidGroup({ id: "US_SALES", entryCount: 99, updatedBy: "seed" });
      await getEntries("US_SALES");
      expect(await getCidGroup("US_SALES")).toMatchObject({ entryCount: 3 });
    });

    it("refuses a role without cid.view before asking VICIdial", async () => {
      session.user = provisioning;
      const before = sim.requestCount();
      expect((await getEntries("US_SALES")).status).toBe(403);
      expect(sim.requestCount()).toBe(before);
    });

    it("says VICIdial could not be reached instead of waiting forever", async () => {
      sim.setFaults({ reset: true });
      const { status, body } = await getEntries("US_SALES");
      expect(status).toBe(503);
      expect(body).toMatchObject({ error: expect.stringContaining("VICIdial"), kind: "unavailable" });
    });
  });

  describe("the dashboard's list of groups", () => {
    it("adds a group after INFO found it, an empty group included, and audits it", async () => {
      const result = await addCidGroupAction(undefined, { groupId: "EMPTY_GRP" });
      expect(result).toMatchObject({ ok: true, data: { id: "EMPTY_GRP", entryCount: 0 } });
      expect(await getCidGroup("EMPTY_GRP")).toMatchObject({ entryCount: 0, updatedBy: "sup.anna" });
      const [entry] = await auditOf("cid.group_add");
      expect(entry).toMatchObject({ resource: "cid", target: "EMPTY_GRP", outcome: "success", actorUsername: "sup.anna", after: { id: "EMPTY_GRP", entryCount: 0 } });
    });

    it("refuses a group VICIdial does not have, on the field, and keeps it off the list", async () => {
      const result = await addCidGroupAction(undefined, { groupId: "NOSUCHGROUP" });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.fieldErrors?.groupId?.[0]).toMatch(/VICIdial has no CID group or campaign with this ID/);
      expect(result.error.raw).toContain("CID GROUP DOES NOT EXIST");
      expect(await getCidGroup("NOSUCHGROUP")).toBeNull();
      expect(await auditOf("cid.group_add")).toMatchObject([{ outcome: "failed", target: "NOSUCHGROUP" }]);
    });

    it("accepts a campaign id, whose own areacode list VICIdial manages the same way", async () => {
      expect(await addCidGroupAction(undefined, { groupId: "TESTCAMP" })).toMatchObject({ ok: true, data: { entryCount: 0 } });
    });

    it("removes a group from the list without sending anything to VICIdial", async () => {
      await upsertCidGroup({ id: "US_SALES", entryCount: 3, updatedBy: "seed" });
      const sent = sim.requestCount();
      expect(await removeCidGroupAction(undefined, { groupId: "US_SALES" })).toMatchObject({ ok: true });
      expect(sim.requestCount()).toBe(sent);
      expect(await getCidGroup("US_SALES")).toBeNull();
      expect(stored()).toHaveLength(3);
      expect(await auditOf("cid.group_remove")).toMatchObject([{ outcome: "success", before: { id: "US_SALES", entryCount: 3 } }]);
    });
  });

  describe("changing entries", () => {
    it("adds an entry, and audits the area code's rows before and after", async () => {
      const result = await addCidEntryAction(undefined, { groupId: "US_SALES", areacode: "312", outboundCid: "3125551212", description: "Chicago main", active: true });
      expect(result).toMatchObject({ ok: true, message: "Added 3125551212 to area code 312" });
      expect(stored()).toContain("312|3125551212|Y|Chicago main");
      const [entry] = await auditOf("cid.add");
      expect(entry).toMatchObject({
        target: "US_SALES",
        outcome: "success",
        before: [],
        after: [{ areacode: "312", outboundCid: "3125551212", active: true, description: "Chicago main", callCountToday: 0 }],
        raw: expect.stringContaining("CID GROUP ENTRY HAS BEEN ADDED"),
      });
    });

    it("reports a 500 after VICIdial's SUCCESS plainly, and that reading the group back found the entry", async () => {
      sim.setFaults({ http500AfterAnswer: true, when: { stage: "ADD" } });
      const result = await addCidEntryAction(undefined, { groupId: "US_SALES", areacode: "312", outboundCid: "3125551212", description: "Chicago main", active: true });
      expect(result).toMatchObject({ ok: false, error: { code: "HTTP_ERROR", reconciled: { state: "done" } } });
      if (!result.ok) {
        expect(result.error.message).toBe(
          "VICIdial answered that it succeeded, then failed with HTTP 500, so the answer cannot be trusted. Checked afterwards: the group holds the new entry, so the change was made.",
        );
      }
      expect(stored()).toContain("312|3125551212|Y|Chicago main");
      expect(await auditOf("cid.add")).toMatchObject([{ outcome: "unknown" }]);
    });

    it("adds an inactive entry as VICIdial's blank flag", async () => {
      await addCidEntryAction(undefined, { groupId: "US_SALES", areacode: "FL", outboundCid: "8135550000", description: "", active: false });
      expect(stored()).toContain("FL|8135550000||");
    });

    it("reports a duplicate on the CID field as a conflict, with VICIdial's line", async () => {
      const input = { groupId: "US_SALES", areacode: "727", outboundCid: "7275551001", description: "Again", active: true };
      const result = await addCidEntryAction(undefined, input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatchObject({ kind: "conflict", code: "ENTRY_EXISTS", raw: expect.stringContaining("THIS CID GROUP ENTRY ALREADY EXISTS") });
      expect(result.error.fieldErrors?.outboundCid?.[0]).toBe("7275551001 is already an entry of area code 727 in this group");
      const [entry] = await auditOf("cid.add");
      expect(entry).toMatchObject({ outcome: "failed", before: [{ outboundCid: "7275551001" }, { outboundCid: "7275551002" }] });
    });

    it("refuses letters in a number on its field and sends nothing", async () => {
      const sent = sim.requestCount();
      const result = await addCidEntryAction(undefined, { groupId: "US_SALES", areacode: "312", outboundCid: "312-555-CALL", description: "", active: true });
      expect(result).toMatchObject({ ok: false, error: { kind: "validation" } });
      if (result.ok) return;
      expect(result.error.fieldErrors?.outboundCid?.[0]).toMatch(/only digits/);
      expect(sim.requestCount()).toBe(sent);
    });

    it("toggles one entry and keeps the entry's row before the change in the audit", async () => {
      const result = await updateCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "727", outboundCid: "7275551002", active: true });
      expect(result).toMatchObject({ ok: true, data: { changed: 1, matched: 1 }, message: "7275551002 is now active" });
      expect(stored()).toContain("727|7275551002|Y|Tampa backup");
      const [entry] = await auditOf("cid.update");
      expect(entry).toMatchObject({ before: [{ outboundCid: "7275551002", active: false }], after: [{ outboundCid: "7275551002", active: true }] });
    });

    it("deactivates every entry of an area code and says how many VICIdial changed", async () => {
      const result = await updateCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "727", outboundCid: "---ALL---", active: false });
      // 7275551002 was already inactive: VICIdial counts changed rows only.
      expect(result).toMatchObject({ ok: true, data: { changed: 1, matched: 2 }, message: "Deactivated area code 727: VICIdial changed 1 of 2 entries" });
      expect(stored()).toEqual(["727|7275551001||Tampa main", "727|7275551002||Tampa backup", "813|8135552001|Y|Tampa 813"]);
      const [entry] = await auditOf("cid.update");
      expect((entry?.before as unknown[]).length).toBe(2);
    });

    it("replaces a description", async () => {
      const result = await updateCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "813", outboundCid: "8135552001", description: "Tampa north" });
      expect(result).toMatchObject({ ok: true, message: "Saved the description of 8135552001" });
      expect(stored()).toContain("813|8135552001|Y|Tampa north");
    });

    it("deletes one entry", async () => {
      const result = await deleteCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "727", outboundCid: "7275551001" });
      expect(result).toMatchObject({ ok: true, data: { deleted: 1 } });
      expect(stored()).toEqual(["727|7275551002||Tampa backup", "813|8135552001|Y|Tampa 813"]);
    });

    it("deletes every entry of an area code, with those rows in the audit", async () => {
      const result = await deleteCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "727" });
      expect(result).toMatchObject({ ok: true, data: { deleted: 2 }, message: "Deleted 2 entries of area code 727" });
      expect(stored()).toEqual(["813|8135552001|Y|Tampa 813"]);
      const [entry] = await auditOf("cid.delete");
      expect(entry).toMatchObject({ outcome: "success", before: [{ outboundCid: "7275551001" }, { outboundCid: "7275551002" }], after: [] });
    });

    it("wipes the whole group only when the request carries the typed group id", async () => {
      const sent = sim.requestCount();
      for (const confirmGroupId of [undefined, "", "us_sales"]) {
        const refused = await deleteCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "---ALL---", confirmGroupId });
        expect(refused.ok).toBe(false);
        if (refused.ok) continue;
        expect(refused.error.kind).toBe("validation");
        expect(refused.error.fieldErrors?.confirmGroupId?.[0]).toBe("Type the group ID US_SALES to delete every entry of the group");
      }
      expect(sim.requestCount()).toBe(sent);
      expect(stored()).toHaveLength(3);

      const wiped = await deleteCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "---ALL---", confirmGroupId: "US_SALES" });
      expect(wiped).toMatchObject({ ok: true, data: { deleted: 3 }, message: "Deleted all 3 entries of US_SALES" });
      expect(stored()).toEqual([]);
      expect(await getEntries("US_SALES")).toMatchObject({ status: 200, body: { entries: [] } });
    });

    it("reports an entry that is already gone in VICIdial's words", async () => {
      const result = await deleteCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "727", outboundCid: "7270000000" });
      expect(result).toMatchObject({ ok: false, error: { kind: "vicidial", code: "NO_ENTRIES", raw: expect.stringContaining("THIS CID GROUP HAS NO ENTRIES") } });
    });

    it("refuses a provisioning user before anything is sent, and audits the refusal", async () => {
      session.user = provisioning;
      const sent = sim.requestCount();
      const result = await deleteCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "727" });
      expect(result).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(sim.requestCount()).toBe(sent);
      expect(stored()).toHaveLength(3);
      expect(await db().select().from(auditLog).where(and(gt(auditLog.id, mark), eq(auditLog.action, "cid.delete"), eq(auditLog.outcome, "failed")))).toHaveLength(1);
    });

    it("changes nothing and says so when VICIdial cannot be reached", async () => {
      sim.setFaults({ reset: true });
      const result = await updateCidEntriesAction(undefined, { groupId: "US_SALES", areacode: "727", outboundCid: "---ALL---", active: false });
      expect(result).toMatchObject({ ok: false, error: { kind: "unavailable" } });
      sim.setFaults({});
      expect(stored()).toContain("727|7275551001|Y|Tampa main");
    });
  });
});
