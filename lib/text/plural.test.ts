import { describe, expect, it } from "vitest";
import { allOf, countOf, isAre, sentence } from "./plural";

describe("counts in words", () => {
  it("say one thing in the singular and every other count in the plural", () => {
    expect(countOf(1, "entry")).toBe("1 entry");
    expect(countOf(0, "entry")).toBe("0 entries");
    expect(countOf(3, "DID")).toBe("3 DIDs");
    expect(countOf(2, "alias")).toBe("2 aliases");
    expect(countOf(2, "copy")).toBe("2 copies");
    expect(countOf(2, "day")).toBe("2 days");
    expect(countOf(2, "CID entry", "CID entries")).toBe("2 CID entries");
  });

  it("never say “All 1 entry”", () => {
    expect(sentence(`${allOf(1, "entry")} ${isAre(1)} deleted`)).toBe("The 1 entry is deleted");
    expect(sentence(`${allOf(4, "entry")} ${isAre(4)} deleted`)).toBe("All 4 entries are deleted");
  });
});
