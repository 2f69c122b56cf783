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
    globalSetup: ["./lib/testing/pglite-template.ts"],
  },
});
