import { describe, expect, it } from "vitest";
import { updatePhoneSchema } from "@/lib/phones/schemas";
import { charactersVicidialDrops } from "@/lib/vicidial/parameters";
import { DEFAULT_PASSWORD_LENGTH, generatePassword } from "./generate";

describe("generatePassword", () => {
  it("uses only characters VICIdial keeps in phone_pass and registration_password", () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      expect(charactersVicidialDrops("phone_pass", password)).toEqual([]);
      expect(charactersVicidialDrops("registration_password", password)).toEqual([]);
    }
  });

  it("is long enough to be strong yet accepted by update_phone (2 to 30 characters)", () => {
    const password = generatePassword();
    expect(password).toHaveLength(DEFAULT_PASSWORD_LENGTH);
    const parsed = updatePhoneSchema.safeParse({ serverIp: "10.10.10.15", extension: "1001", phonePass: password, registrationPassword: password });
    expect(parsed.success).toBe(true);
  });

  it("mixes upper case, lower case and digits", () => {
    for (let i = 0; i < 200; i++) {
      const password = generatePassword(4);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
    }
  });

  it("does not repeat itself", () => {
    const seen = new Set(Array.from({ length: 500 }, () => generatePassword()));
    expect(seen.size).toBe(500);
  });

  it("refuses lengths a phone password cannot have", () => {
    expect(() => generatePassword(2)).toThrow(RangeError);
    expect(() => generatePassword(31)).toThrow(RangeError);
  });
});
