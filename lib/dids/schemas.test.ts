import { describe, expect, it } from "vitest";
import { addDidSchema, copyDidSchema, deleteDidSchema, didChanges, NO_CHANGES, splitDidList, updateDidSchema, type DidFormValues } from "./schemas";

/** The messages zod reports, keyed by field path ("" for the whole form). */
function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) (out[issue.path.join(".")] ??= []).push(issue.message);
  return out;
}

describe("addDidSchema", () => {
  it("accepts a minimal DID and sends only what was filled in", () => {
    const parsed = addDidSchema.parse({ didPattern: "7275553333", didRoute: "AGENT", description: "", recordCall: "" });
    expect(parsed).toEqual({ didPattern: "7275553333", didRoute: "AGENT" });
  });

  it("keeps a leading plus sign in the pattern", () => {
    expect(addDidSchema.parse({ didPattern: "+17275551212", didRoute: "AGENT" }).didPattern).toBe("+17275551212");
  });

  it.each([
    ["727/5550100", "“/”"],
    ["727 555 ext 0100", "spaces"],
  ])("refuses %s in the pattern, naming what VICIdial would remove", (pattern, named) => {
    const result = errors(addDidSchema.safeParse({ didPattern: pattern, didRoute: "AGENT" }));
    expect(result.didPattern?.[0]).toContain(named);
    expect(result.didPattern?.[0]).toContain("silently remove");
  });

  it("refuses patterns VICIdial would not accept or would cut", () => {
    expect(errors(addDidSchema.safeParse({ didPattern: "7", didRoute: "AGENT" })).didPattern?.[0]).toMatch(/at least 2/);
    expect(errors(addDidSchema.safeParse({ didPattern: "1".repeat(51), didRoute: "AGENT" })).didPattern?.[0]).toMatch(/at most 50/);
    expect(errors(addDidSchema.safeParse({ didPattern: "", didRoute: "AGENT" })).didPattern?.[0]).toBe("DID pattern is required");
  });

  it("refuses an apostrophe in the description instead of dropping it", () => {
    const result = errors(addDidSchema.safeParse({ didPattern: "7275553333", didRoute: "AGENT", description: "Bob's line" }));
    expect(result.description?.[0]).toContain("“'”");
  });

  it("checks the description length VICIdial enforces", () => {
    expect(errors(addDidSchema.safeParse({ didPattern: "7275553333", didRoute: "AGENT", description: "short" })).description?.[0]).toMatch(/at least 6/);
    expect(addDidSchema.parse({ didPattern: "7275553333", didRoute: "AGENT", description: "Sales, main-line_1." }).description).toBe("Sales, main-line_1.");
  });

  it("requires the target of the chosen route", () => {
    expect(Object.keys(errors(addDidSchema.safeParse({ didPattern: "7275553333", didRoute: "IN_GROUP" })))).toEqual(["group"]);
    expect(Object.keys(errors(addDidSchema.safeParse({ didPattern: "7275553333", didRoute: "PHONE" })))).toEqual(["phoneExtension", "serverIp"]);
    expect(Object.keys(errors(addDidSchema.safeParse({ didPattern: "7275553333", didRoute: "CALLMENU" })))).toEqual(["menuId"]);
    expect(Object.keys(errors(addDidSchema.safeParse({ didPattern: "7275553333", didRoute: "VOICEMAIL" })))).toEqual(["voicemailExt"]);
    expect(Object.keys(errors(addDidSchema.safeParse({ didPattern: "7275553333", didRoute: "EXTEN" })))).toEqual(["extension"]);
  });

  it("reports a missing route target together with the other fields' errors", () => {
    const result = errors(addDidSchema.safeParse({ didPattern: "727/555-3333", didRoute: "IN_GROUP", description: "Bob's line", group: "" }));
    expect(Object.keys(result).sort()).toEqual(["description", "didPattern", "group"]);
    expect(result.group).toEqual(["In-group is required for the In-group route"]);
    expect(Object.keys(errors(addDidSchema.safeParse({ didPattern: "727/555-3333", didRoute: "QUEUE" }))).sort()).toEqual(["didPattern", "didRoute"]);
  });

  it("sends only the fields the route uses", () => {
    const parsed = addDidSchema.parse({
      didPattern: "7275553333",
      didRoute: "IN_GROUP",
      group: "TEST_IN",
      agentSearchMethod: "LO",
      extension: "8300",
      menuId: "TESTMENU",
      recordCall: "Y",
      active: false,
    });
    expect(parsed).toEqual({ didPattern: "7275553333", didRoute: "IN_GROUP", group: "TEST_IN", agentSearchMethod: "LO", recordCall: "Y", active: false });
  });

  it("checks the in-group fields against VICIdial's columns", () => {
    const result = errors(
      addDidSchema.safeParse({
        didPattern: "7275553333",
        didRoute: "IN_GROUP",
        group: "TEST|IN",
        listId: "99A",
        entryListId: "1-2",
        campaignId: "TOOLONGCAMP",
        phoneCode: "+1",
        callHandleMethod: "cid",
        agentSearchMethod: "XX",
      }),
    );
    expect(Object.keys(result).sort()).toEqual(["agentSearchMethod", "callHandleMethod", "campaignId", "entryListId", "group", "listId", "phoneCode"]);
    expect(result.listId?.[0]).toBe("List ID must be digits only");
    expect(result.agentSearchMethod?.[0]).toContain("Load balanced (LB)");
  });

  it("checks the server IP is an address", () => {
    const base = { didPattern: "7275553333", didRoute: "PHONE", phoneExtension: "gs102" } as const;
    expect(errors(addDidSchema.safeParse({ ...base, serverIp: "10.10.10.256" })).serverIp?.[0]).toMatch(/IPv4/);
    expect(addDidSchema.parse({ ...base, serverIp: "10.10.10.15" }).serverIp).toBe("10.10.10.15");
  });

  it("refuses a route VICIdial does not know", () => {
    expect(errors(addDidSchema.safeParse({ didPattern: "7275553333", didRoute: "QUEUE" })).didRoute).toEqual(["Choose a route"]);
  });
});

