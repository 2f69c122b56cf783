import { describe, expect, it } from "vitest";
import { batchTextSchema, callIdProblem, callIdSchema, lookupCallBatchSchema, lookupCallSchema, normalizeCallId, splitBatchText } from "./schemas";

const MANUAL = "M2151015000000012345";

describe("normalizeCallId: a call ID as people paste it", () => {
  it.each([
    ["  M2151015000000012345  ", MANUAL],
    ["\tM2151015000000012345\r\n", MANUAL],
    ['"M2151015000000012345"', MANUAL],
    ["'M2151015000000012345'", MANUAL],
    ["“M2151015000000012345”", MANUAL],
    ["` M2151015000000012345 `", MANUAL],
    [' "M2151015000000012345", ', 'M2151015000000012345",'],
    ["\u200BM2151015000000012345\uFEFF", MANUAL],
  ])("%j becomes %j", (pasted, expected) => {
    expect(normalizeCallId(pasted)).toBe(expected);
  });

  it("leaves the inside alone so the checks can report it", () => {
    expect(normalizeCallId(" M215 1015000000012345 ")).toBe("M215 1015000000012345");
  });
});

describe("callIdProblem: what VICIdial would refuse or never find", () => {
  it.each(["M2151015000000012345", "Y1115101600000012346", "V1115101700000012347", "J123456789012345678", "DC1234567890123456", "S12345678901234567", "LP1234567890123456", "VH1234567890123456", "XL1234567890123456"])(
    "accepts %s",
    (id) => expect(callIdProblem(id)).toBeUndefined(),
  );

  it("asks for a call ID when there is none", () => {
    expect(callIdProblem("")).toBe("Enter a call ID");
  });

  it("names the characters VICIdial would silently strip", () => {
    expect(callIdProblem("M215-1015000000012345")).toBe('A call ID has only letters and digits; this one also contains "-"');
    expect(callIdProblem("M215 10150 00000012345")).toContain("space");
  });

  it("refuses a prefix VICIdial does not know, naming the allowed ones", () => {
    expect(callIdProblem("A2151015000000012345")).toBe('A VICIdial call ID starts with Y, J, V, M, DC, S, LP, VH or XL; this one starts with "A"');
    expect(callIdProblem("12151015000000012345")).toContain('starts with "1"');
  });

  it("points out a lower-case prefix (VICIdial compares prefixes case-sensitively)", () => {
    expect(callIdProblem("m2151015000000012345")).toBe('A call ID starts with an upper-case prefix: "M", not "m"');
    expect(callIdProblem("dc1234567890123456")).toBe('A call ID starts with an upper-case prefix: "DC", not "dc"');
  });

  it("refuses IDs shorter than 18 characters with the count", () => {
    expect(callIdProblem("M12345")).toBe("A call ID has 18 to 30 characters; this one has 6");
    expect(callIdProblem("M1234567890123456")).toContain("this one has 17");
    expect(callIdProblem("M12345678901234567")).toBeUndefined();
  });

  it("refuses IDs over 30 characters: VICIdial accepts them but can never find them", () => {
    expect(callIdProblem(`M${"1".repeat(29)}`)).toBeUndefined();
    expect(callIdProblem(`M${"1".repeat(30)}`)).toBe("VICIdial stores call IDs of at most 30 characters, so this one (31) can never be found");
  });
});

describe("callIdSchema and lookupCallSchema", () => {
  it("outputs the cleaned ID that is sent to VICIdial", () => {
    expect(callIdSchema.parse(` "${MANUAL}" `)).toBe(MANUAL);
    expect(lookupCallSchema.parse({ callId: `'${MANUAL}'\n` })).toEqual({ callId: MANUAL });
  });

  it("puts the problem on the callId field", () => {
    const result = lookupCallSchema.safeParse({ callId: "M12345" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["callId"], message: "A call ID has 18 to 30 characters; this one has 6" })]);
  });

  it("reports a missing value as a missing call ID", () => {
    expect(lookupCallSchema.safeParse({}).error?.issues[0]?.message).toBe("Enter a call ID");
  });
});

describe("batch input", () => {
  it("splits lines, commas, semicolons and tabs, cleaning each item and skipping blanks", () => {
    const items = splitBatchText(` ${MANUAL}\r\n"Y1115101600000012346", V1115101700000012347;\n\n M12345 \t 'X1' ,, `);
    expect(items.map((i) => i.callId)).toEqual([MANUAL, "Y1115101600000012346", "V1115101700000012347", "M12345", "X1"]);
    expect(items.filter((i) => i.problem).map((i) => i.pasted)).toEqual(["M12345", "'X1'"]);
  });

  it("keeps duplicates as pasted (the lookup removes them)", () => {
    expect(splitBatchText(`${MANUAL}\n${MANUAL}`)).toHaveLength(2);
  });

  it("requires at least one and at most 500 call IDs", () => {
    expect(batchTextSchema.safeParse({ text: " \n , " }).error?.issues[0]?.message).toBe("Paste at least one call ID");
    const many = Array.from({ length: 501 }, (_, i) => `M${String(i).padStart(19, "0")}`).join("\n");
    expect(batchTextSchema.safeParse({ text: many }).error?.issues[0]?.message).toBe("Paste at most 500 call IDs; this has 501");
    expect(batchTextSchema.safeParse({ text: many.split("\n").slice(0, 500).join(",") }).success).toBe(true);
  });

  it("takes a server chunk of 1 to 10 IDs and leaves each ID's check to the lookup", () => {
    expect(lookupCallBatchSchema.safeParse({ callIds: [] }).success).toBe(false);
    expect(lookupCallBatchSchema.safeParse({ callIds: Array(11).fill(MANUAL) }).success).toBe(false);
    expect(lookupCallBatchSchema.safeParse({ callIds: [MANUAL, "bad"] }).success).toBe(true);
  });
});
