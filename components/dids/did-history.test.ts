import { describe, expect, it } from "vitest";
import { changedLines } from "./did-history";

describe("changedLines", () => {
  it("names each changed setting with its old and new value", () => {
    expect(changedLines({ route: "IN_GROUP", groupId: "TEST_IN", menuId: null, description: "Sales" }, { route: "CALLMENU", groupId: "TEST_IN", menuId: "TESTMENU", description: "Sales" })).toEqual([
      "Route: IN_GROUP → CALLMENU",
      "Call menu: — → TESTMENU",
    ]);
  });

  it("says nothing when there is no before or after to compare", () => {
    expect(changedLines(null, { route: "EXTEN" })).toEqual([]);
    expect(changedLines({ route: "EXTEN" }, null)).toEqual([]);
  });
});
