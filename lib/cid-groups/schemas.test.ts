import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { addCidEntrySchema, addCidGroupSchema, deleteCidEntriesSchema, updateCidEntriesSchema } from "./schemas";

/** The first message on each field, as the form shows it. */
function fieldErrors(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

const entry = { groupId: "US_SALES", areacode: "312", outboundCid: "3125551212", description: "Chicago main", active: true };

describe("adding a CID group entry", () => {
  it("accepts an area code or a state, a 4 to 20 digit CID and a plain description", () => {
    expect(addCidEntrySchema.parse(entry)).toEqual(entry);
    expect(addCidEntrySchema.safeParse({ ...entry, areacode: "FL", outboundCid: "1234" }).success).toBe(true);
    expect(addCidEntrySchema.safeParse({ ...entry, outboundCid: "1".repeat(20), description: "" }).success).toBe(true);
  });

  it("trims what was pasted around a value", () => {
    expect(addCidEntrySchema.parse({ ...entry, areacode: " 312 ", outboundCid: " 3125551212\t" })).toMatchObject({ areacode: "312", outboundCid: "3125551212" });
  });

  it("cleans a pasted phone number to digits, and refuses anything else VICIdial would strip", () => {
    expect(addCidEntrySchema.parse({ ...entry, outboundCid: "(312) 555-1212" }).outboundCid).toBe("3125551212");
    expect(addCidEntrySchema.parse({ ...entry, outboundCid: "+13125551212" }).outboundCid).toBe("13125551212");
    expect(fieldErrors(addCidEntrySchema, { ...entry, outboundCid: "312-555-CALL" }).outboundCid).toBe(
      "The outbound CID may contain only digits; VICIdial would silently remove “-”, “C”, “A” and “L”",
    );
  });

  it("refuses a CID VICIdial would refuse (under 4 digits) or truncate (over 20)", () => {
    expect(fieldErrors(addCidEntrySchema, { ...entry, outboundCid: "123" }).outboundCid).toBe("The outbound CID must be at least 4 digits");
    expect(fieldErrors(addCidEntrySchema, { ...entry, outboundCid: "1".repeat(21) }).outboundCid).toBe("The outbound CID is at most 20 digits");
    expect(fieldErrors(addCidEntrySchema, { ...entry, outboundCid: "---ALL---" }).outboundCid).toBe("Enter one caller ID number, not ---ALL---");
  });

  it("refuses an area code longer than the 5 characters VICIdial keeps, or ---ALL---", () => {
    expect(fieldErrors(addCidEntrySchema, { ...entry, areacode: "727555" }).areacode).toBe("VICIdial keeps only 5 characters of an area code or state");
    expect(fieldErrors(addCidEntrySchema, { ...entry, areacode: "---ALL---" }).areacode).toBe("Choose one area code or state, not ---ALL---");
    expect(fieldErrors(addCidEntrySchema, { ...entry, areacode: "" }).areacode).toBe("Enter an area code or state");
    expect(fieldErrors(addCidEntrySchema, { ...entry, areacode: "7-27" }).areacode).toBe("Use only letters and digits; VICIdial would silently remove “-”");
  });

  it("refuses description characters VICIdial drops and text past its 50-character column", () => {
    expect(fieldErrors(addCidEntrySchema, { ...entry, description: "Tampa & St. Pete's" }).description).toBe(
      "Use only letters, digits, spaces and . , - _; VICIdial would silently remove “&” and “'”",
    );
    expect(fieldErrors(addCidEntrySchema, { ...entry, description: "x".repeat(51) }).description).toBe(
      "The description is at most 50 characters (VICIdial would cut the rest)",
    );
    expect(addCidEntrySchema.safeParse({ ...entry, description: "x".repeat(50) }).success).toBe(true);
  });

  it("refuses a group id VICIdial would alter or that is too long", () => {
    expect(fieldErrors(addCidEntrySchema, { ...entry, groupId: "US SALES" }).groupId).toBe(
      "Use only letters, digits, - and _; VICIdial would silently remove spaces",
    );
    expect(fieldErrors(addCidGroupSchema, { groupId: "G".repeat(21) }).groupId).toBe("A CID group ID is at most 20 characters");
    expect(fieldErrors(addCidGroupSchema, { groupId: "  " }).groupId).toBe("Enter a CID group or campaign ID");
  });
});

describe("updating entries", () => {
  const target = { groupId: "US_SALES", areacode: "727", outboundCid: "7275551002" };

  it("toggles one entry, or every entry of an area code with ---ALL--- as the CID", () => {
    expect(updateCidEntriesSchema.parse({ ...target, active: false })).toEqual({ ...target, active: false });
    expect(updateCidEntriesSchema.parse({ ...target, outboundCid: "---ALL---", active: true }).outboundCid).toBe("---ALL---");
  });

  it("never updates the whole group at once", () => {
    expect(fieldErrors(updateCidEntriesSchema, { ...target, areacode: "---ALL---", active: true }).areacode).toBe(
      "Choose one area code or state, not ---ALL---",
    );
  });

  it("says a description cannot be cleared, and that something must change", () => {
    expect(fieldErrors(updateCidEntriesSchema, { ...target, description: "" }).description).toBe(
      "Enter a new description; VICIdial's API cannot clear a description",
    );
    expect(fieldErrors(updateCidEntriesSchema, target).description).toBe("Nothing to change: set active or a new description");
    expect(updateCidEntriesSchema.parse({ ...target, description: "Tampa backup line" }).description).toBe("Tampa backup line");
  });
});

describe("deleting entries", () => {
  it("deletes one entry or every entry of an area code without extra confirmation", () => {
    expect(deleteCidEntriesSchema.safeParse({ groupId: "US_SALES", areacode: "727", outboundCid: "7275551001" }).success).toBe(true);
    expect(deleteCidEntriesSchema.safeParse({ groupId: "US_SALES", areacode: "727" }).success).toBe(true);
  });

  it("refuses the whole-group wipe unless the group id was typed exactly", () => {
    const wipe = { groupId: "US_SALES", areacode: "---ALL---" };
    expect(fieldErrors(deleteCidEntriesSchema, wipe).confirmGroupId).toBe("Type the group ID US_SALES to delete every entry of the group");
    expect(fieldErrors(deleteCidEntriesSchema, { ...wipe, confirmGroupId: "us_sales" }).confirmGroupId).toBeDefined();
    expect(deleteCidEntriesSchema.safeParse({ ...wipe, confirmGroupId: "US_SALES" }).success).toBe(true);
  });

  it("does not accept ---ALL--- as the CID (an empty CID already means every CID)", () => {
    expect(fieldErrors(deleteCidEntriesSchema, { groupId: "US_SALES", areacode: "---ALL---", outboundCid: "---ALL---" }).outboundCid).toBeDefined();
  });
});
