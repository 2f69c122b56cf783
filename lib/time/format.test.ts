import { describe, expect, it } from "vitest";
import {
  dayInZone,
  formatDateTime,
  formatDayLabel,
  formatExact,
  formatRelative,
  formatTimeOfDay,
  formatVicidialTime,
  nextDay,
  offsetLabel,
  startOfDayInZone,
  validZone,
} from "./format";

const at = new Date("2026-11-30T07:04:05Z");

describe("instants in the viewer's zone", () => {
  it("shows the same instant in each zone with that zone's offset beside it", () => {
    expect(formatDateTime(at, "UTC")).toBe("Nov 30, 2026, 7:04 AM UTC");
    expect(formatDateTime(at, "America/New_York")).toBe("Nov 30, 2026, 2:04 AM UTC−5");
    expect(formatDateTime(at, "Asia/Kolkata")).toBe("Nov 30, 2026, 12:34 PM UTC+5:30");
    expect(formatDateTime(at.toISOString(), "Europe/Berlin")).toBe("Nov 30, 2026, 8:04 AM UTC+1");
  });

  it("follows daylight saving: the offset is the one in force at that instant", () => {
    expect(offsetLabel(new Date("2026-07-01T12:00:00Z"), "America/New_York")).toBe("UTC−4");
    expect(offsetLabel(new Date("2026-01-01T12:00:00Z"), "America/New_York")).toBe("UTC−5");
  });

  it("gives the exact instant for the hover: seconds, zone name and UTC", () => {
    expect(formatExact(at, "America/New_York")).toBe("Mon, Nov 30, 2026, 2:04:05 AM UTC−5 (America/New_York) · 2026-11-30T07:04:05Z");
    expect(formatTimeOfDay(at, "UTC")).toBe("7:04:05 AM UTC");
  });

  it("shows a dash for a value that is not a time rather than 'Invalid Date'", () => {
    expect(formatDateTime("not a date", "UTC")).toBe("—");
  });

  it("accepts only zones Intl knows, so a hand-edited cookie cannot break a page", () => {
    expect(validZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(validZone("Mars/Olympus")).toBeNull();
    expect(validZone("UTC; drop table")).toBeNull();
    expect(validZone(undefined)).toBeNull();
  });
});

describe("relative times", () => {
  const now = at.getTime();
  const ago = (seconds: number) => new Date(now - seconds * 1000);
  it("words recent instants and gives up after a week", () => {
    expect(formatRelative(ago(10), now)).toBe("just now");
    expect(formatRelative(ago(-30), now)).toBe("just now");
    expect(formatRelative(ago(180), now)).toBe("3 min ago");
    expect(formatRelative(ago(2 * 3600), now)).toBe("2 h ago");
    expect(formatRelative(ago(30 * 3600), now)).toBe("yesterday");
    expect(formatRelative(ago(5 * 86_400), now)).toBe("5 days ago");
    expect(formatRelative(ago(9 * 86_400), now)).toBeNull();
  });
});

describe("days in a zone", () => {
  it("puts an instant on the viewer's calendar day", () => {
    expect(dayInZone(new Date("2026-11-30T03:00:00Z"), "UTC")).toBe("2026-11-30");
    expect(dayInZone(new Date("2026-11-30T03:00:00Z"), "America/Los_Angeles")).toBe("2026-11-29");
  });

  it("finds when a day starts in a zone, also on a daylight-saving change", () => {
    expect(startOfDayInZone("2026-11-30", "UTC").toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(startOfDayInZone("2026-11-30", "America/New_York").toISOString()).toBe("2026-11-30T05:00:00.000Z");
    expect(startOfDayInZone("2026-03-08", "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayInZone("2026-03-09", "America/New_York").toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(formatDayLabel("2026-11-30")).toBe("Nov 30");
  });
});

describe("VICIdial server time", () => {
  it("reads VICIdial's server-local date without shifting it to another zone", () => {
    expect(formatVicidialTime("2024-11-15 10:15:00")).toBe("Fri, Nov 15, 2024, 10:15:00 AM");
    expect(formatVicidialTime("2024-11-15 00:05:09")).toBe("Fri, Nov 15, 2024, 12:05:09 AM");
    expect(formatVicidialTime("2024-02-29 23:59:59")).toBe("Thu, Feb 29, 2024, 11:59:59 PM");
  });

  it("shows anything that is not a VICIdial date as it came", () => {
    expect(formatVicidialTime("0000-00-00 00:00:00")).toBe("0000-00-00 00:00:00");
    expect(formatVicidialTime("2023-02-29 10:00:00")).toBe("2023-02-29 10:00:00");
    expect(formatVicidialTime("yesterday")).toBe("yesterday");
  });
});