describe("updateDidSchema", () => {
  it("says there is nothing to change before anything is sent", () => {
    expect(errors(updateDidSchema.safeParse({ didPattern: "3125550000" }))[""]).toEqual([NO_CHANGES]);
    expect(errors(updateDidSchema.safeParse({ didPattern: "3125550000", description: "", extension: "" }))[""]).toEqual([NO_CHANGES]);
  });

  it("passes on only the fields given", () => {
    expect(updateDidSchema.parse({ didPattern: "3125550000", active: false })).toEqual({ didPattern: "3125550000", active: false });
  });

  it("requires the new route's target when the route changes", () => {
    expect(Object.keys(errors(updateDidSchema.safeParse({ didPattern: "3125550000", didRoute: "CALLMENU" })))).toEqual(["menuId"]);
  });
});

describe("didChanges", () => {
  const before: DidFormValues = { description: "Seed DID for updates", active: true, didRoute: "EXTEN", recordCall: "N", extension: "8300", extenContext: "default", group: "", menuId: "" };

  it("finds no change when nothing was edited", () => {
    expect(didChanges(before, { ...before })).toEqual({ changes: {}, cleared: [] });
  });

  it("keeps only the edited fields", () => {
    expect(didChanges(before, { ...before, description: "Updated test API DID", active: false }).changes).toEqual({ description: "Updated test API DID", active: false });
  });

  it("sends the new route with its settings, and ignores the old route's fields", () => {
    const { changes, cleared } = didChanges(before, { ...before, didRoute: "CALLMENU", menuId: "TESTMENU", extension: "" });
    expect(changes).toEqual({ didRoute: "CALLMENU", menuId: "TESTMENU" });
    expect(cleared).toEqual([]);
  });

  it("reports an emptied field, which VICIdial cannot clear", () => {
    expect(didChanges(before, { ...before, extension: "" }).cleared).toEqual(["extension"]);
  });
});

describe("copyDidSchema", () => {
  it("splits lines and commas and drops empty entries", () => {
    expect(splitDidList("7275553338\n7275553337, 7275553339,,\n\n")).toEqual(["7275553338", "7275553337", "7275553339"]);
    expect(copyDidSchema.parse({ sourceDidPattern: "7275550100", newDids: "7275553338,\n+17275553337\n" }).newDids).toEqual(["7275553338", "+17275553337"]);
  });

  it("checks each entry and names the bad ones", () => {
    const message = errors(copyDidSchema.safeParse({ sourceDidPattern: "7275550100", newDids: "7275553338\n727/555-3337\n7" })).newDids?.[0];
    expect(message).toContain("“727/555-3337” cannot contain “/” and “-”");
    expect(message).toContain("“7” must be at least 2 characters");
    expect(message).not.toContain("7275553338");
  });

  it("refuses an empty list, repeats, and the source itself", () => {
    expect(errors(copyDidSchema.safeParse({ sourceDidPattern: "7275550100", newDids: " ,\n" })).newDids).toEqual(["List at least one new DID"]);
    expect(errors(copyDidSchema.safeParse({ sourceDidPattern: "7275550100", newDids: "7275553338,7275553338" })).newDids?.[0]).toContain("more than once: 7275553338");
    expect(errors(copyDidSchema.safeParse({ sourceDidPattern: "7275550100", newDids: "7275550100" })).newDids?.[0]).toContain("the DID being copied");
  });

  it("keeps the whole list within VICIdial's 2000 characters", () => {
    const many = Array.from({ length: 200 }, (_, i) => `72755${String(i).padStart(5, "0")}`).join("\n");
    expect(errors(copyDidSchema.safeParse({ sourceDidPattern: "7275550100", newDids: many })).newDids?.[0]).toMatch(/at most 2000/);
    const fits = Array.from({ length: 181 }, (_, i) => `72755${String(i).padStart(5, "0")}`);
    expect(copyDidSchema.parse({ sourceDidPattern: "7275550100", newDids: fits }).newDids).toHaveLength(181);
  });

  it("checks the description before sending, since VICIdial checks it halfway", () => {
    expect(errors(copyDidSchema.safeParse({ sourceDidPattern: "7275550100", newDids: "7275553338", description: "abc" })).description?.[0]).toMatch(/at least 6/);
  });
});

describe("deleteDidSchema", () => {
  it("needs a valid pattern", () => {
    expect(deleteDidSchema.parse({ didPattern: "+17275551212" })).toEqual({ didPattern: "+17275551212" });
    expect(deleteDidSchema.safeParse({ didPattern: "727 555" }).success).toBe(false);
  });
});
