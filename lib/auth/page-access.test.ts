import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PAGE_ACCESS, permissionForPath } from "./page-access";

const DASHBOARD = "app/(dashboard)";

/** Every page file under the dashboard, as its route ("/dids/[pattern]"). */
function dashboardPages(dir = DASHBOARD): { route: string; file: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("[...") ? [] : dashboardPages(path);
    return entry.name === "page.tsx" ? [{ route: dir.slice(DASHBOARD.length) || "/", file: path }] : [];
  });
}

describe("the page table", () => {
  it("names every dashboard page, and every page checks its own entry", () => {
    const pages = dashboardPages();
    expect(pages.map((p) => p.route).sort()).toEqual(Object.keys(PAGE_ACCESS).sort());
    for (const { route, file } of pages) expect(readFileSync(file, "utf8"), file).toContain(`requirePage("${route}"`);
  });

  it("resolves a request path to its page's permission, static routes before dynamic ones", () => {
    expect(permissionForPath("/dids/new")).toBe("dids.write");
    expect(permissionForPath("/dids/5551234567")).toBe("dids.view");
    expect(permissionForPath("/dids?q=sales&after=555")).toBe("dids.view");
    expect(permissionForPath("/calls/flags")).toBe("calls.flags.view");
    expect(permissionForPath("/calls/M1234567890")).toBe("calls.lookup");
    expect(permissionForPath("/phones/10.0.0.5/1001")).toBe("phones.view");
    expect(permissionForPath("/")).toBeNull();
    expect(permissionForPath("/account?callbackUrl=%2Fdids")).toBeNull();
  });

  it("asks each job kind's own permission, and leaves an unknown kind or address to the page", () => {
    expect(permissionForPath("/jobs/new/cid")).toBe("cid.write");
    expect(permissionForPath("/jobs/new/agents")).toBe("phones.write");
    expect(permissionForPath("/jobs/new/no-such-kind")).toBeUndefined();
    expect(permissionForPath("/no-such-page")).toBeUndefined();
    expect(permissionForPath("/dids/1/2")).toBeUndefined();
  });
});
