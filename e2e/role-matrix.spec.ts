import type { Page } from "@playwright/test";
import { can, ROLES, type Role } from "../lib/auth/permissions";
import { expect, roleState, test } from "./support/fixtures";
import { newSsoSignedInUser } from "./support/idp-users";
import { DASHBOARD_PAGES, FORBIDDEN_HEADING } from "./support/pages";
import { EXPORT_ROUTES, OVERVIEW_PANELS } from "./support/pages/overview";

/**
 * Every dashboard page as anonymous and as every role: allowed pages show their heading, refused
 * ones the 403 page, and anonymous visitors are sent to the login page with the way back. One test
 * per role walks every page in one tab (a step per page names the page that failed); the roles run
 * side by side. Single sign-on users (role from the provider's groups) walk the same pages and
 * must see exactly what a local user of their role sees.
 */
test.describe.configure({ mode: "parallel" });

/** Each page may take a while on a loaded machine; the tests are as long as the page list. */
const MATRIX_TIMEOUT = 15_000 * DASHBOARD_PAGES.length;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function walkEveryPage(page: Page, role: Role): Promise<void> {
  for (const pageInfo of DASHBOARD_PAGES) {
    const allowed = pageInfo.permission === null || can(role, pageInfo.permission);
    await test.step(`${allowed ? "sees" : "is refused"} ${pageInfo.path}`, async () => {
      await page.goto(pageInfo.path);
      if (allowed) {
        await expect(page.getByRole("heading", { level: 1, name: pageInfo.heading, exact: true })).toBeVisible();
      } else {
        await expect(page.getByRole("heading", { level: 1, name: FORBIDDEN_HEADING })).toBeVisible();
        await expect(page.getByRole("heading", { level: 1, name: pageInfo.heading, exact: true })).toHaveCount(0);
      }
    });
  }
}

test("anonymous visitors to every page go to the login page", async ({ page }) => {
  test.setTimeout(MATRIX_TIMEOUT);
  for (const pageInfo of DASHBOARD_PAGES) {
    await test.step(pageInfo.path, async () => {
      await page.goto(pageInfo.path);
      const expected = pageInfo.path === "/" ? /\/login$/ : new RegExp(`/login\\?callbackUrl=${escapeRegExp(encodeURIComponent(pageInfo.path))}$`);
      await expect(page).toHaveURL(expected);
      await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    });
  }
});

for (const role of ROLES) {
  test.describe(role, () => {
    test.use({ storageState: roleState(role) });

    test(`${role} sees the pages of their role and is refused the others`, async ({ page }) => {
      test.setTimeout(MATRIX_TIMEOUT);
      await walkEveryPage(page, role);
    });

    test(`${role} sees the overview panels of that role and no others, and downloads exactly the lists allowed`, async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
      const own = OVERVIEW_PANELS[role];
      for (const panel of own) await expect(page.getByRole("heading", { level: 2, name: panel, exact: true })).toBeVisible();
      // The browser tests read the simulator's state (demo mode), so cluster reads are configured.
      await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(can(role, "cluster.sync") ? 1 : 0);
      for (const panel of new Set(Object.values(OVERVIEW_PANELS).flat())) {
        if (!own.includes(panel)) await expect(page.getByRole("heading", { level: 2, name: panel, exact: true })).toHaveCount(0);
      }
      for (const route of EXPORT_ROUTES) {
        const allowed = can(role, route.permission);
        await test.step(`${allowed ? "downloads" : "is refused"} ${route.path}`, async () => {
          const response = await page.request.get(route.path);
          expect(response.status()).toBe(allowed ? 200 : 403);
          if (allowed) {
            expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.csv"$/);
            expect(await response.text()).toMatch(route.header);
          }
        });
      }
    });
  });

  test(`a single sign-on ${role} sees exactly the pages a local ${role} sees`, async ({ browser }) => {
    test.setTimeout(MATRIX_TIMEOUT);
    const { context, page } = await newSsoSignedInUser(browser, role, `matrix-sso-${role}`);
    try {
      await walkEveryPage(page, role);
    } finally {
      await context.close();
    }
  });
}
