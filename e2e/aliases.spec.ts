import type { Page } from "@playwright/test";
import { expect, test, warmUp } from "./support/fixtures";

/**
 * Phone aliases as the IT (provisioning) team builds them, over the simulator's seeded phones
 * (logins 1001, 1002, gs102). The simulator is shared and never reset, so the journey uses its
 * own alias ID and deletes it at the end.
 */

const suffix = `${Date.now()}`.slice(-5);
const aliasId = `AL${suffix}`;

const chosen = (page: Page) => page.getByRole("list", { name: "Chosen phone logins" }).getByRole("listitem");

/** Types logins by hand (comma-separated) into the picker and adds them. */
async function typeLogins(page: Page, logins: string): Promise<void> {
  await page.getByRole("combobox", { name: "Add a phone login" }).fill(logins);
  await page.getByRole("button", { name: "Add login" }).click();
}

test.describe("phone aliases", () => {
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(900_000);
    await warmUp(browser, ["/aliases", "/aliases/new", "/aliases/SEEDALIAS"]);
  });

  test("an IT user builds an alias by hand: missing login named, 255-character limit, order kept, edited, deleted", async ({ asRole }) => {
    test.setTimeout(240_000);
    const page = await asRole("provisioning");
    await page.goto("/aliases/new");
    await expect(page.getByRole("heading", { level: 1, name: "Add phone alias" })).toBeVisible();
    await page.getByRole("textbox", { name: "Alias ID", exact: true }).fill(aliasId);
    await page.getByRole("textbox", { name: "Alias name", exact: true }).fill("Front desk ring group");

    // Too many logins for VICIdial's 255-character column: refused before anything is sent.
    const many = Array.from({ length: 22 }, (_, i) => `x${suffix}${String(i).padStart(5, "0")}`).join(",");
    await typeLogins(page, many);
    await expect(page.getByText("263 of 255 characters VICIdial keeps for the list")).toBeVisible();
    await page.getByRole("button", { name: "Add alias" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "VICIdial keeps only 255" })).toBeVisible();
    for (let i = 0; i < 22; i++) await page.getByRole("button", { name: /^Remove x/ }).first().click();
    await expect(chosen(page)).toHaveCount(0);

    // A login typed by hand that no phone has: VICIdial's refusal names it, and the form keeps everything.
    await typeLogins(page, "1002, ghost9");
    await page.getByRole("button", { name: "Add alias" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "No phone in VICIdial has the login ghost9" }).first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("textbox", { name: "Alias ID", exact: true })).toHaveValue(aliasId);
    await expect(chosen(page)).toHaveText([/1002/, /ghost9/]);

    // Swap the bad login for a seeded phone and put it first.
    await page.getByRole("button", { name: "Remove ghost9" }).click();
    await typeLogins(page, "gs102");
    await page.getByRole("button", { name: "Move gs102 up" }).click();
    await expect(chosen(page)).toHaveText([/gs102/, /1002/]);
    await page.getByRole("button", { name: "Add alias" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Phone alias ${aliasId}` })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("definition").getByRole("listitem")).toHaveText([/gs102.*Test Admin Phone/, /1002.*Seed Phone 1002/]);

    // Edit: a new name (update_phone_alias wants 2 or more characters) and one more login.
    await page.getByRole("textbox", { name: "Alias name", exact: true }).fill("F");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Alias name must be at least 2 characters")).toBeVisible();
    await page.getByRole("textbox", { name: "Alias name", exact: true }).fill("Front desk and admin");
    await typeLogins(page, "1001");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("table", { name: "Change history" }).getByText("Phone alias changed")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("definition").getByRole("listitem")).toHaveText([/gs102/, /1002/, /1001/]);

    // The list finds it by a login.
    await page.goto("/aliases");
    await page.getByRole("searchbox", { name: "Search", exact: true }).fill("gs102");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("row", { name: new RegExp(aliasId) })).toContainText("Front desk and admin");

    // Delete.
    await page.getByRole("link", { name: aliasId }).click();
    await page.getByRole("button", { name: "Delete alias" }).click();
    const dialog = page.getByRole("dialog", { name: `Delete phone alias ${aliasId}?` });
    await dialog.getByLabel(`Type ${aliasId} to confirm`).fill(aliasId);
    await dialog.getByRole("button", { name: "Delete alias" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Phone aliases" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("link", { name: aliasId })).toHaveCount(0);
  });
});
