import { randomBytes } from "node:crypto";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type { Role } from "../../lib/auth/permissions";
import { setIdpUser } from "./oidc-idp";
import { signedOutContext, uniqueUsername } from "./users";

/** What the browser tests' dashboard is told about the test identity provider. */
export const E2E_IDP_NAME = "Test IdP";
/** The provider's group for each role (OIDC_ROLE_MAP of the browser tests' dashboard). */
export const IDP_GROUP: Record<Role, string> = { admin: "callcenter-admins", supervisor: "supervisors", provisioning: "it", qa: "qa" };
export const E2E_ROLE_MAP = Object.entries(IDP_GROUP)
  .map(([role, group]) => `${group}=${role}`)
  .join(",");

export interface IdpPerson {
  username: string;
  password: string;
  groups: string[];
}

/** A new person at the provider (unique per run: specs share one provider). */
export async function newIdpPerson(prefix: string, groups: string[]): Promise<IdpPerson> {
  const person = { username: uniqueUsername(`sso-${prefix}`), password: `idp ${randomBytes(6).toString("base64url")}`, groups };
  await setIdpUser({ ...person, name: `SSO ${prefix}` });
  return person;
}

/**
 * "Sign in with Test IdP" on the dashboard, then the provider's own sign-in page (skipped when the
 * browser still has a session there). Does not wait for where it leads.
 */
export async function startSsoSignIn(page: Page, person: IdpPerson): Promise<void> {
  await page.goto("/login");
  const button = page.getByRole("button", { name: `Sign in with ${E2E_IDP_NAME}` });
  await expect(button).toBeEnabled();
  await button.click();
  const idpForm = page.getByRole("heading", { name: "Test IdP" });
  // Back at the dashboard at once when the provider still knows the browser: signed in, or refused.
  const backAtDashboard = page.getByTestId("current-user").or(page.getByText("Sign-in refused"));
  await expect(idpForm.or(backAtDashboard).first()).toBeVisible();
  if (await idpForm.isVisible()) {
    await page.getByLabel("Username").fill(person.username);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
}

/** A provider user of the given role, signed in in their own browser context. */
export async function newSsoSignedInUser(browser: Browser, role: Role, prefix: string = role): Promise<{ person: IdpPerson; context: BrowserContext; page: Page }> {
  const person = await newIdpPerson(prefix, [IDP_GROUP[role]]);
  const context = await signedOutContext(browser);
  const page = await context.newPage();
  await startSsoSignIn(page, person);
  await expect(page.getByTestId("current-user")).toHaveText(`SSO ${prefix}`);
  return { person, context, page };
}
