import { defineConfig } from "vitest/config";
import { resolve } from "./vitest.shared.mts";

/**
 * Process tests: the production build started as `npm start` runs it, on a PostgreSQL the tests
 * own, killed, restarted and doubled as an operator would. They need the build in .next-e2e, so
 * `npm test` runs them after it (scripts/test-all.mjs), one file at a time.
 */
export default defineConfig({
  resolve,
  test: {
    include: ["process-tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
