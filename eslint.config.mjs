import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", "data/**", "test-results/**", "playwright-report/**", "bench/results/**", "next-env.d.ts", "lib/db/migrations/**"]),
]);
