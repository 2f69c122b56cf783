import { describe, expect, it } from "vitest";
import { loginUrl, safeCallbackUrl } from "./callback-url";

describe("where sign-in returns to", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeCallbackUrl("/dids?q=1727&page=2")).toBe("/dids?q=1727&page=2");
    expect(safeCallbackUrl("/audit/12")).toBe("/audit/12");
  });

  it.each([
    ["https://evil.example/"],
    ["//evil.example/path"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["javascript:alert(1)"],
    ["/ /evil"],
    ["/\t/evil.example"],
    ["dids"],
    ["/login?callbackUrl=/x"],
    ["/api/auth/signout"],
    [""],
    [null],
    [undefined],
  ])("falls back to the overview for %s", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  it("builds the login URL, leaving the overview implicit", () => {
    expect(loginUrl("/")).toBe("/login");
    expect(loginUrl("/users?x=1")).toBe("/login?callbackUrl=%2Fusers%3Fx%3D1");
    expect(loginUrl("https://evil.example")).toBe("/login");
  });
});
