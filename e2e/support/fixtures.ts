import { test as base, expect, type Browser, type Page } from "@playwright/test";

export { expect };

/** Every spec imports `test` from here: it points the browser at the server global setup started. */
export const test = base.extend({
  baseURL: async ({}, provide) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set: run through `npm run test:e2e`");
    await provide(url);
  },
});

/** The local form (with single sign-on configured, /login shows the provider's button first). */
export const LOCAL_LOGIN_PATH = "/login?method=local";

/** `timeout`: how long the signed-in page may take (longer where `next dev` may still compile it). */
export async function signIn(page: Page, username: string, password: string, { timeout }: { timeout?: number } = {}): Promise<void> {
  await page.goto(LOCAL_LOGIN_PATH, { timeout });
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout });
}

export function signInAsAdmin(page: Page, options: { timeout?: number } = {}): Promise<void> {
  return signIn(page, "admin", process.env.DEMO_ADMIN_PASSWORD ?? "", options);
}

const COMPILE_TIMEOUT = 180_000;

/**
 * `next dev` compiles each page on its first request, far slower than a step's usual wait: sign
 * in once with patience and open every page a spec uses (`[path, heading]` to wait for that
 * heading). Cheap on a production build.
 */
export async function warmUp(browser: Browser, pages: (string | [path: string, heading: string])[]): Promise<void> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await signInAsAdmin(page, { timeout: COMPILE_TIMEOUT });
  for (const entry of pages) {
    const [path, name] = typeof entry === "string" ? [entry, undefined] : entry;
    await page.goto(path, { timeout: COMPILE_TIMEOUT });
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible({ timeout: COMPILE_TIMEOUT });
  }
  await context.close();
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
