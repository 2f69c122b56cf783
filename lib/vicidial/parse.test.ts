import { describe, expect, it } from "vitest";
import { classify } from "./classify";
import { defineOperation, interpret } from "./operation";
import { parseResultLine } from "./parse";
import { REDACTED, scrub } from "./scrub";

describe("parseResultLine (contract 1.6)", () => {
  it("reads ERROR style: reason, colon, |user|data", () => {
    expect(parseResultLine("ERROR: add_did DID ALREADY EXISTS: |6666|7275553331")).toEqual({
      status: "ERROR",
      text: "ERROR: add_did DID ALREADY EXISTS: |6666|7275553331",
      apiFunction: "add_did",
      reason: "DID ALREADY EXISTS",
      user: "6666",
      data: ["7275553331"],
    });
  });

  it("reads SUCCESS style: reason - user|data", () => {
    expect(parseResultLine("SUCCESS: update_did DID HAS BEEN DELETED - 6666|7275553331|6")).toMatchObject({
      apiFunction: "update_did",
      reason: "DID HAS BEEN DELETED",
      user: "6666",
      data: ["7275553331", "6"],
    });
  });

  it("reads callid_info errors without the leading pipe", () => {
    expect(parseResultLine("ERROR: callid_info CALL NOT FOUND: 6666|")).toMatchObject({
      reason: "CALL NOT FOUND",
      user: "6666",
      data: [""],
    });
  });

  it("reads lines without a function word", () => {
    expect(parseResultLine("ERROR: Login incorrect, please try again: |6666|wrong|BAD|")).toMatchObject({
      apiFunction: undefined,
      reason: "Login incorrect, please try again",
      user: "6666",
      data: ["wrong", "BAD", ""],
    });
    expect(parseResultLine("ERROR: NO FUNCTION SPECIFIED")).toMatchObject({ reason: "NO FUNCTION SPECIFIED", data: [] });
    expect(parseResultLine("ERROR: Your IP Address is not allowed: 10.1.2.3: ||IPBLOCK|")).toMatchObject({
      reason: "Your IP Address is not allowed: 10.1.2.3",
    });
  });

  it("ignores lines that are not result lines", () => {
    expect(parseResultLine("<b>Warning</b>:  Undefined variable $value")).toBeUndefined();
    expect(parseResultLine("M2151015000000012345|90")).toBeUndefined();
  });
});

describe("classify", () => {
  const code = (line: string) => classify(parseResultLine(line)!);

  it("prefers the most specific reason", () => {
    expect(code("ERROR: update_phone PHONE DOES NOT EXIST ON THIS SERVER: |6666|10.10.10.15|99999")).toMatchObject({ code: "NOT_FOUND" });
    expect(code("ERROR: add_phone_alias PHONE DOES NOT EXIST: |6666|nosuch")).toMatchObject({ code: "PHONE_LOGIN_NOT_FOUND" });
    expect(code("ERROR: add_did ENTRY LIST ID MUST BE FROM 1 TO 14 DIGITS, THIS IS AN OPTIONAL FIELD: |6666|x")).toMatchObject({
      field: "entry_list_id",
    });
    expect(code("ERROR: add_did LIST ID MUST BE FROM 3 TO 14 DIGITS, THIS IS AN OPTIONAL FIELD: |6666|x")).toMatchObject({ field: "list_id" });
  });

  it("names menu_id for add_did's copy-pasted update_did line (2.6)", () => {
    expect(code("ERROR: update_did MENU ID MUST BE A VALID CALL MENU IN THE SYSTEM, THIS IS AN OPTIONAL FIELD: |6666|NOPE")).toMatchObject({
      code: "INVALID_FIELD",
      field: "menu_id",
    });
  });

  it("treats delete refusals (NOTICE or ERROR) as DELETE_NOT_ALLOWED", () => {
    expect(code("NOTICE: update_phone USER DOES NOT HAVE PERMISSION TO DELETE PHONES: |6002|0")).toMatchObject({ code: "DELETE_NOT_ALLOWED" });
    expect(code("ERROR: update_did USER DOES NOT HAVE PERMISSION TO DELETE DIDS: |6002|1")).toMatchObject({ code: "DELETE_NOT_ALLOWED" });
    expect(code("ERROR: add_did USER DOES NOT HAVE PERMISSION TO ADD DIDS: |7777|0")).toMatchObject({ code: "PERMISSION_DENIED" });
  });
});

describe("interpret", () => {
  const deletePhone = defineOperation({
    apiFunction: "update_phone",
    subject: { thing: "phone", things: "phones", right: "change phones", changesData: true },
    read: false,
    verdict: "first",
    success: (_body, lines) => (lines[0]?.status === "SUCCESS" && lines[0].reason === "PHONE HAS BEEN DELETED" ? { data: true, rawLines: [] } : undefined),
  });

  it("never takes a NOTICE for success", () => {
    const result = interpret(deletePhone, "NOTICE: update_phone USER DOES NOT HAVE PERMISSION TO DELETE PHONES: |6002|0\n");
    expect(result).toMatchObject({ ok: false, code: "DELETE_NOT_ALLOWED", message: "The VICIdial API user may not delete phones; nothing was deleted" });
  });

  it("does not take a different SUCCESS for this operation's success", () => {
    expect(interpret(deletePhone, "SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6666|55000|10.10.10.15|\n")).toMatchObject({
      ok: false,
      code: "UNKNOWN_RESPONSE",
    });
  });

  it("reports a database outage, empty bodies and foreign text", () => {
    expect(interpret(deletePhone, "MySQL connect ERROR:  Connection refused")).toMatchObject({ code: "DATABASE_ERROR" });
    expect(interpret(deletePhone, " \n")).toMatchObject({ code: "EMPTY_RESPONSE" });
    const foreign = interpret(deletePhone, "<html>Maintenance</html>");
    expect(foreign).toMatchObject({ code: "UNKNOWN_RESPONSE", raw: "<html>Maintenance</html>" });
    if (!foreign.ok) expect(foreign.message).toMatch(/may or may not have made the change/);
  });
});

describe("scrub", () => {
  it("removes the echoed API password from Login incorrect", () => {
    expect(scrub("ERROR: Login incorrect, please try again: |6666|hunter2|BAD|", [])).toBe(
      `ERROR: Login incorrect, please try again: |6666|${REDACTED}|BAD|`,
    );
  });

  it("removes phone_pass and registration_password from add_phone REQUIRED FIELDS", () => {
    const line = "ERROR: add_phone YOU MUST USE ALL REQUIRED FIELDS: |6666|55003|55003|55003|55003|pp1|10.10.10.15|SIP|rp2|Name|-5.00|";
    expect(scrub(line, [])).toBe(
      `ERROR: add_phone YOU MUST USE ALL REQUIRED FIELDS: |6666|55003|55003|55003|55003|${REDACTED}|10.10.10.15|SIP|${REDACTED}|Name|-5.00|`,
    );
  });

  it("removes the configured password wherever it stands as a value, not inside other values", () => {
    expect(scrub("x=s3cr3t&y|s3cr3t|\nM2151015000000012345|7275551234", ["s3cr3t", "1234"])).toBe(
      `x=${REDACTED}&y|${REDACTED}|\nM2151015000000012345|7275551234`,
    );
  });
});
