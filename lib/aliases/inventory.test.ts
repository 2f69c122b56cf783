import { beforeEach, describe, expect, it } from "vitest";
import { phoneAliases } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { walkBothWays } from "@/lib/db/keyset-walk";
import { ALIAS_SORTS, aliasesAfter, aliasesWithLogin, getAlias, listAliases, removeAlias, upsertAlias } from "./inventory";

describe.each(testBackends())("alias inventory on %s", (backend) => {
  const db = useTestDatabase(backend);

  beforeEach(async () => {
    await db().delete(phoneAliases);
  });

  it("searches by ID, name or login and sorts", async () => {
    await upsertAlias({ aliasId: "SEEDALIAS", aliasName: "Seed alias", phoneLogins: "gs102,1001", updatedBy: "it" });
    await upsertAlias({ aliasId: "FRONT", aliasName: "Front desk", phoneLogins: "1002", updatedBy: "it" });
    expect((await listAliases()).rows.map((r) => r.aliasId)).toEqual(["FRONT", "SEEDALIAS"]);
    expect((await listAliases({ q: "desk" })).rows.map((r) => r.aliasId)).toEqual(["FRONT"]);
    expect((await listAliases({ q: "gs102" })).rows.map((r) => r.aliasId)).toEqual(["SEEDALIAS"]);
    expect((await listAliases({ sort: "name", dir: "desc" })).rows.map((r) => r.aliasName)).toEqual(["Seed alias", "Front desk"]);
    expect(await listAliases({ pageSize: 1 })).toMatchObject({ total: { count: 2, exact: true }, rows: [{ aliasId: "FRONT" }], next: "FRONT" });
    expect(await listAliases({ pageSize: 1, position: { after: "FRONT" } })).toMatchObject({ total: { count: 2, exact: true }, rows: [{ aliasId: "SEEDALIAS" }], previous: "SEEDALIAS" });
  });

  it("walks every sort both ways, page by page, in the order of the whole list, and exports it", async () => {
    await upsertAlias({ aliasId: "SEEDALIAS", aliasName: "Seed alias", phoneLogins: "gs102,1001", updatedBy: "it" });
    await upsertAlias({ aliasId: "FRONT", aliasName: "Front desk", phoneLogins: "1002", updatedBy: "it" });
    await upsertAlias({ aliasId: "BACK", aliasName: "Front desk", phoneLogins: "1002", updatedBy: "it" });
    for (const sort of ALIAS_SORTS) {
      for (const dir of ["asc", "desc"] as const) {
        const whole = (await listAliases({ sort, dir })).rows.map((r) => r.aliasId);
        expect(whole).toHaveLength(3);
        expect(await walkBothWays((position) => listAliases({ sort, dir, position, pageSize: 2 }), (r) => r.aliasId), `${sort} ${dir}`).toEqual({ forward: whole, backward: whole });
      }
    }
    const batch = await aliasesAfter({ sort: "name", dir: "desc" }, undefined, 2);
    expect([...batch, ...(await aliasesAfter({ sort: "name", dir: "desc" }, batch.at(-1), 2))].map((r) => r.aliasId)).toEqual(["SEEDALIAS", "FRONT", "BACK"]);
  });

  it("updates in place whatever the case of the ID, keeping the logins' order", async () => {
    await upsertAlias({ aliasId: "ALIAS100", aliasName: "Test", phoneLogins: "1001,1002", updatedBy: "it" });
    await upsertAlias({ aliasId: "alias100", aliasName: "Renamed", phoneLogins: "1002,gs102,1001", updatedBy: "admin" });
    const { rows } = await listAliases();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ aliasId: "ALIAS100", aliasName: "Renamed", phoneLogins: "1002,gs102,1001", updatedBy: "admin" });
  });

  it("removes an alias", async () => {
    await upsertAlias({ aliasId: "ALIAS100", aliasName: "Test", phoneLogins: "1001", updatedBy: "it" });
    expect(await removeAlias("ALIAS100")).toMatchObject({ aliasId: "ALIAS100" });
    expect(await getAlias("ALIAS100")).toBeNull();
  });

  it("finds the aliases that list a login, matching whole logins only", async () => {
    await upsertAlias({ aliasId: "A1", aliasName: "One", phoneLogins: "1001,gs102", updatedBy: "it" });
    await upsertAlias({ aliasId: "A2", aliasName: "Two", phoneLogins: "10011", updatedBy: "it" });
    await upsertAlias({ aliasId: "A3", aliasName: "Three", phoneLogins: "GS102", updatedBy: "it" });
    expect((await aliasesWithLogin("1001")).map((r) => r.aliasId)).toEqual(["A1"]);
    expect((await aliasesWithLogin("gs102")).map((r) => r.aliasId)).toEqual(["A1", "A3"]);
  });
});
