import { readFileSync } from "node:fs";
import { expect, roleUser, test } from "./support/fixtures";
import { loginError, submitLogin, uniqueUsername } from "./support/users";

test.describe("audit log", () => {
  test("records sign-ins and failed sign-ins, filters them from the URL and shows one entry's details", async ({ page: signedOut, asRole }) => {
    const stranger = uniqueUsername("stranger");
    await submitLogin(signedOut, stranger, "some wrong password");
    await expect(loginError(signedOut)).toBeVisible();

    const page = await asRole("admin");
    await page.goto("/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await page.getByLabel("Target contains").fill(stranger);
    await page.getByLabel("Outcome").selectOption("failed");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`outcome=failed.*q=${stranger}|q=${stranger}.*outcome=failed`));
    // Sign-ins are hidden until asked for.
    await expect(page.getByRole("heading", { name: "No entries match these filters" })).toBeVisible();
    await page.getByLabel("Show sign-ins").check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/signins=1/);
    await expect(page.getByLabel("Show sign-ins")).toBeChecked();
    const rows = page.getByRole("table", { name: "Audit log entries" }).getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText("Sign-in refused");
    await expect(rows.nth(1)).toContainText("Unknown username");

    await rows.nth(1).getByRole("link", { name: /Details of entry/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Audit entry \d+/ })).toBeVisible();
    await expect(page.getByText("Sign-in refused by")).toBeVisible();
    await page.getByRole("link", { name: `History of ${stranger}` }).click();
    await expect(page).toHaveURL(/target=/);
    await expect(page.getByText(`History of ${stranger}`)).toBeVisible();
  });

  test("exports the filtered view as CSV", async ({ asRole }) => {
    const page = await asRole("admin");
    await page.goto("/audit?action=auth.sign_in");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^audit-.*\.csv$/);
    const csv = readFileSync(await file.path(), "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,time_utc,user,role,ip,action/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes(",auth.sign_in,"))).toBe(true);
  });

  test("a provisioning user sees only their own entries", async ({ asRole }) => {
    const user = { page: await asRole("provisioning"), username: roleUser("provisioning").username };
    await user.page.goto("/audit?signins=1");
    await expect(user.page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await expect(user.page.getByText("Your own changes and sign-ins")).toBeVisible();
    await expect(user.page.getByLabel("User", { exact: true })).toHaveCount(0);
    const rows = user.page.getByRole("table", { name: "Audit log entries" }).getByRole("row");
    await expect(rows.nth(1)).toBeVisible();
    const users = await rows.locator("td:nth-child(2)").allTextContents();
    expect(users.length).toBeGreaterThan(0);
    expect(new Set(users)).toEqual(new Set([user.username]));
    // Someone else's entry (the admin's sign-in, entry 1 or later) is not there even by its number.
    await user.page.goto("/audit/1");
    await expect(user.page.getByRole("heading", { level: 1, name: /Audit entry/ })).toHaveCount(0);
  });

  test("never shows a password: a password change is logged without its values", async ({ asRole }) => {
    // The shared QA user chose their password once, in the setup project.
    const user = roleUser("qa");
    const page = await asRole("admin");
    await page.goto(`/audit?action=user.change_password&user=${user.username}`);
    const rows = page.getByRole("table", { name: "Audit log entries" }).getByRole("row");
    await expect(rows).toHaveCount(2);
    await rows.nth(1).getByRole("link", { name: /Details of entry/ }).click();
    await expect(page.getByText(user.password)).toHaveCount(0);
    expect(await page.content()).not.toContain(user.password);
  });
});
