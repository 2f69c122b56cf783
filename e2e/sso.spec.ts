import { expect, test } from "./support/fixtures";
import { E2E_IDP_NAME, IDP_GROUP, newIdpPerson, newSsoSignedInUser, startSsoSignIn } from "./support/idp-users";
import { setIdpUser } from "./support/oidc-idp";
import { baseURL } from "./support/users";

/**
 * Single sign-on through a real OpenID Connect provider (oidc-provider on loopback, started by the
 * global setup): discovery, state and PKCE, the ID token and userinfo, then our role mapping.
 */
const NO_ROLE = "Your account at the identity provider is in no group that has a role in this dashboard.";

test.describe("single sign-on", () => {
  test("the sign-in page offers the provider first and the local form one link away", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("button", { name: `Sign in with ${E2E_IDP_NAME}` })).toBeFocused();
    await expect(page.getByLabel("Username")).toHaveCount(0);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Use a local account" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Username")).toBeVisible();
    await expect(page.getByRole("link", { name: `Sign in with ${E2E_IDP_NAME} instead` })).toBeVisible();
  });

  // Each role's sign-in through the provider (its account page, no password kept here) is checked
  // with that role's page answers in e2e/role-matrix.spec.ts: one provider round trip per role.

  test("a person whose groups map to no role is refused, told why, and the refusal is audited", async ({ page, asRole }) => {
    const person = await newIdpPerson("unmapped", ["marketing", "everyone"]);
    await startSsoSignIn(page, person);
    await expect(page.getByRole("alert").filter({ hasText: "Sign-in refused" })).toContainText(NO_ROLE);
    await expect(page).toHaveURL(/\/login\?error=NoRole/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);

    const adminPage = await asRole("admin");
    await adminPage.goto(`/audit?q=${person.username}&outcome=failed&signins=1`);
    const rows = adminPage.getByRole("table", { name: "Audit log entries" }).getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText("Sign-in refused");
    await expect(rows.nth(1)).toContainText("no role for groups [marketing, everyone]");
    // Never let in with a default role: no account was made.
    await adminPage.goto("/users");
    await expect(adminPage.getByRole("table", { name: "Dashboard users" })).toBeVisible();
    await expect(adminPage.getByText(person.username)).toHaveCount(0);
  });

  test("a group changed at the provider changes the role at the next sign-in and ends the old sessions; no group left, no entry", async ({ browser }) => {
    // Three round trips through the provider.
    test.setTimeout(240_000);
    const { page, context, person } = await newSsoSignedInUser(browser, "qa", "mover");
    await page.goto("/phones");
    await expect(page.getByRole("heading", { level: 1, name: "You do not have access to this page" })).toBeVisible();

    await setIdpUser({ ...person, name: "SSO mover", groups: [IDP_GROUP.provisioning] });
    // A second browser signs in after the change: the provider's groups are read again.
    const laptop = await browser.newContext({ baseURL: baseURL() });
    const laptopPage = await laptop.newPage();
    await startSsoSignIn(laptopPage, person);
    await expect(laptopPage.getByTestId("current-user")).toHaveText("SSO mover");
    await laptopPage.goto("/phones");
    await expect(laptopPage.getByRole("heading", { level: 1, name: "Phones" })).toBeVisible();
    // The session that still carried the old role is over.
    await page.goto("/dids");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdids/);

    // Every group removed: the next sign-in (the provider remembers the browser) is refused.
    await setIdpUser({ ...person, name: "SSO mover", groups: [] });
    await laptopPage.getByRole("button", { name: "Sign out" }).click();
    await expect(laptopPage).toHaveURL(/\/login/);
    await startSsoSignIn(laptopPage, person);
    await expect(laptopPage.getByRole("alert").filter({ hasText: "Sign-in refused" })).toContainText(NO_ROLE);
    await laptop.close();
    await context.close();
  });

  test("the users page shows where each account comes from and offers no password or role change for provider users", async ({ asRole, browser }) => {
    const { person, context } = await newSsoSignedInUser(browser, "supervisor", "listed");
    await context.close();
    const page = await asRole("admin");
    await page.goto("/users");
    const row = page.getByRole("row").filter({ hasText: person.username });
    await expect(row.getByText(E2E_IDP_NAME, { exact: true })).toBeVisible();
    await expect(row.getByRole("button", { name: `Disable ${person.username}` })).toBeVisible();
    await expect(row.getByRole("button", { name: `Reset password of ${person.username}` })).toHaveCount(0);
    await expect(row.getByLabel(`Role of ${person.username}`)).toHaveCount(0);
    const adminRow = page.getByRole("row").filter({ hasText: "Demo admin" });
    await expect(adminRow.getByText("Local", { exact: true })).toBeVisible();
    await expect(adminRow.getByRole("button", { name: "Reset password of admin" })).toBeVisible();
  });

  test("an admin sees the single sign-on settings, the environment's role map in force, and a bad map is refused beside the field", async ({ asRole }) => {
    const page = await asRole("admin");
    await page.goto("/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page.getByText("OIDC_ROLE_MAP in the environment")).toBeVisible();
    const inForce = page.getByRole("list", { name: "Role map in force" });
    await expect(inForce.getByRole("listitem")).toHaveCount(4);
    await expect(inForce).toContainText("callcenter-admins → Admin");
    await expect(page.getByText("/api/auth/callback/oidc")).toBeVisible();

    const form = page.getByRole("form", { name: "Role map" });
    const field = form.getByLabel("Groups and roles");
    await expect(form.getByRole("button", { name: "Save role map" })).toBeEnabled();
    await field.fill("callcenter-admins=owner");
    await form.getByRole("button", { name: "Save role map" }).click();
    await expect(form.getByText('The role map has "callcenter-admins=owner": the role must be one of admin, supervisor, provisioning, qa')).toBeVisible();
    await expect(field).toHaveValue("callcenter-admins=owner");

    await field.fill("callcenter-admins=admin\nsupervisors=supervisor");
    await form.getByRole("button", { name: "Save role map" }).click();
    await expect(page.getByText("Role map saved. OIDC_ROLE_MAP is set in the environment")).toBeVisible();
    // The environment still wins.
    await page.reload();
    await expect(page.getByRole("list", { name: "Role map in force" }).getByRole("listitem")).toHaveCount(4);
  });
});
