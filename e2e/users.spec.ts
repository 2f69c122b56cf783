import { expect, roleState, test } from "./support/fixtures";
import { createUserViaUi, loginError, newSignedInUser, signedOutContext, strongPassword, submitLogin, uniqueUsername } from "./support/users";

test.describe("user management", () => {
  test.use({ storageState: roleState("admin") });

  test.beforeEach(async ({ page }) => {
    await page.goto("/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  });

  test("the form explains what is wrong beside each field", async ({ page }) => {
    const form = page.getByRole("form", { name: "Create user" });
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText("At least 2 characters")).toBeVisible();
    await expect(form.getByText("Enter the person's name")).toBeVisible();

    await form.getByLabel("Username").fill("admin");
    await form.getByLabel("Display name").fill("Someone else");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText("This username is taken")).toBeVisible();
  });

  test("an admin creates a QA user, who then sees only what QA may see", async ({ page, browser }) => {
    const username = uniqueUsername("qa");
    const oneTimePassword = await createUserViaUi(page, { username, displayName: "Quality Person", role: "qa" });
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const row = page.getByRole("row", { name: new RegExp(username) });
    await expect(row).toContainText("Quality Person");
    await expect(row).toContainText("One-time password");

    const context = await signedOutContext(browser);
    const qa = await context.newPage();
    await submitLogin(qa, username, oneTimePassword);
    await expect(qa).toHaveURL(/\/account/);
    const form = qa.getByRole("form", { name: "Change password" });
    await expect(form.getByRole("button", { name: "Change password" })).toBeEnabled();
    const password = strongPassword();
    await form.getByLabel("Current password").fill(oneTimePassword);
    await form.getByLabel("New password", { exact: true }).fill(password);
    await form.getByLabel("New password again").fill(password);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(qa).toHaveURL(/\/$/);

    const nav = qa.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(["Overview", "DIDs", "Call lookup"]);
    await qa.goto("/users");
    await expect(qa.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
    await qa.goto("/audit");
    await expect(qa.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();
    await context.close();
  });

  test("changing a role asks first, then signs that user out", async ({ page, browser }) => {
    const user = await newSignedInUser(browser, "qa", "promote", { adminPage: page });
    const roleSelect = page.getByLabel(`Role of ${user.username}`);
    await roleSelect.selectOption("supervisor");
    const dialog = page.getByRole("dialog", { name: `Change ${user.username}'s role?` });
    await expect(dialog).toContainText("From QA to Supervisor");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(roleSelect).toHaveValue("qa");

    await roleSelect.selectOption("supervisor");
    await dialog.getByRole("button", { name: "Change role" }).click();
    await expect(roleSelect).toHaveValue("supervisor");

    await user.page.goto("/dids");
    await expect(user.page).toHaveURL(/\/login/);
    await submitLogin(user.page, user.username, user.password);
    await expect(user.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "CID groups" })).toBeVisible();
    await user.context.close();
  });

  test("resetting a password shows a new one-time password once and ends the old password", async ({ page, browser }) => {
    const user = await newSignedInUser(browser, "provisioning", "reset", { adminPage: page });
    await page.getByRole("button", { name: `Reset password of ${user.username}` }).click();
    await page.getByRole("dialog", { name: `Reset ${user.username}'s password?` }).getByRole("button", { name: "Reset password" }).click();
    const shown = page.getByRole("dialog", { name: `One-time password for ${user.username}` });
    await expect(shown.getByRole("button", { name: "Copy" })).toBeVisible();
    const oneTimePassword = await shown.getByLabel("One-time password").inputValue();
    await shown.getByRole("button", { name: "Done" }).click();

    await user.page.goto("/phones");
    await expect(user.page).toHaveURL(/\/login/);
    await submitLogin(user.page, user.username, user.password);
    await expect(loginError(user.page)).toHaveText("Incorrect username or password.");
    await submitLogin(user.page, user.username, oneTimePassword);
    await expect(user.page).toHaveURL(/\/account/);
    await user.context.close();
  });

  test("disabling asks first and can be undone; an admin cannot disable or demote themselves", async ({ page }) => {
    // Listed, never signed in: disabling is about the account, not a session.
    const user = { username: uniqueUsername("toggle") };
    await createUserViaUi(page, { username: user.username, role: "qa" });
    await page.getByRole("button", { name: `Disable ${user.username}` }).click();
    const dialog = page.getByRole("dialog", { name: `Disable ${user.username}?` });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("button", { name: `Disable ${user.username}` })).toBeVisible();

    await page.getByRole("button", { name: `Disable ${user.username}` }).click();
    await dialog.getByRole("button", { name: "Disable" }).click();
    await expect(page.getByRole("row", { name: new RegExp(user.username) })).toContainText("Disabled");
    await page.getByRole("button", { name: `Enable ${user.username}` }).click();
    await page.getByRole("dialog", { name: `Enable ${user.username}?` }).getByRole("button", { name: "Enable" }).click();
    await expect(page.getByRole("row", { name: new RegExp(user.username) })).toContainText("Active");

    await expect(page.getByRole("button", { name: "Disable admin", exact: true })).toBeDisabled();
    await expect(page.getByLabel("Role of admin", { exact: true })).toBeDisabled();
  });
});
