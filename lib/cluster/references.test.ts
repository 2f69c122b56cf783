import { beforeEach, describe, expect, it } from "vitest";
import { clusterReferences } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { referenceOptions, referencesKnown } from "./references";

describe.each(testBackends())("picker options from synced reference data on %s", (backend) => {
  const db = useTestDatabase(backend);

  beforeEach(async () => {
    await db().delete(clusterReferences);
  });

  it("offers nothing, and says so, before any reference data was synced", async () => {
    expect(await referenceOptions("in_group")).toEqual([]);
    expect(await referencesKnown("in_group")).toBe(false);
  });

  it("offers one kind, sorted by name, filtered by id, name or detail, limited", async () => {
    await db()
      .insert(clusterReferences)
      .values([
        { kind: "in_group", id: "SALES_IN", name: "Sales line", active: "Y" },
        { kind: "in_group", id: "AFTERHRS", name: "After hours", active: "N" },
        { kind: "in_group", id: "SUPPORT", name: "Support 100%_done", active: "Y" },
        { kind: "call_menu", id: "MAINMENU", name: "Main menu" },
        { kind: "server", id: "dialer1", name: "Dialer one", detail: "10.10.10.15", active: "Y" },
      ]);
    expect((await referenceOptions("in_group")).map((o) => o.id)).toEqual(["AFTERHRS", "SALES_IN", "SUPPORT"]);
    expect(await referenceOptions("in_group", "sales")).toEqual([{ id: "SALES_IN", name: "Sales line", detail: null, active: "Y" }]);
    expect((await referenceOptions("in_group", "afterhrs")).map((o) => o.id)).toEqual(["AFTERHRS"]);
    // % and _ are characters, not wildcards.
    expect((await referenceOptions("in_group", "%_")).map((o) => o.id)).toEqual(["SUPPORT"]);
    expect((await referenceOptions("server", "10.10.10")).map((o) => o.detail)).toEqual(["10.10.10.15"]);
    expect((await referenceOptions("in_group", "", 2)).length).toBe(2);
    expect(await referencesKnown("in_group")).toBe(true);
    expect(await referencesKnown("template")).toBe(false);
  });
});
