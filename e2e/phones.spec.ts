import type { Page } from "@playwright/test";
import { expect, roleUser, test, warmUp } from "./support/fixtures";
import { expectRefused } from "./support/page-answer";
import { FORBIDDEN_HEADING } from "./support/pages";

/**
 * Phones as the IT (provisioning) team uses them, against the simulator's seed (server
 * 10.10.10.15, phones 1001, 1002, gs102, callin). The simulator is shared by every spec and never
 * reset, so the journey works on its own extension and removes what it made.
 */

const suffix = `${Date.now()}`.slice(-5);
const extension = `7${suffix.slice(-4)}`;

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });

async function searchPhones(page: Page, text: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill(text);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${text}`));
}

test.describe("phones", () => {

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(900_000);
    await warmUp(browser, ["/phones", "/phones/new", "/phones/10.10.10.15/1001", "/aliases", "/aliases/new", "/aliases/SEEDALIAS"]);
  });

  test("an IT user adds a SIP phone, copies its one-time passwords, renames it, aliases it and deletes it", async ({ asRole }) => {
    test.setTimeout(240_000);
    const page = await asRole("provisioning");
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Phones", exact: true }).click();
    await expect(heading(page, "Phones")).toBeVisible();
    await page.getByRole("link", { name: "Add phone" }).click();
    await expect(heading(page, "Add phone")).toBeVisible();

    // A login VICIdial would cut to 15 characters is refused beside its field, and nothing typed is lost.
    await page.getByRole("textbox", { name: "Extension", exact: true }).fill(extension);
    await expect(page.getByRole("textbox", { name: "Dial plan number", exact: true })).toHaveValue(extension);
    await expect(page.getByRole("textbox", { name: "Voicemail box", exact: true })).toHaveValue(extension);
    await page.getByRole("textbox", { name: "Phone login", exact: true }).fill(`${extension}-far-too-long`);
    await page.getByRole("button", { name: "Generate phone password" }).click();
    await page.getByRole("button", { name: "Generate registration password" }).click();
    await page.getByRole("combobox", { name: "Protocol", exact: true }).selectOption("SIP");
    await page.getByRole("textbox", { name: "Full name", exact: true }).fill(`E2E Desk ${extension}`);
    await page.getByRole("combobox", { name: "Time zone", exact: true }).selectOption({ label: "UTC−05:00" });
    await page.getByRole("textbox", { name: "Outbound caller ID", exact: true }).fill("7275551212");
    await page.getByRole("button", { name: "Add phone" }).click();
    await expect(page.getByText("Phone login can be at most 15 characters")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Full name", exact: true })).toHaveValue(`E2E Desk ${extension}`);

    await page.getByRole("textbox", { name: "Phone login", exact: true }).fill(extension);
    const phonePassword = await page.getByRole("textbox", { name: "Phone password", exact: true }).inputValue();
    expect(phonePassword).toMatch(/^[A-Za-z0-9]{20}$/);
    await expect(page.getByRole("combobox", { name: "Server IP", exact: true })).toHaveValue("10.10.10.15");
    await page.getByRole("button", { name: "Add phone" }).click();

    // The passwords, once.
    await expect(page.getByRole("heading", { name: "Passwords, shown once" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("created-phone-password")).toHaveText(phonePassword);
    await expect(page.getByRole("button", { name: "Copy phone password" })).toBeVisible();
    await page.getByRole("link", { name: "Back to phones" }).click();

    // Find it.
    await searchPhones(page, extension);
    const row = page.getByRole("row", { name: new RegExp(extension) });
    await expect(row).toContainText(`E2E Desk ${extension}`);
    await expect(row).toContainText("SIP");
    await expect(row).toContainText(`by ${roleUser("provisioning").username}`);
    await row.getByRole("link", { name: extension }).click();
    await expect(heading(page, `Phone ${extension}`)).toBeVisible();
    await expect(page.getByText(phonePassword)).toHaveCount(0);

    // Change its full name; only that field is sent.
    await page.getByRole("textbox", { name: "Full name", exact: true }).fill("E2E Front Desk");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("table", { name: "Change history" }).getByText("Phone changed")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("table", { name: "Change history" })).toContainText(`Full name: E2E Desk ${extension} → E2E Front Desk`);
    await expect(page.getByRole("definition").filter({ hasText: "E2E Front Desk" })).toBeVisible();

    // An alias over the new phone and a seeded one, found through the picker.
    const aliasId = `E2E${suffix}`;
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Phone aliases" }).click();
    await page.getByRole("link", { name: "Add alias" }).click();
    await page.getByRole("textbox", { name: "Alias ID", exact: true }).fill(aliasId);
    await page.getByRole("textbox", { name: "Alias name", exact: true }).fill("E2E front and seed");
    const picker = page.getByRole("combobox", { name: "Add a phone login" });
    await picker.fill(extension);
    await page.getByRole("option", { name: new RegExp(`^${extension}`) }).click();
    await picker.fill("Seed Phone 1001");
    await page.getByRole("option", { name: /^1001/ }).click();
    await expect(page.getByRole("list", { name: "Chosen phone logins" }).getByRole("listitem")).toHaveText([new RegExp(extension), /1001/]);
    await page.getByRole("button", { name: "Add alias" }).click();
    await expect(heading(page, `Phone alias ${aliasId}`)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("link", { name: extension })).toBeVisible();

    // Delete the alias, behind its typed confirmation.
    await page.getByRole("button", { name: "Delete alias" }).click();
    const aliasDialog = page.getByRole("dialog", { name: `Delete phone alias ${aliasId}?` });
    await expect(aliasDialog.getByRole("button", { name: "Delete alias" })).toBeDisabled();
    await aliasDialog.getByLabel(`Type ${aliasId} to confirm`).fill(aliasId);
    await aliasDialog.getByRole("button", { name: "Delete alias" }).click();
    await expect(heading(page, "Phone aliases")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("link", { name: aliasId })).toHaveCount(0);

    // Delete the phone.
    await page.goto(`/phones/10.10.10.15/${extension}`);
    await page.getByRole("button", { name: "Delete phone" }).click();
    const phoneDialog = page.getByRole("dialog", { name: `Delete phone ${extension}?` });
    await phoneDialog.getByLabel(`Type ${extension} to confirm`).fill(extension);
    await phoneDialog.getByRole("button", { name: "Delete phone" }).click();
    await expect(heading(page, "Phones")).toBeVisible({ timeout: 30_000 });
    await searchPhones(page, extension);
    await expect(page.getByText("No phone matches these filters")).toBeVisible();
  });

  test("a supervisor sees phones and aliases but cannot change them", async ({ asRole }) => {
    test.setTimeout(120_000);
    const page = await asRole("supervisor");
    await page.goto("/phones");
    await expect(heading(page, "Phones")).toBeVisible();
    await expect(page.getByRole("link", { name: "Add phone" })).toHaveCount(0);
    await page.getByRole("row", { name: /Seed Phone 1001/ }).getByRole("link", { name: "1001" }).click();
    await expect(heading(page, "Phone 1001")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete phone" })).toHaveCount(0);

    await page.goto("/aliases/SEEDALIAS");
    await expect(heading(page, "Phone alias SEEDALIAS")).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete alias" })).toHaveCount(0);

    await page.goto("/phones/new");
    await expect(page.getByRole("heading", { name: FORBIDDEN_HEADING })).toBeVisible();
  });

  test("a QA user cannot open the phone or alias pages", async ({ asRole }) => {
    test.setTimeout(120_000);
    const page = await asRole("qa");
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Phones", exact: true })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Phone aliases" })).toHaveCount(0);
    for (const path of ["/phones", "/phones/10.10.10.15/1001", "/aliases", "/aliases/new"]) await expectRefused(page.request, path);
  });
});
