import { describe, expect, it } from "vitest";
import { clearableText, commaList, defineParams, gmtOffset, oneOf, optional, secret, sourceParameter, text, yesNo } from "./encode";
import { asVicidialStores, charactersVicidialDrops } from "./parameters";

const params = defineParams({
  didPattern: text("did_pattern"),
  didDescription: optional(text("did_description")),
  active: optional(yesNo("active")),
  route: optional(oneOf("did_route", ["EXTEN", "IN_GROUP"])),
  localGmt: optional(gmtOffset("local_gmt")),
  logins: optional(commaList("phone_logins", "phone_login")),
  phonePass: optional(secret(text("phone_pass"))),
});

describe("defineParams", () => {
  it("maps camelCase names to VICIdial's, in declaration order, leaving out absent values", () => {
    const encoded = params.encode({ didPattern: "+17275551212", active: false, route: "IN_GROUP", logins: ["1001", "gs102"] });
    expect(encoded).toEqual({
      ok: true,
      parameters: [
        ["did_pattern", "+17275551212"],
        ["active", "N"],
        ["did_route", "IN_GROUP"],
        ["phone_logins", "1001,gs102"],
      ],
      secrets: [],
    });
  });

  it("normalizes time zones to the canonical ±H.MM form", () => {
    const zones = [-5, "-5", "+5.5", 12.75, 0].map((localGmt) => {
      const encoded = params.encode({ didPattern: "12", localGmt });
      return encoded.ok ? encoded.parameters[1]?.[1] : encoded.code;
    });
    expect(zones).toEqual(["-5.00", "-5.00", "5.50", "12.75", "0.00"]);
  });

  it("collects secret values for scrubbing", () => {
    expect(params.encode({ didPattern: "12", phonePass: "s3cret" })).toMatchObject({ ok: true, secrets: ["s3cret"] });
  });

  it.each([
    ["ampersand", "Sales & support"],
    ["equals", "a=b"],
    ["hash", "Line #2"],
    ["percent", "100% on"],
    ["quotes", `"Bob's" line`],
    ["newline", "two\nlines"],
    ["emoji", "Sales 😀"],
  ])("refuses a value VICIdial would alter (%s) and names the field", (_name, value) => {
    const encoded = params.encode({ didPattern: "7275550001", didDescription: value });
    expect(encoded).toMatchObject({ ok: false, code: "INVALID_FIELD", field: "did_description", raw: "" });
    if (!encoded.ok) expect(encoded.message).toMatch(/^DID description contains characters VICIdial would silently remove/);
  });

  it("refuses values longer than the column, which VICIdial would truncate", () => {
    expect(params.encode({ didPattern: "1".repeat(51) })).toMatchObject({ ok: false, field: "did_pattern" });
    expect(params.encode({ didPattern: "12", didDescription: "x".repeat(10_240) })).toMatchObject({ ok: false, field: "did_description" });
  });

  it("refuses wrong types, unknown choices and empty list items with plain messages", () => {
    expect(params.encode({ didPattern: 12 as unknown as string })).toMatchObject({ ok: false, field: "did_pattern", message: "DID has the wrong type" });
    expect(params.encode({} as { didPattern: string })).toMatchObject({ ok: false, field: "did_pattern", message: "DID is required" });
    expect(params.encode({ didPattern: "12", route: "exten" as "EXTEN" })).toMatchObject({ ok: false, field: "did_route" });
    expect(params.encode({ didPattern: "12", logins: ["1001", ""] })).toMatchObject({ ok: false, field: "phone_logins" });
    expect(params.encode({ didPattern: "12", localGmt: "EST" })).toMatchObject({ ok: false, field: "local_gmt" });
  });
});

describe("clearableText", () => {
  const clearable = defineParams({ email: optional(clearableText("email")) });

  it("sends null as --BLANK-- and checks text like any other", () => {
    expect(clearable.encode({ email: null })).toMatchObject({ ok: true, parameters: [["email", "--BLANK--"]] });
    expect(clearable.encode({ email: "ops@example.com" })).toMatchObject({ ok: true, parameters: [["email", "ops@example.com"]] });
    expect(clearable.encode({ email: "a+b@example.com" })).toMatchObject({
      ok: false,
      field: "email",
      message: "Email contains characters VICIdial would silently remove: “+”",
    });
  });
});

describe("wire encoding", () => {
  it("sends + as %2B, # as %23 and keeps hostile text inside its own parameter", () => {
    const wire = new URLSearchParams([
      ["did_pattern", "+1727#555"],
      ["did_description", "a&active=N&b=c%20d\n😀"],
    ]).toString();
    expect(wire).toBe("did_pattern=%2B1727%23555&did_description=a%26active%3DN%26b%3Dc%2520d%0A%F0%9F%98%80");
    expect([...new URLSearchParams(wire).entries()]).toEqual([
      ["did_pattern", "+1727#555"],
      ["did_description", "a&active=N&b=c%20d\n😀"],
    ]);
  });
});

describe("sourceParameter", () => {
  it("keeps letters and digits, at most 20 (VICIdial's log column)", () => {
    expect(sourceParameter("jane.o'neil-smith_supervisor")).toBe("janeoneilsmithsuperv");
  });

  it("falls back to 'dashboard' when fewer than 2 characters would remain", () => {
    expect(sourceParameter("é")).toBe("dashboard");
    expect(sourceParameter("a")).toBe("dashboard");
    expect(sourceParameter("ab")).toBe("ab");
  });
});

describe("parameter rules (contract 1.3)", () => {
  it("predict what VICIdial stores", () => {
    expect(asVicidialStores("source_did_pattern", "+1 727-555")).toBe("+1727555");
    expect(asVicidialStores("cid_description", "Sales & support, #1!")).toBe("Sales  support, 1");
    expect(asVicidialStores("outbound_cid", "(727) 555-0100")).toBe("7275550100");
    expect(asVicidialStores("areacode", "---ALL---")).toBe("---ALL---");
  });

  it("list the dropped characters once each", () => {
    expect(charactersVicidialDrops("email", "a+b'c@d.e+")).toEqual(["+", "'"]);
    expect(charactersVicidialDrops("phone_full_name", "Ann+Bob 2")).toEqual([]);
  });
});
