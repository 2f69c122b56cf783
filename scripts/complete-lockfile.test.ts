import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without type declarations
import { missingOptionalEntries } from "./complete-lockfile.mjs";

describe("package-lock.json", () => {
  it("has an entry for every optional platform binary, so `npm ci` on a fresh machine accepts it", () => {
    const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8"));
    expect(Object.keys(missingOptionalEntries(lock))).toEqual([]);
  });

  it("the completion step finds entries a registry-filtered install leaves out", () => {
    const lock = {
      packages: {
        "": { dependencies: { next: "16.4.6" } },
        "node_modules/next": { version: "16.4.6", optionalDependencies: { "@next/swc-darwin-x64": "16.4.6", "@next/swc-linux-x64-gnu": "16.4.6" } },
        "node_modules/@next/swc-linux-x64-gnu": { version: "16.4.6", optional: true },
      },
    };
    expect(missingOptionalEntries(lock)).toEqual({ "node_modules/@next/swc-darwin-x64": { version: "16.4.6", optional: true } });
  });
});
