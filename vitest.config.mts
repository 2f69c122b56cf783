import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import { resolve } from "./vitest.shared.mts";

const TEST_ROOTS = ["lib", "app", "components", "scripts"];
const TEST_FILE = /\.test\.tsx?$/;
/** What a suite changes for the whole process: module mocks, stubbed globals, environment variables. */
const CHANGES_PROCESS = /\bvi\.(mock|doMock|stubEnv|stubGlobal)\(|process\.env\.\w+\s*=[^=]|delete process\.env\./;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : testFiles(file);
    return TEST_FILE.test(entry.name) ? [file] : [];
  });
}

/**
 * Suites that change the process run each in a fresh one (Vitest's isolation); the others share
 * their worker's modules, which spares each file importing Next, next-auth, Drizzle and the
 * rest again. The split follows each file's own text, so a new suite that mocks is isolated
 * without a list to keep. A suite that only needs to choose who is signed in, or to stand in for
 * one function, replaces it for the file instead (lib/testing/replace-export.ts) and stays
 * shared: moving 15 action suites so took the unit tests from 101 to 83 s on two cores.
 */
const isolated = TEST_ROOTS.flatMap(testFiles).filter((file) => CHANGES_PROCESS.test(readFileSync(file, "utf8")));

export default defineConfig({
  resolve,
  test: {
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default (cores - 1) is a single worker on a two-core machine such as CI's, leaving
    // one core to the mostly idle main process: the suites wait on PGlite and HTTP, so use both.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ["./lib/testing/database-templates.ts"],
    projects: [
      { extends: true, test: { name: "isolated", include: isolated, isolate: true } },
      {
        extends: true,
        test: { name: "shared", include: TEST_ROOTS.map((root) => `${root}/**/*.test.{ts,tsx}`), exclude: [...configDefaults.exclude, ...isolated], isolate: false },
      },
    ],
  },
});
