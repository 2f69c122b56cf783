import { test as base, expect, type Page } from "@playwright/test";

export { expect };

/** Every spec imports `test` from here: it points the browser at the server global setup started. */
export const test = base.extend({
  baseURL: async ({}, provide) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set: run through `npm run test:e2e`");
    await provide(url);
  },
});

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export function signInAsAdmin(page: Page): Promise<void> {
  return signIn(page, "admin", process.env.DEMO_ADMIN_PASSWORD ?? "");
}

/**
 * Breaks the shared simulator for requests carrying `when`'s parameter values only (so parallel
 * tests are not affected). Pass `{}` to clear. See SimulatorFaults in lib/simulator/types.ts.
 */
export async function injectFault(faults: { hang?: boolean; http500?: boolean; garbage?: boolean; reset?: boolean; latencyMs?: number; when?: Record<string, string> }): Promise<void> {
  const url = process.env.E2E_SIMULATOR_URL;
  if (!url) throw new Error("E2E_SIMULATOR_URL is not set");
  const res = await fetch(new URL("/__simulator/faults", url), { method: "POST", body: JSON.stringify(faults) });
  if (res.status !== 204) throw new Error(`simulator control answered ${res.status}`);
}
