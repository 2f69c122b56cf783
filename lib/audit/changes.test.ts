import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, actionLabel } from "./actions";
import { changeLine, entryChanges, entrySummary } from "./changes";

const did = (over: Record<string, unknown>) => ({
  didPattern: "8005550100",
  description: "Sales line",
  active: "Y",
  route: "IN_GROUP",
  groupId: "TEST_IN",
  extension: null,
  recordCall: "N",
  updatedAt: "2026-11-30T07:00:00.000Z",
  updatedBy: "alice",
  ...over,
});

describe("what an audit entry changed, in words", () => {
  it("words a DID's route change as the route and its target together", () => {
    const entry = { action: "did.update", resource: "did", before: did({}), after: did({ route: "EXTEN", extension: "8300", groupId: null, updatedBy: "bob" }) };
    expect(entryChanges(entry).map(changeLine)).toEqual(["Route: In-group TEST_IN → Extension 8300"]);
    expect(entrySummary(entry)).toEqual(["Route: In-group TEST_IN → Extension 8300"]);
  });

  it("uses the words people see in the forms for coded values, and ignores bookkeeping columns", () => {
    const entry = { action: "did.update", resource: "did", before: did({}), after: did({ active: "N", recordCall: "Y_QUEUESTOP", updatedAt: "later" }) };
    expect(entryChanges(entry)).toEqual([
      { key: "active", label: "Active", before: "Yes", after: "No" },
      { key: "recordCall", label: "Record calls", before: "No", after: "Yes, stop when the call leaves the queue" },
    ]);
  });

  it("lists every field of an added object as new, and the list line falls back to the message", () => {
    const entry = { action: "phone.add", resource: "phone", before: null, after: { serverIp: "10.0.0.5", extension: "1001", login: "1001", protocol: "SIP", fullName: "Front Desk" }, message: "Phone 1001 added" };
    const lines = entryChanges(entry).map(changeLine);
    expect(lines).toContain("Full name: Front Desk");
    expect(lines).toContain("Server IP: 10.0.0.5");
    expect(entrySummary(entry)).toEqual(["Phone 1001 added"]);
  });

  it("diffs CID entries by area code and caller ID: changed, added and deleted entries", () => {
    const before = [
      { areacode: "312", outboundCid: "3125550100", active: true, description: "Main", callCountToday: 4 },
      { areacode: "312", outboundCid: "3125550101", active: true, description: "", callCountToday: 0 },
    ];
    const update = { action: "cid.update", resource: "cid", before, after: before.map((row) => ({ ...row, active: false, callCountToday: 9 })) };
    expect(entryChanges(update).map(changeLine)).toEqual(["Area code 312, 3125550100: Active: Yes → No", "Area code 312, 3125550101: Active: Yes → No"]);
    const add = { action: "cid.add", resource: "cid", before: [], after: [{ areacode: "415", outboundCid: "4155550100", active: true, description: "New" }] };
    expect(entryChanges(add).map(changeLine)).toEqual(["Area code 415, 4155550100: entry: active, New"]);
    const remove = { action: "cid.delete", resource: "cid", before: before.slice(0, 1), after: null };
    expect(entryChanges(remove).map(changeLine)).toEqual(["Area code 312, 3125550100: entry: active, Main → removed"]);
  });

  it("keeps the list line short and says how many more fields changed", () => {
    const entry = { action: "phone.update", resource: "phone", before: { fullName: "A", email: "a@x", templateId: "T1", voicemailId: "1", login: "l" }, after: { fullName: "B", email: "b@x", templateId: "T2", voicemailId: "2", login: "l" } };
    expect(entrySummary(entry)).toEqual(["Voicemail box: 1 → 2", "Full name: A → B", "Email: a@x → b@x", "and 1 more"]);
  });

  it("shows entries with nothing to compare by their action's words", () => {
    expect(entrySummary({ action: "auth.sign_in", resource: "auth", before: null, after: null })).toEqual(["Signed in"]);
    expect(actionLabel("did.update")).toBe("DID changed");
    expect(actionLabel("some.new_action")).toBe("some.new_action");
  });

  it("names every action the dashboard writes", async () => {
    const { readFileSync, readdirSync, statSync } = await import("node:fs");
    const { join } = await import("node:path");
    const written = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.includes(".test.")) {
          for (const match of readFileSync(path, "utf8").matchAll(/(?:audit|action): "((?:auth|user|did|phone|alias|cid|call|job|audit|settings)\.[a-z_]+)"/g)) written.add(match[1]!);
        }
      }
    };
    ["app", "lib"].forEach(walk);
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((action) => !(action in AUDIT_ACTIONS))).toEqual([]);
  });
});
