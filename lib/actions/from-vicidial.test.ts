import { describe, expect, it } from "vitest";
import { fromVicidial } from "./from-vicidial";

describe("VICIdial failures shown to users", () => {
  it("puts a field refusal beside the form field that holds that parameter", () => {
    const result = fromVicidial(
      { ok: false, code: "INVALID_FIELD", field: "did_description", message: "The description must be 6 to 50 characters", raw: "ERROR: add_did DID DESCRIPTION MUST BE FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD: |6666|abc" },
      { did_description: "description" },
    );
    expect(result.error).toMatchObject({ kind: "vicidial", code: "INVALID_FIELD", fieldErrors: { description: ["The description must be 6 to 50 characters"] } });
    expect(result.error.raw).toContain("DID DESCRIPTION");
  });

  it("calls a timeout 'unavailable', not a refusal, so the page says VICIdial could not be reached", () => {
    expect(fromVicidial({ ok: false, code: "TIMEOUT", message: "VICIdial did not answer within 10 s", raw: "" }).error.kind).toBe("unavailable");
  });

  it("calls an existing object a conflict", () => {
    expect(fromVicidial({ ok: false, code: "DID_EXISTS", message: "This DID already exists in VICIdial", raw: "x" }).error.kind).toBe("conflict");
  });
});
