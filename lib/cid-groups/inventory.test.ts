import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { cidGroups } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { walkBothWays } from "@/lib/db/keyset-walk";
import { CID_GROUP_SORTS, getCidGroup, listCidGroups, recordCidEntryCount, removeCidGroup, upsertCidGroup } from "./inventory";

describe.each(testBackends())("CID group inventory on %s", (backend) => {
  const db = useTestDatabase(backend);

  beforeEach(async () => {
    await db().delete(cidGroups);
  });

  it("lists known groups with their last entry count, filtered, sorted and paged", async () => {
    await upsertCidGroup({ id: "US_SALES", entryCount: 3, updatedBy: "sup" });
    await upsertCidGroup({ id: "EMPTY_GRP", entryCount: 0, updatedBy: "sup" });
    await upsertCidGroup({ id: "TESTCAMP", entryCount: 7, updatedBy: "sup" });

    const all = await listCidGroups();
    expect(all.total).toEqual({ count: 3, exact: true });
    expect(all.rows.map((r) => [r.id, r.entryCount])).toEqual([
      ["EMPTY_GRP", 0],
      ["TESTCAMP", 7],
      ["US_SALES", 3],
    ]);

    expect((await listCidGroups({ q: "sales" })).rows.map((r) => r.id)).toEqual(["US_SALES"]);
    expect((await listCidGroups({ sort: "entries", dir: "desc" })).rows.map((r) => r.id)).toEqual(["TESTCAMP", "US_SALES", "EMPTY_GRP"]);
    const first = await listCidGroups({ pageSize: 2 });
    expect(first).toMatchObject({ rows: [{ id: "EMPTY_GRP" }, { id: "TESTCAMP" }], next: "TESTCAMP" });
    const second = await listCidGroups({ pageSize: 2, position: { after: first.next! } });
    expect(second).toMatchObject({ total: { count: 3, exact: true }, rows: [{ id: "US_SALES" }], previous: "US_SALES", next: undefined });
    // A group never read has no count: last going up, first going down (as PostgreSQL orders nulls), paged both ways.
    await db().update(cidGroups).set({ entryCount: null, lastReadAt: null }).where(eq(cidGroups.id, "US_SALES"));
    for (const sort of CID_GROUP_SORTS) {
      for (const dir of ["asc", "desc"] as const) {
        const whole = (await listCidGroups({ sort, dir })).rows.map((r) => r.id);
        expect(await walkBothWays((position) => listCidGroups({ sort, dir, position, pageSize: 2 }), (r) => r.id), `${sort} ${dir}`).toEqual({ forward: whole, backward: whole });
      }
    }
    expect((await listCidGroups({ sort: "entries" })).rows.map((r) => r.id)).toEqual(["EMPTY_GRP", "TESTCAMP", "US_SALES"]);
    expect((await listCidGroups({ sort: "entries", dir: "desc" })).rows.map((r) => r.id)).toEqual(["US_SALES", "TESTCAMP", "EMPTY_GRP"]);
  });

  it("treats an underscore in the search as a letter, not a wildcard", async () => {
    await upsertCidGroup({ id: "US_SALES", entryCount: 3, updatedBy: "sup" });
    await upsertCidGroup({ id: "USXSALES", entryCount: 1, updatedBy: "sup" });
    expect((await listCidGroups({ q: "US_" })).rows.map((r) => r.id)).toEqual(["US_SALES"]);
  });

  it("keeps one row per group whatever the case, as VICIdial compares ids", async () => {
    await upsertCidGroup({ id: "US_SALES", entryCount: 3, updatedBy: "sup" });
    const again = await upsertCidGroup({ id: "us_sales", entryCount: 4, updatedBy: "admin" });
    expect(again).toMatchObject({ id: "US_SALES", entryCount: 4, updatedBy: "admin" });
    expect((await listCidGroups()).total).toEqual({ count: 1, exact: true });
    expect(await getCidGroup("us_sales")).toMatchObject({ id: "US_SALES" });
  });

  it("refreshes the count of a known group after a read, but never adds a group that way", async () => {
    await upsertCidGroup({ id: "US_SALES", entryCount: 3, updatedBy: "sup" });
    expect(await recordCidEntryCount("US_SALES", 4)).toBe(true);
    expect(await recordCidEntryCount("OTHER", 2)).toBe(false);
    expect(await getCidGroup("US_SALES")).toMatchObject({ entryCount: 4 });
    expect(await getCidGroup("OTHER")).toBeNull();
  });

  it("removes a group from the list and returns what it was", async () => {
    await upsertCidGroup({ id: "EMPTY_GRP", entryCount: 0, updatedBy: "sup" });
    expect(await removeCidGroup("EMPTY_GRP")).toMatchObject({ id: "EMPTY_GRP", entryCount: 0 });
    expect(await removeCidGroup("EMPTY_GRP")).toBeNull();
    expect((await listCidGroups()).total).toEqual({ count: 0, exact: true });
  });
});
