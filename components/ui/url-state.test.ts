import { describe, expect, it } from "vitest";
import { flattenSearchParams, pageNumber, withParams } from "./url-state";

describe("list URL state", () => {
  it("keeps the other filters when one changes and drops emptied ones", () => {
    expect(withParams("/dids", { q: "727", route: "IN_GROUP", page: "3" }, { route: "", page: undefined })).toBe("/dids?q=727");
  });

  it("encodes a plus sign so a DID search for +1727 survives the round trip", () => {
    const href = withParams("/dids", {}, { q: "+1727" });
    expect(new URL(href, "http://x").searchParams.get("q")).toBe("+1727");
  });

  it("treats a missing, zero or junk page as page 1", () => {
    expect([pageNumber({}), pageNumber({ page: "0" }), pageNumber({ page: "abc" }), pageNumber({ page: "4" })]).toEqual([1, 1, 1, 4]);
    expect(flattenSearchParams({ q: ["a", "b"], r: "x" })).toEqual({ q: "a", r: "x" });
  });
});
