import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // One rule for links: components/ui/link.tsx prefetches on intent, not on sight (see there).
    ignores: ["components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: 'Use { Link } from "@/components/ui/link": it prefetches when the user reaches for a link, not for every link in view.' }] }],
    },
  },
  globalIgnores([".next/**", ".next-*/**", "data/**", "test-results/**", "playwright-report/**", "bench/results/**", "next-env.d.ts", "lib/db/migrations/**"]),
]);
