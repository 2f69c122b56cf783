import { describe, expect, it } from "vitest";
import {
  addPhoneSchema,
  normalizeTimeZone,
  readableOffset,
  TIME_ZONES,
  timeZoneLabel,
  updatePhoneSchema,
  type AddPhoneInput,
} from "./schemas";

const valid: AddPhoneInput = {
  extension: "55000",
  dialplanNumber: "55000",
  voicemailId: "55000",
  phoneLogin: "55000",
  phonePass: "Secret123",
  serverIp: "10.10.10.15",
  protocol: "SIP",
  registrationPassword: "Reg456abc",
  phoneFullName: "Extension 55000",
  localGmt: "-5.00",
  outboundCid: "7275551212",
};

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

describe("addPhoneSchema", () => {
  it("accepts the required fields and leaves unset optional ones out of what is sent", () => {
    const parsed = addPhoneSchema.parse({ ...valid, phoneContext: "", email: "", isWebphone: "", templateId: "" });
    expect(parsed.phoneContext).toBeUndefined();
    expect(parsed.email).toBeUndefined();
    expect(parsed.isWebphone).toBeUndefined();
    expect(parsed.templateId).toBeUndefined();
    expect(parsed.extension).toBe("55000");
  });

  it("names every missing required field", () => {
    const errors = errorsOf(addPhoneSchema.safeParse({ extension: "55000" }));
    for (const field of ["dialplanNumber", "voicemailId", "phoneLogin", "phonePass", "serverIp", "protocol", "registrationPassword", "phoneFullName", "localGmt", "outboundCid"]) {
      expect(errors[field], field).toBeTruthy();
    }
    expect(errors.phoneLogin).toBe("Phone login is required");
  });

  it("refuses a login over 15 characters, which VICIdial would silently cut", () => {
    const errors = errorsOf(addPhoneSchema.safeParse({ ...valid, phoneLogin: "a".repeat(16) }));
    expect(errors.phoneLogin).toMatch(/at most 15 characters/);
    expect(addPhoneSchema.safeParse({ ...valid, phoneLogin: "a".repeat(15) }).success).toBe(true);
  });

  it("refuses characters VICIdial would strip, naming them", () => {
    const errors = errorsOf(addPhoneSchema.safeParse({ ...valid, extension: "100@host", phoneFullName: "O'Brien", outboundCid: "727-555-CALL" }));
    expect(errors.extension).toMatch(/silently remove.*“@”/);
    expect(errors.phoneFullName).toMatch(/“'”/);
    expect(errors.outboundCid).toMatch(/“-”/);
    // A pasted phone number is cleaned to the digits VICIdial keeps instead.
    expect(addPhoneSchema.parse({ ...valid, outboundCid: "(727) 555-1212" }).outboundCid).toBe("7275551212");
  });

  it("refuses a password VICIdial would change", () => {
    const errors = errorsOf(addPhoneSchema.safeParse({ ...valid, phonePass: "pa ss!" }));
    expect(errors.phonePass).toMatch(/spaces.*“!”/);
  });

  it("enforces add_phone's minimum lengths and the column sizes", () => {
    const errors = errorsOf(
      addPhoneSchema.safeParse({ ...valid, extension: "5", dialplanNumber: "1", voicemailId: "12345678901", phoneFullName: "x".repeat(51), outboundCid: "1".repeat(21) }),
    );
    expect(errors.extension).toMatch(/at least 2/);
    expect(errors.dialplanNumber).toMatch(/at least 2/);
    expect(errors.voicemailId).toMatch(/at most 10/);
    expect(errors.phoneFullName).toMatch(/at most 50/);
    expect(errors.outboundCid).toMatch(/at most 20/);
  });

  it("accepts only VICIdial's protocols, case-sensitively (PJSIP is refused)", () => {
    expect(addPhoneSchema.safeParse({ ...valid, protocol: "IAX2" }).success).toBe(true);
    expect(errorsOf(addPhoneSchema.safeParse({ ...valid, protocol: "sip" })).protocol).toMatch(/SIP, IAX2, Zap, EXTERNAL/);
    expect(addPhoneSchema.safeParse({ ...valid, protocol: "PJSIP" }).success).toBe(false);
  });

  it("normalizes the time zone to the canonical ±H.MM form and refuses offsets VICIdial rejects", () => {
    expect(addPhoneSchema.parse({ ...valid, localGmt: "-5" }).localGmt).toBe("-5.00");
    expect(addPhoneSchema.parse({ ...valid, localGmt: "+5.5" }).localGmt).toBe("5.50");
    expect(addPhoneSchema.parse({ ...valid, localGmt: "05.75" }).localGmt).toBe("5.75");
    expect(errorsOf(addPhoneSchema.safeParse({ ...valid, localGmt: "-4.50" })).localGmt).toMatch(/Choose a time zone/);
    expect(addPhoneSchema.safeParse({ ...valid, localGmt: "13" }).success).toBe(false);
  });

  it("requires a real IPv4 address for the server", () => {
    expect(errorsOf(addPhoneSchema.safeParse({ ...valid, serverIp: "10.10.10" })).serverIp).toMatch(/IPv4/);
    expect(errorsOf(addPhoneSchema.safeParse({ ...valid, serverIp: "10.10.10.256" })).serverIp).toMatch(/IPv4/);
  });

  it("checks the optional fields only when given", () => {
    const errors = errorsOf(addPhoneSchema.safeParse({ ...valid, email: "it+phones@example.com", templateId: "S", isWebphone: "yes", phoneContext: "x".repeat(21) }));
    expect(errors.email).toMatch(/“\+”/);
    expect(errors.templateId).toMatch(/at least 2/);
    expect(errors.isWebphone).toMatch(/Y, N, Y_API_LAUNCH/);
    expect(errors.phoneContext).toMatch(/at most 20/);
    const parsed = addPhoneSchema.parse({ ...valid, email: "it@example.com", isWebphone: "Y_API_LAUNCH", webphoneAutoAnswer: "N", adminUserGroup: "---ALL---" });
    expect(parsed).toMatchObject({ email: "it@example.com", isWebphone: "Y_API_LAUNCH", webphoneAutoAnswer: "N", adminUserGroup: "---ALL---" });
  });

  it("trims stray spaces instead of sending them", () => {
    expect(addPhoneSchema.parse({ ...valid, extension: " 55000 " }).extension).toBe("55000");
  });
});

describe("updatePhoneSchema (update_phone's rules, not add_phone's)", () => {
  const key = { serverIp: "10.10.10.15", extension: "55000" };

  it("accepts one changed field", () => {
    expect(updatePhoneSchema.parse({ ...key, phoneFullName: "New name" })).toEqual({ ...key, phoneFullName: "New name" });
  });

  it("refuses a change with nothing in it", () => {
    expect(updatePhoneSchema.safeParse(key).success).toBe(false);
  });

  it("enforces full name 2–30 and outbound CID 6–18 on update", () => {
    let errors = errorsOf(updatePhoneSchema.safeParse({ ...key, phoneFullName: "x", outboundCid: "12345" }));
    expect(errors.phoneFullName).toMatch(/at least 2/);
    expect(errors.outboundCid).toMatch(/at least 6/);
    errors = errorsOf(updatePhoneSchema.safeParse({ ...key, phoneFullName: "x".repeat(31), outboundCid: "1".repeat(19) }));
    expect(errors.phoneFullName).toMatch(/at most 30/);
    expect(errors.outboundCid).toMatch(/at most 18/);
    // Valid on add, refused on update:
    expect(addPhoneSchema.safeParse({ ...valid, phoneFullName: "x".repeat(40) }).success).toBe(true);
  });

  it("enforces the other update lengths (password 2–30, voicemail 2+, dial plan 3+)", () => {
    const errors = errorsOf(updatePhoneSchema.safeParse({ ...key, phonePass: "x", voicemailId: "1", dialplanNumber: "12" }));
    expect(errors.phonePass).toMatch(/at least 2/);
    expect(errors.voicemailId).toMatch(/at least 2/);
    expect(errors.dialplanNumber).toMatch(/at least 3/);
  });

  it("clears with null where VICIdial supports --BLANK--, and says how to clear when a value is emptied", () => {
    expect(updatePhoneSchema.parse({ ...key, email: null, templateId: null }).email).toBeNull();
    expect(errorsOf(updatePhoneSchema.safeParse({ ...key, email: "" })).email).toMatch(/use “Clear”/);
    expect(updatePhoneSchema.safeParse({ ...key, voicemailId: null }).success).toBe(false);
    expect(errorsOf(updatePhoneSchema.safeParse({ ...key, phonePass: "" })).phonePass).toMatch(/cannot remove/);
  });

  it("accepts active Y or N only", () => {
    expect(updatePhoneSchema.parse({ ...key, active: "N" }).active).toBe("N");
    expect(updatePhoneSchema.safeParse({ ...key, active: "n" }).success).toBe(false);
  });
});

describe("time zones", () => {
  it("lists VICIdial's 33 offsets in canonical form with readable labels", () => {
    expect(TIME_ZONES).toHaveLength(33);
    expect(TIME_ZONES.find((z) => z.value === "-5.00")?.label).toBe("UTC−05:00");
    expect(TIME_ZONES.find((z) => z.value === "5.75")?.label).toBe("UTC+05:45");
    expect(TIME_ZONES.find((z) => z.value === "-3.50")?.label).toBe("UTC−03:30");
    expect(TIME_ZONES.find((z) => z.value === "0.00")?.label).toBe("UTC+00:00");
  });

  it("normalizes the values VICIdial compares numerically", () => {
    expect(normalizeTimeZone("-5")).toBe("-5.00");
    expect(normalizeTimeZone(".0")).toBe("0.00");
    expect(normalizeTimeZone("-0")).toBe("0.00");
    expect(normalizeTimeZone("12.75")).toBe("12.75");
    expect(normalizeTimeZone("14")).toBeUndefined();
    expect(normalizeTimeZone("five")).toBeUndefined();
    expect(normalizeTimeZone("")).toBeUndefined();
  });

  it("shows stored offsets readably", () => {
    expect(timeZoneLabel("-5.00")).toBe("UTC−05:00");
    expect(timeZoneLabel("-5")).toBe("UTC−05:00");
    expect(timeZoneLabel(null)).toBeUndefined();
    expect(readableOffset(12.75)).toBe("UTC+12:45");
  });
});
