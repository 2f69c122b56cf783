import type { APIRequestContext, Page } from "@playwright/test";
import { can, ROLE_LABELS, ROLES, type Role } from "../lib/auth/permissions";
import { expect, roleState, test } from "./support/fixtures";
import { E2E_IDP_NAME, IDP_GROUP, newSsoSignedInUser } from "./support/idp-users";
import { pageAnswer } from "./support/page-answer";
import { DASHBOARD_PAGES, FORBIDDEN_HEADING, type DashboardPage } from "./support/pages";
import { EXPORT_ROUTES, OVERVIEW_PANELS } from "./support/pages/overview";

/**
 * Every dashboard page as anonymous and as every role: allowed pages answer with their heading,
 * refused ones with 403 and the 403 page, and anonymous visitors are sent to the login page with
 * the way back. Who may see what is the server's answer, so each role's walk reads the answers
 * (status, h1, redirect) in its signed-in request context, one step per page; a browser renders
 * every page once (as the admin, who may open them all) and each role's 403 page. Single sign-on
 * users (role from the provider's groups) get exactly the answers a local user of their role gets.
 */
test.describe.configure({ mode: "parallel" });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const allowedTo = (role: Role, page: DashboardPage) => page.permission === null || can(role, page.permission);

async function checkEveryAnswer(request: APIRequestContext, role: Role): Promise<void> {
  for (const pageInfo of DASHBOARD_PAGES) {
    const allowed = allowedTo(role, pageInfo);
    await test.step(`${allowed ? "sees" : "is refused"} ${pageInfo.path}`, async () => {
      const answer = await pageAnswer(request, pageInfo.path);
      expect(answer.path).toBe(pageInfo.path);
      if (!allowed) {
        // An HTTP 403, not a 200 drawing the 403 page: the layout checks above every loading boundary.
        expect(answer.status).toBe(403);
        expect(answer.errorPage).toBe(403);
        expect(answer.headings).not.toContain(pageInfo.heading);
      } else if (pageInfo.notFound) {
        expect(answer.errorPage).toBe(404);
      } else {
        expect(answer.status).toBe(200);
        expect(answer.errorPage).toBeUndefined();
        expect(answer.headings).toContain(pageInfo.heading);
      }
    });
  }
}

/** In a browser: the page shows its own heading, or the 403 page and not its heading. */
async function expectRendered(page: Page, pageInfo: DashboardPage, allowed: boolean): Promise<void> {
  await page.goto(pageInfo.path);
  if (allowed) {
    await expect(page.getByRole("heading", { level: 1, name: pageInfo.heading, exact: true })).toBeVisible();
  } else {
    await expect(page.getByRole("heading", { level: 1, name: FORBIDDEN_HEADING })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: pageInfo.heading, exact: true })).toHaveCount(0);
  }
}

test("anonymous visitors to every page go to the login page", async ({ playwright, baseURL, page }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    for (const pageInfo of DASHBOARD_PAGES) {
      await test.step(pageInfo.path, async () => {
        const answer = await pageAnswer(anonymous, pageInfo.path);
        const expected = pageInfo.path === "/" ? /^\/login$/ : new RegExp(`^/login\\?callbackUrl=${escapeRegExp(encodeURIComponent(pageInfo.path))}$`);
        expect(answer.path).toMatch(expected);
        expect(answer.headings).toEqual(["Sign in"]);
      });
    }
  } finally {
    await anonymous.dispose();
  }
  // And in a browser, for one page deep inside.
  const deep = DASHBOARD_PAGES.find((p) => p.path.split("/").length > 3)!;
  await page.goto(deep.path);
  await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${escapeRegExp(encodeURIComponent(deep.path))}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

/** The pages by section: their first path segment, the shell's pages (any signed-in user's) together. */
const SECTIONS = new Map<string, DashboardPage[]>();
for (const pageInfo of DASHBOARD_PAGES) {
  const section = pageInfo.permission === null ? "" : (pageInfo.path.split("/")[1] ?? "");
  SECTIONS.set(section, [...(SECTIONS.get(section) ?? []), pageInfo]);
}

test.describe("admin in a browser", () => {
  test.use({ storageState: roleState("admin") });

  // Split by section so the walks run side by side on the workers.
  for (const [section, pages] of SECTIONS) {
    test(`every page${section ? ` under /${section}` : " of the shell"} renders its heading in a browser`, async ({ page }) => {
      test.setTimeout(10_000 * pages.length + 30_000);
      for (const pageInfo of pages) {
        expect(allowedTo("admin", pageInfo), `the admin may open ${pageInfo.path}`).toBe(true);
        await test.step(pageInfo.path, () => expectRendered(page, pageInfo, true));
      }
    });
  }
});

for (const role of ROLES) {
  test.describe(role, () => {
    test.use({ storageState: roleState(role) });

    test(`${role} sees the pages of their role and is refused the others`, async ({ page }) => {
      await checkEveryAnswer(page.request, role);
      const refused = DASHBOARD_PAGES.find((pageInfo) => !allowedTo(role, pageInfo));
      if (refused) await test.step(`the browser shows the 403 page at ${refused.path}`, () => expectRendered(page, refused, false));
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

  test(`a person in the provider's "${IDP_GROUP[role]}" group signs in as ${role}, with no password kept here, and sees exactly the pages a local ${role} sees`, async ({ browser }) => {
    const { page, context, person } = await newSsoSignedInUser(browser, role, `matrix-sso-${role}`);
    try {
      await test.step("the account page: the provider's username and the mapped role, no password form", async () => {
        await page.goto("/account");
        const details = page.getByRole("definition");
        await expect(details.getByText(person.username, { exact: true })).toBeVisible();
        await expect(details.getByText(ROLE_LABELS[role], { exact: true })).toBeVisible();
        await expect(page.getByText(`You sign in with ${E2E_IDP_NAME}`)).toBeVisible();
        await expect(page.getByRole("form", { name: "Change password" })).toHaveCount(0);
      });
      await checkEveryAnswer(context.request, role);
    } finally {
      await context.close();
    }
  });
}
