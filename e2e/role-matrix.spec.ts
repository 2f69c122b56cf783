import type { Browser, BrowserContext } from "@playwright/test";
import { can, ROLES, type Role } from "../lib/auth/permissions";
import { expect, signInAsAdmin, test } from "./support/fixtures";
import { newSsoSignedInUser } from "./support/idp-users";
import { DASHBOARD_PAGES, FORBIDDEN_HEADING } from "./support/pages";
import { baseURL, newSignedInUser } from "./support/users";

/**
 * Every dashboard page as anonymous and as every role: allowed pages show their heading, refused
 * ones the 403 page, and anonymous visitors are sent to the login page with the way back. Local
 * users each page in a test of its own; single sign-on users (role from the provider's groups)
 * every page in one test per role.
 */
const contexts = new Map<Role, BrowserContext>();
const ssoContexts = new Map<Role, BrowserContext>();

async function contextFor(browser: Browser, role: Role): Promise<BrowserContext> {
  if (role === "admin") {
    const context = await browser.newContext({ baseURL: baseURL() });
    await signInAsAdmin(await context.newPage());
    return context;
  }
  const user = await newSignedInUser(browser, role, `matrix-${role}`);
  return user.context;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  for (const role of ROLES) contexts.set(role, await contextFor(browser, role));
  for (const role of ROLES) ssoContexts.set(role, (await newSsoSignedInUser(browser, role, `matrix-sso-${role}`)).context);
});

test.afterAll(async () => {
  for (const context of [...contexts.values(), ...ssoContexts.values()]) await context.close();
});

for (const role of ROLES) {
  test(`a single sign-on ${role} sees exactly the pages a local ${role} sees`, async () => {
    const page = await ssoContexts.get(role)!.newPage();
    for (const pageInfo of DASHBOARD_PAGES) {
      const allowed = pageInfo.permission === null || can(role, pageInfo.permission);
      await page.goto(pageInfo.path);
      const heading = allowed ? pageInfo.heading : FORBIDDEN_HEADING;
      await expect(page.getByRole("heading", { level: 1, name: heading, exact: true }), `${pageInfo.path} as ${role}`).toBeVisible();
    }
    await page.close();
  });
}

for (const pageInfo of DASHBOARD_PAGES) {
  test(`anonymous visitors to ${pageInfo.path} go to the login page`, async ({ page }) => {
    await page.goto(pageInfo.path);
    const expected = pageInfo.path === "/" ? /\/login$/ : new RegExp(`/login\\?callbackUrl=${encodeURIComponent(pageInfo.path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
    await expect(page).toHaveURL(expected);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  });

  for (const role of ROLES) {
    const allowed = pageInfo.permission === null || can(role, pageInfo.permission);
    test(`${role} ${allowed ? "sees" : "is refused"} ${pageInfo.path}`, async () => {
      const page = await contexts.get(role)!.newPage();
      await page.goto(pageInfo.path);
      if (allowed) {
        await expect(page.getByRole("heading", { level: 1, name: pageInfo.heading, exact: true })).toBeVisible();
      } else {
        await expect(page.getByRole("heading", { level: 1, name: FORBIDDEN_HEADING })).toBeVisible();
        await expect(page.getByRole("heading", { level: 1, name: pageInfo.heading, exact: true })).toHaveCount(0);
      }
      await page.close();
    });
  }
}
