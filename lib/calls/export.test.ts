import { describe, expect, it } from "vitest";
import { batchCsv, callCsv, callJson, csvCell, exportFileName } from "./export";
import type { CallInfo } from "./outcome";

const manual: CallInfo = {
  callId: "M2151015000000012345",
  customerTalkSeconds: 90,
  callDate: "2024-11-15 10:15:00",
  phoneNumber: "7275551234",
  callType: "OUTBOUND_MANUAL",
  campaignId: "TESTCAMP",
  listId: "998",
  status: "SALE",
  agentUser: "6666",
};

const HEADER = "call_id,direction,call_type,call_date,phone_number,campaign_or_in_group,list_id,status,agent,talk_time,talk_seconds";

describe("card export", () => {
  it("writes a header and one line with VICIdial's values and the m:ss talk time", () => {
    expect(callCsv(manual)).toBe(`${HEADER}\r\nM2151015000000012345,Outbound,OUTBOUND_MANUAL,2024-11-15 10:15:00,7275551234,TESTCAMP,998,SALE,6666,1:30,90\r\n`);
  });

  it("writes a negative talk time as is, not as a defused formula", () => {
    expect(callCsv({ ...manual, customerTalkSeconds: -5 })).toContain(",-0:05,-5\r\n");
  });

  it("writes JSON with the same fields and when it was looked up", () => {
    const json = JSON.parse(callJson(manual, new Date("2025-01-02T03:04:05Z")));
    expect(json).toEqual({
      call_id: "M2151015000000012345",
      direction: "Outbound",
      call_type: "OUTBOUND_MANUAL",
      call_date: "2024-11-15 10:15:00",
      phone_number: "7275551234",
      campaign_or_in_group: "TESTCAMP",
      list_id: "998",
      status: "SALE",
      agent: "6666",
      talk_time: "1:30",
      talk_seconds: 90,
      looked_up_at: "2025-01-02T03:04:05.000Z",
    });
  });
});

describe("batch export", () => {
  it("writes one line per call ID in table order, with the result and message of unfound ones", () => {
    const csv = batchCsv([
      { callId: manual.callId, state: "found", call: manual },
      { callId: "M9999999999999999999", state: "not_found", message: "VICIdial has no call with this call ID" },
      { callId: "M12345", state: "invalid", message: "A call ID has 18 to 30 characters; this one has 6" },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "call_id,result,message,direction,call_type,call_date,phone_number,campaign_or_in_group,list_id,status,agent,talk_time,talk_seconds",
      "M2151015000000012345,Found,,Outbound,OUTBOUND_MANUAL,2024-11-15 10:15:00,7275551234,TESTCAMP,998,SALE,6666,1:30,90",
      "M9999999999999999999,Not found,VICIdial has no call with this call ID,,,,,,,,,,",
      'M12345,Invalid call ID,A call ID has 18 to 30 characters; this one has 6,,,,,,,,,,',
      "",
    ]);
  });
});

describe("csvCell", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
  });

  it("defuses text a spreadsheet would run as a formula, but not numbers", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvCell("-0:05")).toBe("-0:05");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("-5")).toBe("-5");
  });
});

describe("exportFileName", () => {
  it("keeps letters, digits, dashes and underscores", () => {
    expect(exportFileName("call-M2151015000000012345", "csv")).toBe("call-M2151015000000012345.csv");
    expect(exportFileName("a/b c", "json")).toBe("a_b_c.json");
  });
});
