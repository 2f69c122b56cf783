import { randomBytes } from "node:crypto";
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import type { Role } from "../../lib/auth/permissions";
import { LOCAL_LOGIN_PATH } from "./fixtures";
import { roleState } from "./roles";

/** Users made through the dashboard's own screens, as an admin would. */

export function baseURL(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run through `npm run test:e2e`");
  return url;
}

/**
 * A browser context signed in as nobody. Playwright applies a spec's `use` options (a role's
 * stored state among them) to contexts a test makes too, so "nobody" must be said.
 */
export function signedOutContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseURL(), storageState: { cookies: [], origins: [] } });
}

/** Usernames are unique per run: specs share one server. */
export function uniqueUsername(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

export function strongPassword(): string {
  return `E2e pass ${randomBytes(6).toString("base64url")}`;
}

/** Fills the login form; does not wait for where it leads (a one-time password leads to the account page). */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto(LOCAL_LOGIN_PATH);
  // Enabled once React runs the form; filling earlier races the form taking over its inputs.
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * The login form's error. Scoped to <main>: Next's route announcer is an (empty) role="alert"
 * element of its own on every page.
 */
export function loginError(page: Page): Locator {
  return page.getByRole("main").getByRole("alert");
}

/** The page is at `pathname` already (then a test need not load it again). */
const isAt = (page: Page, pathname: string) => new URL(page.url()).pathname === pathname;

/** On /users, as an admin: creates the user and returns the one-time password the dialog shows. */
export async function createUserViaUi(adminPage: Page, user: { username: string; displayName?: string; role: Role }): Promise<string> {
  // The list shows a new user without a reload: an admin page already on /users stays there.
  if (!isAt(adminPage, "/users")) await adminPage.goto("/users");
  const form = adminPage.getByRole("form", { name: "Create user" });
  await expect(form.getByRole("button", { name: "Create user" })).toBeEnabled();
  await form.getByLabel("Username").fill(user.username);
  await form.getByLabel("Display name").fill(user.displayName ?? user.username);
  await form.getByLabel("Role", { exact: true }).selectOption(user.role);
  await form.getByRole("button", { name: "Create user" }).click();
  const dialog = adminPage.getByRole("dialog", { name: `One-time password for ${user.username}` });
  await expect(dialog).toBeVisible();
  const oneTimePassword = await dialog.getByLabel("One-time password").inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  return oneTimePassword;
}

/** On /account (where a one-time password's sign-in lands): replaces the current password. */
export async function changeOwnPassword(page: Page, current: string, next: string): Promise<void> {
  if (!isAt(page, "/account")) await page.goto("/account");
  const form = page.getByRole("form", { name: "Change password" });
  await expect(form.getByRole("button", { name: "Change password" })).toBeEnabled();
  await form.getByLabel("Current password").fill(current);
  await form.getByLabel("New password", { exact: true }).fill(next);
  await form.getByLabel("New password again").fill(next);
  await form.getByRole("button", { name: "Change password" }).click();
}

export interface SignedInUser {
  username: string;
  password: string;
  role: Role;
  context: BrowserContext;
  page: Page;
}

/**
 * A new user of the given role, signed in in their own browser context with a password of their
 * own: the admin (already signed in, see roles.ts) creates them, they sign in with the one-time
 * password and choose a new one. For tests that change the user; others use the shared role users.
 * `adminPage`: a test's own admin page to create them on (it ends on /users, the user listed).
 */
export async function newSignedInUser(browser: Browser, role: Role, prefix: string = role, { adminPage }: { adminPage?: Page } = {}): Promise<SignedInUser> {
  const username = uniqueUsername(prefix);
  let oneTimePassword: string;
  if (adminPage) {
    oneTimePassword = await createUserViaUi(adminPage, { username, role });
  } else {
    const admin = await browser.newContext({ baseURL: baseURL(), storageState: roleState("admin") });
    oneTimePassword = await createUserViaUi(await admin.newPage(), { username, role });
    await admin.close();
  }

  const context = await signedOutContext(browser);
  const page = await context.newPage();
  await submitLogin(page, username, oneTimePassword);
  await expect(page).not.toHaveURL(/\/login/);
  const password = strongPassword();
  await changeOwnPassword(page, oneTimePassword, password);
  await expect(page.getByTestId("current-user")).toBeVisible();
  await expect(page).not.toHaveURL(/\/account/);
  return { username, password, role, context, page };
}
