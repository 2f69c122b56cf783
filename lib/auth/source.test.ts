import { describe, expect, it } from "vitest";
import { vicidialSource } from "./source";

describe("VICIdial source", () => {
  it("keeps letters and digits of the username, at most 20", () => {
    expect(vicidialSource("jane.doe-2")).toBe("janedoe2");
    expect(vicidialSource("a_very_long_username_indeed_123")).toBe("averylongusernameind");
  });

  it("falls back to 'dashboard' when nothing is left", () => {
    expect(vicidialSource("._-")).toBe("dashboard");
  });
});
