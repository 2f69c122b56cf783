import { describe, expect, it } from "vitest";
import { splitBatchText } from "@/lib/calls/schemas";
import { mergeResults, planBatch, sortRows, type TableRow } from "./batch-table";
import type { CallInfo } from "./outcome";

const MANUAL = "M2151015000000012345";
const INBOUND = "Y1115101600000012346";
const AUTO = "V1115101700000012347";

const call = (callId: string, over: Partial<CallInfo>): CallInfo => ({
  callId,
  customerTalkSeconds: 0,
  callDate: "2024-11-15 10:00:00",
  phoneNumber: "",
  callType: "OUTBOUND_MANUAL",
  campaignId: "TESTCAMP",
  listId: "998",
  status: "",
  agentUser: "",
  ...over,
});

describe("planBatch", () => {
  it("marks invalid IDs at once, sends each valid ID once, and counts what was pasted", () => {
    const plan = planBatch(splitBatchText(`${MANUAL}\n"${MANUAL}"\nM12345\n${INBOUND}, M12345 ,${AUTO}`));
    expect(plan.toSend).toEqual([MANUAL, INBOUND, AUTO]);
    expect(plan.rows.map((r) => [r.callId, r.state])).toEqual([
      [MANUAL, "pending"],
      ["M12345", "invalid"],
      [INBOUND, "pending"],
      [AUTO, "pending"],
    ]);
    expect(plan).toMatchObject({ pasted: 6, duplicates: 2, invalid: 1 });
  });
});

describe("mergeResults", () => {
  it("fills in finished rows and leaves the rest waiting, in pasted order", () => {
    const rows = planBatch(splitBatchText(`${MANUAL}\n${INBOUND}`)).rows;
    const merged = mergeResults(rows, [{ callId: INBOUND, state: "not_found", message: "VICIdial has no call with this call ID" }]);
    expect(merged.map((r) => r.state)).toEqual(["pending", "not_found"]);
  });
});

describe("sortRows", () => {
  const rows: TableRow[] = [
    { callId: MANUAL, state: "found", call: call(MANUAL, { customerTalkSeconds: 90, status: "SALE", callDate: "2024-11-15 10:15:00" }) },
    { callId: "M12345", state: "invalid", message: "too short" },
    { callId: INBOUND, state: "found", call: call(INBOUND, { customerTalkSeconds: 215, status: "NI", callDate: "2024-11-15 10:16:00" }) },
    { callId: AUTO, state: "found", call: call(AUTO, { customerTalkSeconds: -5, status: "NA", callDate: "2024-11-15 10:17:00" }) },
  ];
  const ids = (sorted: TableRow[]) => sorted.map((r) => r.callId);

  it("sorts talk time as numbers, negative first", () => {
    expect(ids(sortRows(rows, "talk", "asc"))).toEqual([AUTO, MANUAL, INBOUND, "M12345"]);
    expect(ids(sortRows(rows, "talk", "desc"))).toEqual([INBOUND, MANUAL, AUTO, "M12345"]);
  });

  it("keeps rows without a call at the bottom in both directions", () => {
    expect(ids(sortRows(rows, "status", "desc")).at(-1)).toBe("M12345");
    expect(ids(sortRows(rows, "status", "asc"))).toEqual([AUTO, INBOUND, MANUAL, "M12345"]);
  });

  it("sorts by result and call ID for every row", () => {
    expect(ids(sortRows(rows, "result", "asc"))).toEqual([MANUAL, INBOUND, AUTO, "M12345"]);
    expect(ids(sortRows(rows, "callId", "desc"))).toEqual([INBOUND, AUTO, MANUAL, "M12345"]);
  });
});
