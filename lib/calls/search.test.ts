import { describe, expect, it } from "vitest";
import { parseCallSearch, phoneVariants } from "./search";

const NOW = "2025-03-04 17:30:12";

describe("call search from the URL", () => {
  it("finds a number however it was pasted, with and without the country code", () => {
    expect(phoneVariants("(727) 555-1234")).toEqual(["7275551234", "17275551234"]);
    expect(phoneVariants("+1 727-555-1234")).toEqual(["7275551234", "17275551234"]);
    expect(phoneVariants(" 727.555.1234 ")).toEqual(["7275551234", "17275551234"]);
    expect(phoneVariants("+44 20 7946 0958")).toEqual(["442079460958"]);
    expect(phoneVariants("727-CALL-NOW")).toBeNull();
  });

  it("is always bounded: the last 7 days up to VICIdial's now unless dates are given", () => {
    const parsed = parseCallSearch({}, NOW);
    expect(parsed.search).toMatchObject({ from: "2025-02-25 17:30:12", to: NOW, offset: 0, limit: 25 });
    expect(parsed.asked).toBe(false);
    expect(parsed.values.from).toBe("2025-02-25T17:30");
  });

  it("reads every filter, the page and the order", () => {
    const parsed = parseCallSearch(
      { phone: "+1 (727) 555-1234", from: "2025-03-04T13:00", to: "2025-03-04T18:00", agent: "agent101", group: "SUPPORT", status: "sale", direction: "inbound", callId: ' "Y3041030000005002001" ', page: "3", order: "oldest" },
      NOW,
    );
    expect(parsed.errors).toEqual({});
    expect(parsed.search).toEqual({
      from: "2025-03-04 13:00:00",
      to: "2025-03-04 18:00:59",
      phones: ["7275551234", "17275551234"],
      agent: "agent101",
      group: "SUPPORT",
      status: "SALE",
      direction: "inbound",
      callId: "Y3041030000005002001",
      oldestFirst: true,
      offset: 50,
      limit: 25,
    });
  });

  it("says what is wrong next to each field and searches nothing", () => {
    const parsed = parseCallSearch({ phone: "call me", from: "2025-03-05T10:00", to: "2025-03-04T10:00", agent: "a b", callId: "X123" }, NOW);
    expect(parsed.search).toBeNull();
    expect(parsed.errors.phone).toMatch(/Enter a phone number/);
    expect(parsed.errors.to).toBe("The end is before the start");
    expect(parsed.errors.agent).toMatch(/at most 20 letters/);
    expect(parsed.errors.callId).toMatch(/starts with/);
    expect(parseCallSearch({ from: "2024-01-01T00:00", to: "2025-03-04T00:00" }, NOW).errors.from).toMatch(/at most 92 days/);
    expect(parseCallSearch({ from: "yesterday" }, NOW).errors.from).toMatch(/Enter a date and time/);
  });
});
