import { defineConfig } from "@playwright/test";
import { CHROMIUM_PATH } from "./e2e/support/chromium";

/**
 * Browser tests drive Debian's Chromium (Playwright cannot download a browser here) against a
 * production build that e2e/support/global-setup.ts starts on a free port with fresh data. The
 * "setup" project signs every role in once and stores its state (e2e/support/roles.ts); every
 * spec depends on it, so running one spec file runs it first.
 */
// `next dev` compiles each page on first visit: allow for that while developing (E2E_DEV=1).
const dev = process.env.E2E_DEV === "1";

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  // Tests of a file spread over the workers too (a journey that must run in order says so with
  // `test.describe.configure({ mode: "serial" })`); every test makes its own names.
  fullyParallel: true,
  // Two: one per core of a machine like CI's (the server and the browsers need the cores too); E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // A failing test runs once more, recording a trace (see `trace`); it still counts as failed
  // (scripts/test-all.mjs counts flaky as failed).
  retries: 1,
  // A 2-core machine shared by the server and the browsers (and, while developing, more): leave room.
  timeout: dev ? 240_000 : 90_000,
  expect: { timeout: dev ? 90_000 : 20_000 },
  projects: [
    // Every spec waits on this one test: patience, so a loaded machine does not fail the whole run.
    {
      name: "setup",
      testMatch: /\.setup\.ts$/,
      timeout: 600_000,
      expect: { timeout: 120_000 },
      use: { navigationTimeout: 120_000, actionTimeout: 120_000 },
    },
    { name: "chromium", dependencies: ["setup"], testIgnore: /\.setup\.ts$/ },
  ],
  reporter: [["list"], ["json", { outputFile: "test-reports/playwright.json" }]],
  use: {
    browserName: "chromium",
    navigationTimeout: dev ? 120_000 : 20_000,
    viewport: { width: 1280, height: 720 },
    // Recording a trace for every test (retain-on-failure) nearly doubled the suite's time
    // (auth and users specs: 72 s without, 127 s with): only the retry of a failed test records one.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      // The machine's network is closed: background connections only produce refused requests.
      // No spare renderer: Chromium starts one ahead for the next navigation, and a suite that
      // opens a fresh context per test mostly throws it away (Chromium's CPU on the auth, users and
      // DID specs: 37-38.5 CPU-s with it, 31.7-32.1 without).
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-features=SpareRendererForSitePerProcess",
      ],
    },
  },
});
