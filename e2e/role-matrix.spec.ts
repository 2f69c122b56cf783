import type { Browser, BrowserContext } from "@playwright/test";
import { can, ROLES, type Role } from "../lib/auth/permissions";
import { expect, signInAsAdmin, test } from "./support/fixtures";
import { DASHBOARD_PAGES, FORBIDDEN_HEADING } from "./support/pages";
import { EXPORT_ROUTES, OVERVIEW_PANELS } from "./support/pages/overview";
import { baseURL, newSignedInUser } from "./support/users";

/**
 * Every dashboard page as anonymous and as every role: allowed pages show their heading, refused
 * ones the 403 page, and anonymous visitors are sent to the login page with the way back.
 */
const contexts = new Map<Role, BrowserContext>();

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
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.close();
});

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

for (const role of ROLES) {
  test(`${role} sees the overview panels of that role, and no others`, async () => {
    const page = await contexts.get(role)!.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    const own = OVERVIEW_PANELS[role];
    for (const panel of own) await expect(page.getByRole("heading", { level: 2, name: panel, exact: true })).toBeVisible();
    for (const panel of new Set(Object.values(OVERVIEW_PANELS).flat())) {
      if (!own.includes(panel)) await expect(page.getByRole("heading", { level: 2, name: panel, exact: true })).toHaveCount(0);
    }
    await page.close();
  });
}

for (const route of EXPORT_ROUTES) {
  for (const role of ROLES) {
    const allowed = can(role, route.permission);
    test(`${role} ${allowed ? "downloads" : "is refused"} ${route.path}`, async () => {
      const response = await contexts.get(role)!.request.get(route.path);
      expect(response.status()).toBe(allowed ? 200 : 403);
      if (allowed) {
        expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"$/);
        expect(await response.text()).toMatch(route.header);
      }
    });
  }
}
