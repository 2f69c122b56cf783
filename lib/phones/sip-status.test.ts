import { describe, expect, it } from "vitest";
import { NOT_REGISTERED, PEER_STATUSES, PEER_STATUS_INFO, sipStatusText } from "./sip-status";

describe("SIP status words", () => {
  it("names every value of VICIdial's peer_status ENUM, and says unknown when none was read", () => {
    expect(PEER_STATUSES.map((s) => sipStatusText(s, null).words)).toEqual(["Unknown to VICIdial", "Registered", "Not registered", "Reachable", "Lagged", "Unreachable"]);
    expect(sipStatusText(null, null)).toMatchObject({ words: "unknown", tone: "neutral" });
    expect(sipStatusText("registered", null).words).toBe("unknown");
  });

  it("adds the round trip VICIdial measured", () => {
    expect(sipStatusText("REACHABLE", 23)).toMatchObject({ words: "Reachable · 23 ms", tone: "green" });
    expect(sipStatusText("LAGGED", 1200)).toMatchObject({ words: "Lagged · 1200 ms", tone: "amber" });
  });

  it("counts everything but a working registration as not registered", () => {
    expect([...NOT_REGISTERED].sort()).toEqual(["LAGGED", "UNKNOWN", "UNREACHABLE", "UNREGISTERED"]);
    for (const status of NOT_REGISTERED) expect(PEER_STATUS_INFO[status].tone).not.toBe("green");
  });
});
