import { describe, expect, it } from "vitest";
import { callKind, formatAgent, formatPhone, formatStatus, formatTalkTime } from "./format";

describe("formatTalkTime: customer talk time as m:ss", () => {
  it.each([
    [90, "1:30"],
    [215, "3:35"],
    [5, "0:05"],
    [60, "1:00"],
    [3725, "62:05"],
    [0, "0:00"],
    [-5, "-0:05"],
    [-75, "-1:15"],
  ])("%d seconds is %s", (seconds, shown) => {
    expect(formatTalkTime(seconds)).toBe(shown);
  });

  it("never shows NaN", () => {
    expect(formatTalkTime(Number.NaN)).toBe("—");
  });
});

describe("formatPhone", () => {
  it("groups North American numbers", () => {
    expect(formatPhone("7275551234")).toBe("(727) 555-1234");
    expect(formatPhone("17275551234")).toBe("+1 (727) 555-1234");
  });

  it("leaves anything else exactly as VICIdial has it", () => {
    expect(formatPhone("442071234567")).toBe("442071234567");
    expect(formatPhone("5551234")).toBe("5551234");
    expect(formatPhone("")).toBe("");
  });
});

describe("callKind: direction and kind from call_type", () => {
  it.each([
    ["INBOUND", "Inbound", "Inbound", "In-group"],
    ["OUTBOUND_AUTO", "Outbound", "Outbound, auto-dial", "Campaign"],
    ["OUTBOUND_MANUAL", "Outbound", "Outbound, manual dial", "Campaign"],
    ["OUTBOUND_OTHER", "Outbound", "Outbound, other", "Campaign"],
  ])("%s", (callType, direction, label, groupLabel) => {
    expect(callKind(callType)).toEqual({ direction, label, groupLabel });
  });

  it("shows an unknown type as VICIdial sent it", () => {
    expect(callKind("OUTBOUND_PREDICTIVE")).toMatchObject({ direction: "Unknown", label: "OUTBOUND_PREDICTIVE" });
  });
});

describe("status and agent words", () => {
  it("explains VICIdial's system statuses and leaves campaign statuses alone", () => {
    expect(formatStatus("SALE")).toBe("SALE — Sale made");
    expect(formatStatus("NI")).toBe("NI — Not interested");
    expect(formatStatus("NA")).toBe("NA — No answer (auto-dial)");
    expect(formatStatus("XYZZY")).toBe("XYZZY");
  });

  it("says that VDAD is the auto-dialer, not a person", () => {
    expect(formatAgent("VDAD")).toBe("VDAD (auto-dialer, no agent)");
    expect(formatAgent("6666")).toBe("6666");
  });
});
