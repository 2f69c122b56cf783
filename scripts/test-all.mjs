#!/usr/bin/env node
// The one test command (`npm test`): typecheck, lint, unit/integration tests, a production
// build, process tests on it (crash, restart, two instances), browser tests. Stops at the first failing stage and ends with one summary line.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

// The path e2e/support/chromium.ts defaults to: Debian's headless Chromium.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y chromium-headless-shell" (Playwright cannot download its own browser here).`);
  process.exit(1);
}

// VICIdial's database for the cluster-read tests: a throwaway MariaDB unless one is given
// (.ci/run starts its own). Every stage below inherits TEST_MARIADB_ADMIN_URL from this process.
if (!process.env.TEST_MARIADB_ADMIN_URL) {
  const mariadbd = ["/usr/sbin/mariadbd", "/usr/bin/mariadbd"].find((file) => existsSync(file));
  if (!mariadbd) {
    console.error('MariaDB server not found: install it with "apt-get install -y mariadb-server" (the cluster-read tests run on a real MariaDB), or set TEST_MARIADB_ADMIN_URL.');
    process.exit(1);
  }
  const exports = execFileSync("bash", [".ci/start-mariadb.sh"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  for (const [, name, value] of exports.matchAll(/^export (\w+)=(.*)$/gm)) process.env[name] = value;
  const dataDir = process.env.TEST_MARIADB_DATA_DIR;
  const stopMariadb = () => spawnSync("bash", [".ci/stop-mariadb.sh", dataDir], { stdio: "ignore" });
  process.on("exit", stopMariadb);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
}

// Not in test-results/: Playwright empties that directory when it starts.
const VITEST_JSON = "test-reports/vitest.json";
const PROCESS_JSON = "test-reports/vitest-process.json";
const PLAYWRIGHT_JSON = "test-reports/playwright.json";
rmSync(VITEST_JSON, { force: true });
rmSync(PROCESS_JSON, { force: true });
rmSync(PLAYWRIGHT_JSON, { force: true });

const LINT = ["Lint", "npx", ["eslint", "--max-warnings=0", "."]];
const TYPECHECK = ["Typecheck", process.execPath, ["node_modules/typescript7/bin/tsc", "--noEmit"]];
const BUILD = ["Production build for browser and process tests", "npx", ["next", "build"], { NEXT_DIST_DIR: ".next-e2e" }];
const UNIT = ["Unit and integration tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_JSON}`]];
const PROCESS = [
  "Process tests",
  "npx",
  ["vitest", "run", "--config", "vitest.process.config.mts", "--reporter=default", "--reporter=json", `--outputFile.json=${PROCESS_JSON}`],
  { NEXT_DIST_DIR: ".next-e2e" },
];
const BROWSER = ["Browser tests", "npx", ["playwright", "test"], { NEXT_DIST_DIR: ".next-e2e", E2E_SKIP_BUILD: "1" }];

// Stages run one after another. A stage's lanes run side by side, and the steps of a lane one
// after another: lint keeps one core busy for ~30 s, beside it the typecheck (~12 s) and then the
// build, which would otherwise wait for lint with a core idle (measured here: 41-45 s for the
// stage where typecheck and lint, then the build, took 47-50 s). A failed typecheck still stops
// the build. The process tests (SIGKILL, their own PostgreSQL restarted, two instances;
// process-tests/) mostly wait on their jobs and restarts, so they run beside the unit tests, on
// the build made first; the browser suite, the longest stage, then has the machine to itself.
// Measured on two cores: process tests beside the browser suite, 460 s in all; beside the unit
// tests, 415 s. Typecheck with TypeScript 7, the compiler in native code: 7-14 s here where
// TypeScript 5.9 took 34-40 s. The typescript 5.9 package stays for the tools that use its
// JavaScript API (Next, typescript-eslint, editors); both accept the same code.
const stages = [[[LINT], [TYPECHECK, BUILD]], [[UNIT], [PROCESS]], [[BROWSER]]];

// No network here: telemetry would only wait on refused connections.
process.env.NEXT_TELEMETRY_DISABLED = "1";

/**
 * Runs one step; resolves to whether it passed. A step alone in its stage prints as it goes; steps
 * side by side print their output once each is done, so the two never interleave.
 */
function runStep([name, cmd, args, extraEnv], alone) {
  const t0 = Date.now();
  if (alone) console.log(`\n━━ ${name} ━━`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: alone ? "inherit" : ["ignore", "pipe", "pipe"], env: { ...process.env, ...extraEnv } });
    const output = [];
    child.stdout?.on("data", (chunk) => output.push(chunk));
    child.stderr?.on("data", (chunk) => output.push(chunk));
    child.on("close", (code) => {
      if (!alone) {
        console.log(`\n━━ ${name} ━━`);
        process.stdout.write(Buffer.concat(output));
      }
      console.log(`━━ ${name}: ${code === 0 ? "ok" : "FAILED"} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      resolve(code === 0);
    });
  });
}

/** Runs a lane's steps in order, up to the first that fails; resolves to that step's name, if any. */
async function runLane(lane, alone) {
  for (const step of lane) if (!(await runStep(step, alone))) return step[0];
  return undefined;
}

const started = Date.now();
let failedStep;
for (const stage of stages) {
  const failed = (await Promise.all(stage.map((lane) => runLane(lane, stage.length === 1)))).filter(Boolean);
  if (failed.length > 0) {
    failedStep = failed.join(", ");
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
