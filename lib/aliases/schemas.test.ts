import { describe, expect, it } from "vitest";
import { addAliasSchema, joinLogins, splitLogins, updateAliasSchema } from "./schemas";

function firstError(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) {
  return result.error?.issues.find((issue) => issue.path.join(".") === field)?.message;
}

describe("addAliasSchema", () => {
  const valid = { aliasId: "ALIAS100", aliasName: "Test Alias", phoneLogins: ["1001", "gs102"] };

  it("keeps the logins in the order chosen", () => {
    expect(addAliasSchema.parse(valid).phoneLogins).toEqual(["1001", "gs102"]);
    expect(joinLogins(["1002", "1001"])).toBe("1002,1001");
    expect(splitLogins("gs102,1001")).toEqual(["gs102", "1001"]);
  });

  it("enforces the 255-character limit of the joined list, saying how long it is", () => {
    const logins = Array.from({ length: 22 }, (_, i) => `login${String(i).padStart(6, "0")}`); // 22 × 11 + 21 commas = 263
    const message = firstError(addAliasSchema.safeParse({ ...valid, phoneLogins: logins }), "phoneLogins");
    expect(message).toMatch(/take 263 characters.*only 255/);
    expect(addAliasSchema.safeParse({ ...valid, phoneLogins: logins.slice(0, 21) }).success).toBe(true); // 251
  });

  it("refuses an empty list, a repeated login and a login VICIdial would change", () => {
    expect(firstError(addAliasSchema.safeParse({ ...valid, phoneLogins: [] }), "phoneLogins")).toMatch(/at least one/);
    expect(firstError(addAliasSchema.safeParse({ ...valid, phoneLogins: ["1001", "1001"] }), "phoneLogins")).toMatch(/1001 is in the list twice/);
    expect(firstError(addAliasSchema.safeParse({ ...valid, phoneLogins: ["10 01"] }), "phoneLogins")).toMatch(/space.*\(10 01\)/);
    expect(firstError(addAliasSchema.safeParse({ ...valid, phoneLogins: ["a".repeat(16)] }), "phoneLogins")).toMatch(/at most 15/);
    expect(firstError(addAliasSchema.safeParse({ ...valid, phoneLogins: ["x"] }), "phoneLogins")).toMatch(/at least 2/);
  });

  it("enforces alias ID and name rules", () => {
    expect(firstError(addAliasSchema.safeParse({ ...valid, aliasId: "A" }), "aliasId")).toMatch(/at least 2/);
    expect(firstError(addAliasSchema.safeParse({ ...valid, aliasId: "a".repeat(21) }), "aliasId")).toMatch(/at most 20/);
    expect(firstError(addAliasSchema.safeParse({ ...valid, aliasId: "my alias" }), "aliasId")).toMatch(/space/);
    expect(firstError(addAliasSchema.safeParse({ ...valid, aliasId: "new" }), "aliasId")).toMatch(/reserved/);
    expect(firstError(addAliasSchema.safeParse({ ...valid, aliasName: "" }), "aliasName")).toBe("Alias name is required");
    expect(firstError(addAliasSchema.safeParse({ ...valid, aliasName: "Sales, floor 2" }), "aliasName")).toMatch(/“,”/);
  });
});

describe("updateAliasSchema", () => {
  it("requires the name to be 2–50 characters on update", () => {
    expect(firstError(updateAliasSchema.safeParse({ aliasId: "ALIAS100", aliasName: "X" }), "aliasName")).toMatch(/at least 2/);
    expect(updateAliasSchema.safeParse({ aliasId: "ALIAS100", aliasName: "XY" }).success).toBe(true);
  });

  it("needs something to change", () => {
    expect(updateAliasSchema.safeParse({ aliasId: "ALIAS100" }).success).toBe(false);
    expect(updateAliasSchema.parse({ aliasId: "ALIAS100", phoneLogins: ["1001"] })).toEqual({ aliasId: "ALIAS100", phoneLogins: ["1001"] });
  });
});
