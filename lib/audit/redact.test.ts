import { describe, expect, it } from "vitest";
import { redact, REDACTED, scrubText, secretValues } from "./redact";

describe("redaction", () => {
  it("replaces every password-named key at any depth, in VICIdial's spelling and ours", () => {
    const input = {
      extension: "1001",
      pass: "p1",
      phone_pass: "p2",
      registration_password: "p3",
      nested: { password: "p4", phonePass: "p5", list: [{ registrationPassword: "p6", Pass: "p7" }] },
    };
    expect(redact(input)).toEqual({
      extension: "1001",
      pass: REDACTED,
      phone_pass: REDACTED,
      registration_password: REDACTED,
      nested: { password: REDACTED, phonePass: REDACTED, list: [{ registrationPassword: REDACTED, Pass: REDACTED }] },
    });
  });

  it("leaves the input untouched and makes the copy JSON-safe", () => {
    const input = { pass: "secret", when: new Date("2025-01-01T00:00:00Z"), big: 10n, skip: undefined };
    const out = redact(input);
    expect(input.pass).toBe("secret");
    expect(out).toEqual({ pass: REDACTED, when: "2025-01-01T00:00:00.000Z", big: "10" });
  });

  it("collects the secret values so raw text can be scrubbed of them", () => {
    expect([...secretValues({ a: { pass: "hunter22" }, list: [{ phone_pass: 12345 }] })]).toEqual(["hunter22", "12345"]);
  });

  it("scrubs name=value pairs and known secret values from raw text", () => {
    const raw = "GET /non_agent_api.php?function=add_phone&user=api&pass=apiSecret1&phone_pass=Phone9&extension=1001";
    expect(scrubText(raw)).toBe(
      "GET /non_agent_api.php?function=add_phone&user=api&pass=[redacted]&phone_pass=[redacted]&extension=1001",
    );
    expect(scrubText('{"registration_password":"abc","x":1}')).toBe('{"registration_password":"[redacted]","x":1}');
    expect(scrubText("SUCCESS: update_phone 1001|hunter22|SIP", ["hunter22"])).toBe("SUCCESS: update_phone 1001|[redacted]|SIP");
    expect(scrubText("password: opensesame and more")).toBe("password: [redacted] and more");
  });

  it("does not search raw text for very short secrets, which would garble it", () => {
    expect(scrubText("line 12 of 120", ["12"])).toBe("line 12 of 120");
  });
});

describe("redaction of our own password fields", () => {
  it("treats any key ending in 'password' as secret", () => {
    expect(redact({ currentPassword: "a", new_password: "b", confirmPassword: "c", passwordHint: "d" })).toEqual({
      currentPassword: REDACTED,
      new_password: REDACTED,
      confirmPassword: REDACTED,
      passwordHint: "d",
    });
    expect(scrubText("newPassword=abcdef&x=1")).toBe("newPassword=[redacted]&x=1");
  });
});
