import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

/** An environment holding only these variables (Next types NODE_ENV as always present). */
const only = (variables: Record<string, string>) => variables as unknown as NodeJS.ProcessEnv;

describe("JOB_STALE_AFTER_MS", () => {
  it("defaults to 45 seconds", () => {
    expect(parseEnv(only({})).JOB_STALE_AFTER_MS).toBe(45_000);
  });

  it("must outlast two VICIdial timeouts, so no request outlives its sender's claim on the row", () => {
    expect(() => parseEnv(only({ JOB_STALE_AFTER_MS: "20000" }))).toThrow("Configuration error: JOB_STALE_AFTER_MS must be more than twice VICIDIAL_TIMEOUT_MS");
    expect(parseEnv(only({ JOB_STALE_AFTER_MS: "20001" })).JOB_STALE_AFTER_MS).toBe(20_001);
    expect(() => parseEnv(only({ JOB_STALE_AFTER_MS: "soon" }))).toThrow(/JOB_STALE_AFTER_MS/);
  });
});

describe("PASSWORD_HASH_COST", () => {
  it("is bcrypt cost 12 unless set, and stays within 4 to 15", () => {
    expect(parseEnv(only({})).PASSWORD_HASH_COST).toBe(12);
    expect(parseEnv(only({ PASSWORD_HASH_COST: "4" })).PASSWORD_HASH_COST).toBe(4);
    expect(() => parseEnv(only({ PASSWORD_HASH_COST: "3" }))).toThrow(/PASSWORD_HASH_COST/);
    expect(() => parseEnv(only({ PASSWORD_HASH_COST: "16" }))).toThrow(/PASSWORD_HASH_COST/);
  });
});
