import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type { Role } from "../../lib/auth/permissions";
import { roleState } from "./roles";
import { devMode } from "./server";

export { expect };
export { roleState, roleUser } from "./roles";

/** Opens a page signed in as `role` (its stored state: no sign-in), in a context of its own. */
export type AsRole = (role: Role) => Promise<Page>;

/**
 * Every spec imports `test` from here: it points the browser at the server global setup started.
 * Signed in as one role for a whole spec: `test.use({ storageState: roleState("supervisor") })`;
 * as several in one test: `const qa = await asRole("qa")`.
 */
export const test = base.extend<{ asRole: AsRole }>({
  baseURL: async ({}, provide) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set: run through `npm run test:e2e`");
    await provide(url);
  },
  asRole: async ({ browser, baseURL }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (role) => {
      const context = await browser.newContext({ baseURL, storageState: roleState(role) });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

/** The local form (with single sign-on configured, /login shows the provider's button first). */
export const LOCAL_LOGIN_PATH = "/login?method=local";

/**
 * `timeout`: how long the signed-in page may take (longer where `next dev` may still compile it);
 * `callbackUrl`: the page to land on instead of the overview.
 */
export async function signIn(page: Page, username: string, password: string, { timeout, callbackUrl }: { timeout?: number; callbackUrl?: string } = {}): Promise<void> {
  await page.goto(callbackUrl ? `${LOCAL_LOGIN_PATH}&callbackUrl=${encodeURIComponent(callbackUrl)}` : LOCAL_LOGIN_PATH, { timeout });
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout });
}

export function signInAsAdmin(page: Page, options: { timeout?: number; callbackUrl?: string } = {}): Promise<void> {
  return signIn(page, "admin", process.env.DEMO_ADMIN_PASSWORD ?? "", options);
}

const COMPILE_TIMEOUT = 180_000;

/**
 * `next dev` compiles each page on its first request, far slower than a step's usual wait: open
 * every page a spec uses once, with patience, as the admin (`[path, heading]` to wait for that
 * heading). A production build has nothing to compile, so there it does nothing.
 */
export async function warmUp(browser: Browser, pages: (string | [path: string, heading: string])[]): Promise<void> {
  if (!devMode) return;
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, storageState: roleState("admin") });
  const page = await context.newPage();
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
export async function injectFault(faults: {
  hang?: boolean;
  http500?: boolean;
  http500AfterAnswer?: boolean;
  garbage?: boolean;
  reset?: boolean;
  latencyMs?: number;
  when?: Record<string, string>;
}): Promise<void> {
  const url = process.env.E2E_SIMULATOR_URL;
  if (!url) throw new Error("E2E_SIMULATOR_URL is not set");
  const res = await fetch(new URL("/__simulator/faults", url), { method: "POST", body: JSON.stringify(faults) });
  if (res.status !== 204) throw new Error(`simulator control answered ${res.status}`);
}

/** VICIdial's own API on the shared simulator, to put back what a journey added. */
export async function vicidial(parameters: Record<string, string>): Promise<string> {
  const url = process.env.E2E_SIMULATOR_URL;
  if (!url) throw new Error("E2E_SIMULATOR_URL is not set");
  const response = await fetch(url, { method: "POST", body: new URLSearchParams({ user: "6666", pass: "1234", source: "e2ecleanup", ...parameters }) });
  return response.text();
}

/** One table of the shared simulator's state (its test-only read endpoint), to check what VICIdial holds. */
export async function simulatorTable<T = Record<string, unknown>>(table: string): Promise<T[]> {
  const url = process.env.E2E_SIMULATOR_URL;
  if (!url) throw new Error("E2E_SIMULATOR_URL is not set");
  const res = await fetch(new URL(`/__simulator/state/${table}`, url));
  if (res.status !== 200) throw new Error(`simulator state ${table} answered ${res.status}`);
  return (await res.json()) as T[];
}
