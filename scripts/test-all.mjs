#!/usr/bin/env node
// The one test command (`npm test`): typecheck, lint, unit/integration tests, a production
// build, process tests on it (crash, restart, two instances), browser tests. Stops at the first failing step and ends with one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium" (Playwright cannot download its own browser here).`);
  process.exit(1);
}

// Not in test-results/: Playwright empties that directory when it starts.
const VITEST_JSON = "test-reports/vitest.json";
const PROCESS_JSON = "test-reports/vitest-process.json";
const PLAYWRIGHT_JSON = "test-reports/playwright.json";
rmSync(VITEST_JSON, { force: true });
rmSync(PROCESS_JSON, { force: true });
rmSync(PLAYWRIGHT_JSON, { force: true });

const steps = [
  ["Typecheck", "npx", ["tsc", "--noEmit"]],
  ["Lint", "npx", ["eslint", "--max-warnings=0", "."]],
  ["Unit and integration tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`]],
  ["Production build for browser tests", "npx", ["next", "build"], { NEXT_DIST_DIR: ".next-e2e" }],
  // Real processes on the build: SIGKILL, PostgreSQL restarted, two instances (process-tests/).
  [
    "Process tests",
    "npx",
    ["vitest", "run", "--config", "vitest.process.config.mts", "--reporter=default", "--reporter=json", `--outputFile.json=${PROCESS_JSON}`],
    { NEXT_DIST_DIR: ".next-e2e" },
  ],
  ["Browser tests", "npx", ["playwright", "test"], { NEXT_DIST_DIR: ".next-e2e", E2E_SKIP_BUILD: "1" }],
];

// No network here: telemetry would only wait on refused connections.
process.env.NEXT_TELEMETRY_DISABLED = "1";

const started = Date.now();
let failedStep;
for (const [name, cmd, args, extraEnv] of steps) {
  const t0 = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  console.log(`━━ ${name}: ${res.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (res.status !== 0) {
    failedStep = name;
    break;
  }
}

function counts(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  return read(JSON.parse(readFileSync(file, "utf8")));
}
const vitestCounts = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests });
const unit = counts(VITEST_JSON, vitestCounts);
const processes = counts(PROCESS_JSON, vitestCounts);
const vitest = { passed: unit.passed + processes.passed, failed: unit.failed + processes.failed, skipped: unit.skipped + processes.skipped };
const playwright = counts(PLAYWRIGHT_JSON, (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped }));
const passed = vitest.passed + playwright.passed;
const failed = vitest.failed + playwright.failed;
const skipped = vitest.skipped + playwright.skipped;

console.log(`\nVitest: ${unit.passed} passed, ${unit.failed} failed · Process tests: ${processes.passed} passed, ${processes.failed} failed · Playwright: ${playwright.passed} passed, ${playwright.failed} failed · ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (failedStep) console.log(`Stopped at: ${failedStep}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failedStep || failed > 0 ? 1 : 0);
