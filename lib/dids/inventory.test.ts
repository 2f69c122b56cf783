import { beforeAll, describe, expect, it } from "vitest";
import { dids } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { DID_ROUTES, ROUTE_FIELDS } from "@/lib/dids/schemas";
import { COUNT_CAP, listTotal } from "@/lib/db/paging";
import { DID_SORTS, didFormValues, didListQuerySchema, didSuggestions, getDid, listDids, removeDid, upsertDid, upsertDids } from "./inventory";

const query = (params: Record<string, string> = {}) => didListQuerySchema.parse(params);

describe.each(testBackends())("DID inventory on %s", (backend) => {
  const db = useTestDatabase(backend);

  beforeAll(async () => {
    const row = (didPattern: string, description: string, route: string, extra: Partial<typeof dids.$inferInsert> = {}) => ({
      didPattern,
      description,
      route,
      active: "Y",
      recordCall: "N",
      updatedBy: "alice",
      ...extra,
    });
    await db().insert(dids).values([
      row("7275550100", "Tampa sales line", "IN_GROUP", { groupId: "TEST_IN", updatedAt: new Date("2024-01-03T00:00:00Z") }),
      row("7275550101", "Tampa support", "IN_GROUP", { groupId: "SUPPORT", active: "N", updatedAt: new Date("2024-01-01T00:00:00Z") }),
      row("3125550000", "Chicago front desk", "EXTEN", { extension: "8300", updatedBy: "bob", updatedAt: new Date("2024-01-05T00:00:00Z") }),
      row("+17275551212", "Plus sign DID", "CALLMENU", { menuId: "TESTMENU", recordCall: "Y", updatedAt: new Date("2024-01-02T00:00:00Z") }),
      row("8005550199", "100% toll_free", "VOICEMAIL", { voicemailExt: "8301", updatedAt: new Date("2024-01-04T00:00:00Z") }),
      row("default", "Default DID", "AGENT", { updatedAt: new Date("2024-01-06T00:00:00Z") }),
    ]);
  });

  const patterns = (rows: { didPattern: string }[]) => rows.map((r) => r.didPattern);

  it("searches pattern and description, case-insensitively", async () => {
    expect(patterns((await listDids(query({ q: "tampa" }))).rows)).toEqual(["7275550100", "7275550101"]);
    expect(patterns((await listDids(query({ q: "555121" }))).rows)).toEqual(["+17275551212"]);
    expect(patterns((await listDids(query({ q: "+1727" }))).rows)).toEqual(["+17275551212"]);
  });

  it("treats % and _ in a search as plain characters", async () => {
    expect(patterns((await listDids(query({ q: "100%" }))).rows)).toEqual(["8005550199"]);
    expect(patterns((await listDids(query({ q: "l_f" }))).rows)).toEqual(["8005550199"]);
    expect((await listDids(query({ q: "%" }))).total).toEqual({ count: 1, exact: true });
  });

  it("filters by route and by active, together with a search", async () => {
    expect(patterns((await listDids(query({ route: "IN_GROUP" }))).rows)).toEqual(["7275550100", "7275550101"]);
    expect(patterns((await listDids(query({ active: "N" }))).rows)).toEqual(["7275550101"]);
    expect((await listDids(query({ route: "IN_GROUP", active: "Y", q: "sales" }))).total).toEqual({ count: 1, exact: true });
  });

  it("shows each route's target", async () => {
    const rows = (await listDids(query())).rows;
    const target = (p: string) => rows.find((r) => r.didPattern === p)?.target;
    expect(target("7275550100")).toBe("TEST_IN");
    expect(target("3125550000")).toBe("8300");
    expect(target("+17275551212")).toBe("TESTMENU");
    expect(target("8005550199")).toBe("8301");
    expect(target("default")).toBeNull();
  });

  it("derives each route's target from the field lib/dids/schemas names for it", async () => {
    const fields = { extension: "x-extension", voicemailExt: "x-voicemail", phoneExtension: "x-phone", group: "x-group", menuId: "x-menu" } as const;
    for (const route of DID_ROUTES) {
      const row = await upsertDid(`route-${route}`, { didRoute: route, ...fields }, "test");
      const field = ROUTE_FIELDS[route].target;
      expect(row.target, route).toBe(field ? fields[field as keyof typeof fields] : null);
      await removeDid(`route-${route}`);
    }
  });

  it("sorts by any column in either direction", async () => {
    expect(patterns((await listDids(query({ sort: "updated", dir: "desc" }))).rows)).toEqual([
      "default",
      "3125550000",
      "8005550199",
      "7275550100",
      "+17275551212",
      "7275550101",
    ]);
    expect(patterns((await listDids(query({ sort: "target" }))).rows).slice(0, 3)).toEqual(["3125550000", "8005550199", "7275550101"]);
    expect(patterns((await listDids(query({ sort: "by", dir: "desc" }))).rows)[0]).toBe("3125550000");
    expect(patterns((await listDids(query({ sort: "description" }))).rows)[0]).toBe("8005550199");
    expect(patterns((await listDids(query({ sort: "pattern", dir: "desc" }))).rows)[0]).toBe("default");
  });

  it("pages with keyset cursors: next, previous, last, and a cursor past the end or gone shows the nearest end", async () => {
    const view = { ...query({ sort: "pattern" }), size: 2 };
    const first = await listDids(view);
    expect(first.total).toEqual({ count: 6, exact: true });
    expect(patterns(first.rows)).toEqual(["+17275551212", "3125550000"]);
    expect(first).toMatchObject({ previous: undefined, next: "3125550000" });
    const second = await listDids({ ...view, after: first.next });
    expect(patterns(second.rows)).toEqual(["7275550100", "7275550101"]);
    expect(second).toMatchObject({ previous: "7275550100", next: "7275550101" });
    const back = await listDids({ ...view, before: second.previous });
    expect(patterns(back.rows)).toEqual(["+17275551212", "3125550000"]);
    expect(back).toMatchObject({ previous: undefined, next: "3125550000" });
    const last = await listDids({ ...view, last: "1" });
    expect(patterns(last.rows)).toEqual(["8005550199", "default"]);
    expect(last).toMatchObject({ previous: "8005550199", next: undefined });
    expect(patterns((await listDids({ ...view, after: "default" })).rows)).toEqual(["8005550199", "default"]);
    expect(patterns((await listDids({ ...view, after: "no such DID" })).rows)).toEqual(["8005550199", "default"]);
    expect(patterns((await listDids({ ...view, before: "no such DID" })).rows)).toEqual(["+17275551212", "3125550000"]);
  });

  it("walks every sort both ways, page by page, in the order of the whole list (nulls included), searched or not", async () => {
    for (const [sort, search] of DID_SORTS.flatMap((sort) => [[sort, {}], [sort, { q: "55" }]] as const)) {
      for (const dir of ["asc", "desc"] as const) {
        const whole = patterns((await listDids(query({ sort, dir, ...search }))).rows);
        const forward: string[] = [];
        let page = await listDids({ ...query({ sort, dir, ...search }), size: 2 });
        for (;;) {
          forward.push(...patterns(page.rows));
          if (!page.next) break;
          page = await listDids({ ...query({ sort, dir, ...search }), size: 2, after: page.next });
        }
        expect(forward, `${sort} ${dir}`).toEqual(whole);
        const backward: string[] = [];
        page = await listDids({ ...query({ sort, dir, last: "1", ...search }), size: 2 });
        for (;;) {
          // Back at the start the first page is a full one, so it may repeat rows of the page after it.
          backward.unshift(...patterns(page.rows).filter((pattern) => !backward.includes(pattern)));
          if (!page.previous) break;
          page = await listDids({ ...query({ sort, dir, ...search }), size: 2, before: page.previous });
        }
        expect(backward, `${sort} ${dir} backwards`).toEqual(whole);
      }
    }
  });

  it("counts a filtered view only up to the cap and says so", async () => {
    expect(listTotal(COUNT_CAP)).toEqual({ count: COUNT_CAP, exact: true });
    expect(listTotal(COUNT_CAP + 1)).toEqual({ count: COUNT_CAP, exact: false });
    expect((await listDids(query({ q: "tampa" }))).total).toEqual({ count: 2, exact: true });
  });

  it("falls back to the default view for nonsense in the URL", () => {
    expect(query({ sort: "password", dir: "sideways", page: "-3", size: "7", route: "QUEUE", active: "maybe", last: "yes" })).toEqual({
      sort: "pattern",
      dir: "asc",
      size: 25,
    });
  });

  it("records confirmed changes, keeping fields it was not told about", async () => {
    const added = await upsertDid("7275553333", { description: "Inbound to TEST_IN", didRoute: "IN_GROUP", group: "TEST_IN", active: true, didId: 7 }, "carol");
    expect(added).toMatchObject({ didPattern: "7275553333", route: "IN_GROUP", groupId: "TEST_IN", active: "Y", didId: 7, updatedBy: "carol" });

    const changed = await upsertDid("7275553333", { didRoute: "CALLMENU", menuId: "TESTMENU", active: false }, "dave");
    expect(changed).toMatchObject({ route: "CALLMENU", menuId: "TESTMENU", groupId: "TEST_IN", description: "Inbound to TEST_IN", active: "N", didId: 7, updatedBy: "dave" });
    expect(changed.updatedAt.getTime()).toBeGreaterThanOrEqual(added.updatedAt.getTime());

    expect(await removeDid("7275553333")).toBe(true);
    expect(await getDid("7275553333")).toBeUndefined();
    expect(await removeDid("7275553333")).toBe(false);
  });

  it("records a bulk job's rows together, each keeping the fields it was not told about", async () => {
    await upsertDid("7275554000", { description: "Known before", didRoute: "EXTEN", extension: "8300", recordCall: "Y" }, "carol");
    const stored = await upsertDids([
      { pattern: "7275554000", fields: { didRoute: "EXTEN", extension: "8301" }, updatedBy: "job" },
      { pattern: "7275554001", fields: { description: "New one", didRoute: "EXTEN", extension: "8302" }, updatedBy: "job" },
      { pattern: "7275554002", fields: { didRoute: "EXTEN", extension: "8303" }, updatedBy: "job" },
      // The same pattern twice in one batch: its last values win.
      { pattern: "7275554002", fields: { didRoute: "EXTEN", extension: "8304" }, updatedBy: "job" },
    ]);
    expect(stored.map((row) => [row.didPattern, row.extension])).toEqual([
      ["7275554000", "8301"],
      ["7275554001", "8302"],
      ["7275554002", "8304"],
      ["7275554002", "8304"],
    ]);
    expect(await getDid("7275554000")).toMatchObject({ description: "Known before", recordCall: "Y", extension: "8301", updatedBy: "job" });
    expect(await getDid("7275554001")).toMatchObject({ description: "New one", extension: "8302" });
    for (const pattern of ["7275554000", "7275554001", "7275554002"]) await removeDid(pattern);
  });

  it("suggests in-groups, call menus and servers seen before", async () => {
    await upsertDid("7275553334", { didRoute: "PHONE", phoneExtension: "gs102", serverIp: "10.10.10.15" }, "carol");
    const suggestions = await didSuggestions();
    expect(suggestions.groups).toEqual(["SUPPORT", "TEST_IN"]);
    expect(suggestions.menus).toEqual(["TESTMENU"]);
    expect(suggestions.servers).toEqual(["10.10.10.15"]);
  });

  it("gives the edit form every field, with unknown ones empty", async () => {
    const row = await getDid("7275550101");
    expect(row).toBeDefined();
    const values = didFormValues(row!);
    expect(values).toMatchObject({ description: "Tampa support", didRoute: "IN_GROUP", group: "SUPPORT", active: false, extension: "", menuId: "" });
  });
});
