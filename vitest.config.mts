import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside a React server bundle; unit tests run server code directly.
      "server-only": fileURLToPath(new URL("./lib/testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["{lib,app,components,scripts}/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default (cores - 1) is a single worker on a two-core machine such as CI's, leaving
    // one core to the mostly idle main process: the suites wait on PGlite and HTTP, so use both.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ["./lib/testing/pglite-template.ts"],
  },
});
