import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { resolve } from "./vitest.shared.mts";

export default defineConfig({
  resolve,
  test: {
    include: ["{lib,app,components,scripts}/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default (cores - 1) is a single worker on a two-core machine such as CI's, leaving
    // one core to the mostly idle main process: the suites wait on PGlite and HTTP, so use both.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ["./lib/testing/database-templates.ts"],
  },
});
