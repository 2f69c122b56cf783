import type { Page } from "@playwright/test";
import { expect, roleState, test, vicidial, warmUp } from "./support/fixtures";

/**
 * What a new user hit in a day of real use (issue 15): stale panels, toasts in the way, pasted numbers and names, and addresses with no page. The simulator
 * is shared with the other specs: the CID entries use an area code of their own ("Q" and three
 * digits) and are deleted again. No DID is added.
 */
const suffix = `${Date.now()}`.slice(-3);
const CODE = `Q${suffix}`;

const toasts = (page: Page, type: "success" | "error") => page.locator(`[data-sonner-toast][data-type="${type}"]`);

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test.describe("a day of real use", () => {
  // An admin does everything here (DIDs, CID groups, jobs): the stored state, no user to create.
  test.use({ storageState: roleState("admin") });

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(300_000);
    await warmUp(browser, ["/dids/new", "/cid-groups/US_SALES", "/jobs/new/cid"]);
  });

  test("the DID form warns about a letters-only pattern and shows a pasted number cleaned", async ({ page }) => {
    await page.goto("/dids/new");
    const form = page.getByRole("form", { name: "Add DID" });
    await expect(form.getByRole("button", { name: "Add DID" })).toBeEnabled();
    await form.getByLabel("DID pattern").fill("SALESLINE");
    await expect(form.getByRole("note").filter({ hasText: "SALESLINE is letters only: it will never match a dialled number" })).toBeVisible();
    await form.getByLabel("DID pattern").fill("default");
    await expect(form.getByRole("note")).toHaveCount(0);
    await form.getByLabel("DID pattern").fill("+1 415 555 0103");
    await expect(form.getByText("Sent as +14155550103: spaces removed.")).toBeVisible();
  });

  test("on a CID group's page: pasted numbers cleaned, names VICIdial cannot store fixed in one click, the panel current, toasts out of the way", async ({ page }) => {
    try {
      await page.goto("/cid-groups/US_SALES");
      await expect(page.getByRole("heading", { level: 1, name: "CID group US_SALES" })).toBeVisible();
      const form = page.getByRole("form", { name: "Add an entry" });
      await expect(form.getByRole("button", { name: "Add entry" })).toBeEnabled();
      const recent = page.locator("section", { has: page.getByRole("heading", { level: 2, name: "Recent changes", exact: true }) });

      // Pasted as people copy it: shown cleaned before anything is sent.
      await form.getByRole("textbox", { name: "Area code or state", exact: true }).fill(CODE);
      await form.getByRole("textbox", { name: "Outbound CID", exact: true }).fill(`(415) 555-0${suffix}`);
      await expect(form.getByText(`Sent as 4155550${suffix}: brackets, spaces and hyphens removed.`)).toBeVisible();
      await form.getByRole("textbox", { name: "Description", exact: true }).fill("Zoë's line");
      await form.getByRole("button", { name: "Use “Zoes line”" }).click();
      await expect(form.getByRole("textbox", { name: "Description", exact: true })).toHaveValue("Zoes line");
      await form.getByRole("button", { name: "Add entry" }).click();
      await expect(toasts(page, "success").filter({ hasText: `Added 4155550${suffix} to area code ${CODE}` })).toBeVisible();
      await expect(page.getByRole("region", { name: `Area code or state ${CODE}` }).getByRole("row", { name: new RegExp(`4155550${suffix}`) })).toContainText("Zoes line");

      // The panel below shows the change without a reload.
      await expect(recent.getByRole("row", { name: /CID entry added/ }).first()).toBeVisible();

      // The same entry again: VICIdial refuses, an error toast. Then a new one: the stale error goes.
      await form.getByRole("textbox", { name: "Area code or state", exact: true }).fill(CODE);
      await form.getByRole("textbox", { name: "Outbound CID", exact: true }).fill(`4155550${suffix}`);
      await form.getByRole("button", { name: "Add entry" }).click();
      await expect(toasts(page, "error")).toHaveCount(1);
      await form.getByRole("textbox", { name: "Area code or state", exact: true }).fill(CODE);
      await form.getByRole("textbox", { name: "Outbound CID", exact: true }).fill(`4155551${suffix}`);
      await form.getByRole("button", { name: "Add entry" }).click();
      await expect(toasts(page, "success").filter({ hasText: `Added 4155551${suffix}` })).toBeVisible();
      await expect(toasts(page, "error")).toHaveCount(0);

      // Toasts sit away from the signed-in user's name and Sign out.
      const toast = await toasts(page, "success").first().boundingBox();
      const signOut = await page.getByRole("button", { name: "Sign out" }).boundingBox();
      const user = await page.getByTestId("current-user").boundingBox();
      expect(toast && signOut && user).toBeTruthy();
      expect(overlaps(toast!, signOut!)).toBe(false);
      expect(overlaps(toast!, user!)).toBe(false);
    } finally {
      await vicidial({ function: "update_cid_group_entry", stage: "DELETE", cid_group_id: "US_SALES", areacode: CODE });
    }
  });

  test("the CSV dry run offers the closest name VICIdial keeps, and takes it in one click", async ({ page }) => {
    await page.goto("/jobs/new/cid");
    await expect(page.getByRole("heading", { level: 1, name: "New job: CID group entries" })).toBeVisible();
    const rows = [`${CODE},4155552${suffix},Zoë line,Y`, `${CODE},(415) 555-3${suffix},Plain line,Y`].join("\n");
    await expect(async () => {
      await page.getByLabel("Or paste the rows").fill(rows);
      await expect(page.getByRole("combobox", { name: "Outbound CID" })).toHaveValue("1", { timeout: 2_000 });
    }).toPass();
    await page.getByLabel("CID group").fill("US_SALES");
    await page.getByRole("button", { name: "Check rows (dry run)" }).click();
    await expect(page.getByRole("status").filter({ hasText: "in the file" })).toHaveText(/2 rows in the file: 1 ready, 1 with errors/);
    const notes = page.getByRole("table", { name: /Cleaned or worth a look/ });
    await expect(notes.getByRole("row", { name: new RegExp(`^2 Outbound CID \\(415\\) 555-3${suffix} Sent as 4155553${suffix}`) })).toBeVisible();
    await page.getByRole("button", { name: "Row 1: use “Zoe line”" }).click();
    await expect(page.getByRole("status").filter({ hasText: "in the file" })).toHaveText(/2 rows in the file: 2 ready\./);
    await expect(page.getByLabel("Or paste the rows")).toHaveValue(new RegExp(`Zoe line`));
  });

  test("an address with no page shows the not-found page inside the dashboard, with the way back", async ({ page }) => {
    const response = await page.goto("/didz");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the overview" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    // The browser tab has the dashboard's icon.
    await expect(page.locator('link[rel="icon"][href*="icon.svg"]')).toHaveCount(1);
  });
});
