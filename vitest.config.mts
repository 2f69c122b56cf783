import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { resolve } from "./vitest.shared.mts";

/** Tests that set process.env.TZ: a worker thread cannot change the process's time zone. */
const TIME_ZONE_TESTS = ["lib/simulator/server.test.ts"];

export default defineConfig({
  resolve,
  test: {
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Vitest's default (cores - 1) is a single worker on a two-core machine such as CI's, leaving
    // one core to the mostly idle main process: the suites wait on PGlite and HTTP, so use both.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,app,components,scripts}/**/*.test.{ts,tsx}"],
          exclude: TIME_ZONE_TESTS,
          // Threads: a quarter less CPU than a process per file (measured on ten suites), the
          // same isolation of modules, and process.env is each thread's own copy.
          pool: "threads",
          globalSetup: ["./lib/testing/database-templates.ts"],
        },
      },
      { extends: true, test: { name: "time zones", include: TIME_ZONE_TESTS, pool: "forks" } },
    ],
  },
});
