import type { Page } from "@playwright/test";
import { expect, test, vicidial, warmUp } from "./support/fixtures";

/**
 * Issue 13: a DID deleted outside the dashboard (here by a direct API call, as a script or another
 * tool would) used to stay in /dids for good, every edit failing. Now the first edit that VICIdial
 * answers "does not exist" says so in words, takes the DID off the list and leaves an audit entry.
 * The simulator is shared and never reset, so the DID is this run's own.
 */
const n = `${Date.now()}`.slice(-5);
const pattern = `31255${n}`;

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });

async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel("Search", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${text}(&|$)`));
}

test.describe("records deleted outside the dashboard", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(600_000);
    await warmUp(browser, ["/dids", "/dids/new", "/audit"]);
  });

  test("a supervisor edits a DID someone deleted elsewhere: told it is gone, back on the list without it, audited", async ({ asRole }) => {
    test.setTimeout(300_000);
    const page = await asRole("supervisor");

    await page.goto("/dids/new");
    const form = page.getByRole("form", { name: "Add DID" });
    await form.getByLabel("DID pattern").fill(pattern);
    await form.getByLabel("Description", { exact: true }).fill(`Gone soon ${n}`);
    await form.getByLabel("Route", { exact: true }).selectOption("AGENT");
    await form.getByRole("button", { name: "Add DID" }).click();
    await expect(heading(page, `DID ${pattern}`)).toBeVisible({ timeout: 60_000 });

    // Someone deletes it straight through VICIdial's API, not through the dashboard.
    expect(await vicidial({ function: "update_did", did_pattern: pattern, delete_did: "Y" })).toMatch(/^SUCCESS: update_did DID HAS BEEN DELETED/);

    const edit = page.getByRole("form", { name: "Edit DID" });
    await edit.getByLabel("Description", { exact: true }).fill(`Renamed ${n}`);
    await edit.getByRole("button", { name: "Save changes" }).click();
    const gone = `DID ${pattern} no longer exists in VICIdial (it was deleted outside the dashboard), so it was removed from the list.`;
    await expect(page.getByText(gone).first()).toBeVisible({ timeout: 30_000 });
    await expect(heading(page, "DIDs")).toBeVisible();
    await search(page, pattern);
    await expect(page.getByRole("heading", { name: "No DIDs match" })).toBeVisible();

    await page.goto(`/audit?q=${pattern}`);
    const entries = page.getByRole("table", { name: "Audit log entries" });
    await expect(entries).toContainText("DID gone from VICIdial, removed from the list");
    await expect(entries).toContainText("DID added");
  });
});
