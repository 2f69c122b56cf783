import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { countsAsActivity, sessionExpired, sessionLimits } from "./session-lifetime";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe("session lifetime", () => {
  it("defaults to 8 hours idle and 12 hours in all", () => {
    expect(sessionLimits({})).toEqual({ idleSeconds: 8 * 3600, maxAgeSeconds: 12 * 3600 });
    expect(sessionLimits({ SESSION_IDLE_MINUTES: "30", SESSION_MAX_HOURS: "24" })).toEqual({ idleSeconds: 1800, maxAgeSeconds: 86_400 });
  });

  it("stops start-up with one line for a value that cannot work", () => {
    expect(() => parseEnv(env({ SESSION_IDLE_MINUTES: "0" }))).toThrow("Configuration error: SESSION_IDLE_MINUTES must be at least 1");
    expect(() => parseEnv(env({ SESSION_MAX_HOURS: "soon" }))).toThrow(/^Configuration error: SESSION_MAX_HOURS/);
    expect(() => parseEnv(env({ SESSION_IDLE_MINUTES: "600", SESSION_MAX_HOURS: "8" }))).toThrow(
      "Configuration error: SESSION_IDLE_MINUTES must not be longer than SESSION_MAX_HOURS",
    );
  });

  it("counts idle time from the last activity, or from sign-in for a token without one", () => {
    const limits = { idleSeconds: 100, maxAgeSeconds: 1000 };
    const at = (seconds: number) => new Date(seconds * 1000);
    expect(sessionExpired({ signedInAt: 0 }, at(100), limits)).toBe(false);
    expect(sessionExpired({ signedInAt: 0 }, at(101), limits)).toBe(true);
    expect(sessionExpired({ signedInAt: 0, activeAt: 950 }, at(1000), limits)).toBe(false);
    expect(sessionExpired({ signedInAt: 0, activeAt: 999 }, at(1001), limits)).toBe(true);
  });

  it("counts what the user does, not what an open tab polls", () => {
    expect(countsAsActivity("/dids", new Headers())).toBe(true);
    expect(countsAsActivity("/api/connection", new Headers())).toBe(false);
    expect(countsAsActivity("/dids", new Headers({ "next-router-prefetch": "1" }))).toBe(false);
  });
});
