import { expect, LOCAL_LOGIN_PATH, roleState, roleUser, test } from "./support/fixtures";
import { createUserViaUi, loginError, newSignedInUser, strongPassword, submitLogin, uniqueUsername } from "./support/users";

test.describe("signing in and out", () => {
  test("the demo admin signs in with the keyboard alone and signs out again", async ({ page }) => {
    await page.goto(LOCAL_LOGIN_PATH);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    // The username field has focus on arrival; Tab and Enter do the rest.
    await expect(page.getByLabel("Username")).toBeFocused();
    await page.keyboard.type("admin");
    await page.keyboard.press("Tab");
    await page.keyboard.type(process.env.DEMO_ADMIN_PASSWORD ?? "");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("current-user")).toHaveText("Demo admin");
    await expect(page).toHaveURL(/\/$/);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/dids");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdids/);
  });

  test("says what is missing and gives the same answer for an unknown user as for a wrong password", async ({ page }) => {
    await page.goto(LOCAL_LOGIN_PATH);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your username")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();

    await submitLogin(page, uniqueUsername("nobody"), "not a password at all");
    await expect(loginError(page)).toHaveText("Incorrect username or password.");
    await expect(page).toHaveURL(/\/login/);

    // A real user (one failed sign-in is far from their lock-out at five).
    await submitLogin(page, roleUser("qa").username, "not their password");
    await expect(loginError(page)).toHaveText("Incorrect username or password.");
  });

  test("returns to the page asked for, and only to a page of this site", async ({ page }) => {
    await page.goto("/audit?outcome=failed");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faudit%3Foutcome%3Dfailed/);
    await expect(page.getByText("Sign in to continue.")).toBeVisible();
    await page.getByRole("link", { name: "Use a local account" }).click();
    await expect(page).toHaveURL(/method=local&callbackUrl=%2Faudit%3Foutcome%3Dfailed/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await page.getByLabel("Username").fill("admin");
    await page.getByLabel("Password", { exact: true }).fill(process.env.DEMO_ADMIN_PASSWORD ?? "");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/audit\?outcome=failed$/);
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    for (const hostile of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
      await page.goto(`${LOCAL_LOGIN_PATH}&callbackUrl=${encodeURIComponent(hostile)}`);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
      await page.getByLabel("Username").fill("admin");
      await page.getByLabel("Password", { exact: true }).fill(process.env.DEMO_ADMIN_PASSWORD ?? "");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("current-user")).toBeVisible();
      expect(new URL(page.url()).pathname).toBe("/");
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/login/);
    }
  });

  test("refuses a username for 15 minutes after 5 failed sign-ins", async ({ page }) => {
    const username = uniqueUsername("throttled");
    for (let i = 1; i <= 5; i++) {
      await submitLogin(page, username, `wrong password ${i}`);
      await expect(loginError(page)).toHaveText("Incorrect username or password.");
    }
    await submitLogin(page, username, "wrong password 6");
    await expect(loginError(page)).toHaveText("Too many failed sign-ins for this username. Try again in 15 minutes.");
  });

  test("a user with a one-time password chooses their own before anything else", async ({ page, browser }) => {
    const username = uniqueUsername("newbie");
    const admin = await browser.newContext({ storageState: roleState("admin") });
    const adminPage = await admin.newPage();
    const oneTimePassword = await createUserViaUi(adminPage, { username, role: "supervisor" });
    await admin.close();

    await page.goto("/cid-groups");
    await page.getByRole("link", { name: "Use a local account" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password", { exact: true }).fill(oneTimePassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account\?callbackUrl=%2Fcid-groups/);
    await expect(page.getByText("You signed in with a one-time password")).toBeVisible();

    const form = page.getByRole("form", { name: "Change password" });
    await expect(form.getByRole("button", { name: "Change password" })).toBeEnabled();
    await form.getByLabel("Current password").fill(oneTimePassword);
    await form.getByLabel("New password", { exact: true }).fill("short");
    await form.getByLabel("New password again").fill("different");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("At least 12 characters", { exact: true })).toBeVisible();
    await expect(form.getByText("The two new passwords differ")).toBeVisible();

    const password = strongPassword();
    await form.getByLabel("New password", { exact: true }).fill(password);
    await form.getByLabel("New password again").fill(password);
    await form.getByRole("button", { name: "Change password" }).click();
    // On to the page first asked for.
    await expect(page).toHaveURL(/\/cid-groups$/);
    await expect(page.getByRole("heading", { level: 1, name: "CID groups" })).toBeVisible();
  });

  test("a signed-in user whom an admin disables is signed out at their next page", async ({ asRole, browser }) => {
    const page = await asRole("admin");
    // Created on the admin's page, which then shows /users with them listed.
    const user = await newSignedInUser(browser, "qa", "disabled", { adminPage: page });
    await user.page.goto("/dids");
    await expect(user.page.getByRole("heading", { level: 1, name: "DIDs" })).toBeVisible();

    await page.getByRole("button", { name: `Disable ${user.username}` }).click();
    const confirm = page.getByRole("dialog", { name: `Disable ${user.username}?` });
    await confirm.getByRole("button", { name: "Disable" }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole("button", { name: `Enable ${user.username}` })).toBeVisible();

    await user.page.goto("/calls");
    await expect(user.page).toHaveURL(/\/login/);
    await submitLogin(user.page, user.username, user.password);
    await expect(loginError(user.page)).toHaveText("This account is disabled. Ask an admin to enable it.");
    await user.context.close();
  });

  test("every page carries the security headers, with a fresh script nonce each time", async ({ request }) => {
    const first = await request.get("/login");
    const second = await request.get("/login");
    const csp = first.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(second.headers()["content-security-policy"]).not.toBe(csp);
    expect(first.headers()["x-content-type-options"]).toBe("nosniff");
    expect(first.headers()["x-frame-options"]).toBe("DENY");
    expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const anonymous = await request.get("/users", { maxRedirects: 0 });
    expect(anonymous.status()).toBe(307);
    expect(anonymous.headers()["location"]).toContain("/login?callbackUrl=%2Fusers");
    const api = await request.get("/api/connection");
    expect(api.status()).toBe(401);
  });
});
