import { describe, expect, it } from "vitest";
import { addCidEntrySchema } from "@/lib/cid-groups/schemas";
import { addDidSchema, copyDidSchema } from "@/lib/dids/schemas";
import { addPhoneSchema } from "@/lib/phones/schemas";
import { adviseInput, cleanPhoneNumber, closestStored, didPatternWarning } from ".";

describe("phone numbers as people paste them", () => {
  it("are cleaned to digits, keeping a leading + only where VICIdial keeps one, with what was removed in words", () => {
    expect(cleanPhoneNumber("did_pattern", "(415) 555-0100")).toEqual({ value: "4155550100", removed: ["brackets", "spaces", "hyphens"] });
    expect(cleanPhoneNumber("did_pattern", "415-555-0101")).toEqual({ value: "4155550101", removed: ["hyphens"] });
    expect(cleanPhoneNumber("did_pattern", "415.555.0102")).toEqual({ value: "4155550102", removed: ["dots"] });
    expect(cleanPhoneNumber("did_pattern", "+1 415 555 0103")).toEqual({ value: "+14155550103", removed: ["spaces"] });
    // outbound_cid is digits only in VICIdial (1.3): the + goes too, and the user is told.
    expect(cleanPhoneNumber("outbound_cid", "+1 415 555 0103")).toEqual({ value: "14155550103", removed: ["spaces", "the leading +"] });
  });

  it("leave alone what is not a formatted number: clean digits, letters, wildcards, VICIdial's ---ALL---", () => {
    expect(cleanPhoneNumber("did_pattern", "4155550100")).toBeNull();
    expect(cleanPhoneNumber("did_pattern", "SALES LINE")).toBeNull();
    expect(cleanPhoneNumber("did_pattern", "_1727XXXXXXX")).toBeNull();
    expect(cleanPhoneNumber("outbound_cid", "---ALL---")).toBeNull();
    // Not a phone-number field: a name keeps its spaces.
    expect(cleanPhoneNumber("phone_full_name", "415 555")).toBeNull();
  });

  it("go through the same schemas in forms, actions and CSV jobs, cleaned", () => {
    const did = addDidSchema.parse({ didPattern: "(415) 555-0100", didRoute: "EXTEN", extension: "8300" });
    expect(did.didPattern).toBe("4155550100");
    expect(copyDidSchema.parse({ sourceDidPattern: "7275550100", newDids: "415-555-0101\n+1 415 555 0103" }).newDids).toEqual(["4155550101", "+14155550103"]);
    const entry = addCidEntrySchema.parse({ groupId: "US_SALES", areacode: "415", outboundCid: "(415) 555-0100", description: "", active: true });
    expect(entry.outboundCid).toBe("4155550100");
    const phone = addPhoneSchema.shape.outboundCid.parse("+1 415 555 0103");
    expect(phone).toBe("14155550103");
  });
});

describe("letters VICIdial cannot store", () => {
  it("get the closest value VICIdial keeps, which is what it would store of the plain spelling", () => {
    expect(closestStored("phone_full_name", "Zoë")).toBe("Zoe");
    expect(closestStored("phone_full_name", "O'Brien")).toBe("OBrien");
    expect(closestStored("alias_name", "Jürgen Straße")).toBe("Jurgen Strasse");
    expect(closestStored("cid_description", "Café “Nord”")).toBe("Cafe Nord");
    expect(closestStored("phone_full_name", "Zoe")).toBeNull();
    // Nothing left to offer.
    expect(closestStored("phone_full_name", "日本")).toBeNull();
  });

  it("are still refused by the schema until the user takes the offer", () => {
    expect(addPhoneSchema.shape.phoneFullName.safeParse("Zoë").success).toBe(false);
    expect(addPhoneSchema.shape.phoneFullName.safeParse("Zoe").success).toBe(true);
  });
});

describe("DID patterns of letters only", () => {
  it("are warned about, except VICIdial's default; wildcard and number patterns are not", () => {
    expect(didPatternWarning("SALESLINE")).toMatch(/never match a dialled number/);
    expect(didPatternWarning("default")).toBeUndefined();
    expect(didPatternWarning("DEFAULT")).toBeUndefined();
    expect(didPatternWarning("_1727XXXXXXX")).toBeUndefined();
    expect(didPatternWarning("7275551212")).toBeUndefined();
    // A warning, not a refusal: VICIdial accepts the pattern.
    expect(addDidSchema.safeParse({ didPattern: "SALESLINE", didRoute: "EXTEN", extension: "8300" }).success).toBe(true);
  });
});

describe("the advice shown beside a field", () => {
  it("says what will be sent, what VICIdial could keep, and what will never work", () => {
    expect(adviseInput("did_pattern", "(415) 555-0100")).toEqual({
      cleaned: { value: "4155550100", removed: ["brackets", "spaces", "hyphens"], message: "Sent as 4155550100: brackets, spaces and hyphens removed." },
    });
    expect(adviseInput("phone_full_name", "Zoë")).toEqual({ suggestion: "Zoe" });
    expect(adviseInput("did_pattern", "SALESLINE").warning).toMatch(/letters only/);
    expect(adviseInput("did_pattern", "")).toEqual({});
  });
});
