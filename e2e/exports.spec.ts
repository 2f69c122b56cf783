import { readFileSync } from "node:fs";
import { expect, roleState, test } from "./support/fixtures";

test.describe("list exports", () => {
  test.use({ storageState: roleState("admin") });

  test("the DID list exports exactly the rows its filters select, and a job kind offers its template", async ({ page }) => {
    await page.goto("/dids?route=IN_GROUP");
    await expect(page.getByRole("heading", { level: 1, name: "DIDs" })).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^dids-\d{8}-\d{4}\.csv$/);
    const lines = readFileSync(await file.path(), "utf8").trim().split("\r\n");
    expect(lines[0]).toMatch(/^did_pattern,description,active,route,target/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.split(",")[3] === "IN_GROUP")).toBe(true);

    await page.goto("/jobs/new/cid");
    const template = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download CSV template" }).click();
    const templateFile = await template;
    expect(templateFile.suggestedFilename()).toBe("cid-template.csv");
    expect(readFileSync(await templateFile.path(), "utf8")).toMatch(/^areacode,outbound_cid/);
  });

  test("a CID group's entries export with the page's area-code filter", async ({ page }) => {
    await page.goto("/cid-groups/US_SALES?areacode=813");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export entries (CSV)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^cid-group-US_SALES-\d{8}-\d{4}\.csv$/);
    const [header, ...rows] = readFileSync(await file.path(), "utf8").trim().split("\r\n");
    expect(header).toBe("areacode,outbound_cid,active,description,calls_today");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.startsWith("813,"))).toBe(true);
    expect(rows.some((row) => row.startsWith("813,8135552001,"))).toBe(true);
  });
});
