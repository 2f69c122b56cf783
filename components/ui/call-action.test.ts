import { describe, expect, it } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { callAction, DASHBOARD_TIMEOUT, DASHBOARD_UNREACHABLE, placeFieldErrors } from "./call-action";

describe("callAction", () => {
  it("passes the action's own result through, success or refusal", async () => {
    const refused: ActionResult<number> = { ok: false, error: { kind: "vicidial", message: "DID ALREADY EXISTS", raw: "ERROR: add_did DID ALREADY EXISTS" } };
    expect(await callAction(async (_prev, n: number) => ({ ok: true, data: n * 2, message: "done" }), 21)).toEqual({ ok: true, data: 42, message: "done" });
    expect(await callAction(async () => refused, 1)).toBe(refused);
  });

  it("turns a request that fails on the way (network down, server restarting) into a failure that says the dashboard was out of reach", async () => {
    const result = await callAction(async () => {
      throw new TypeError("Failed to fetch");
    }, {});
    expect(result).toEqual({ ok: false, error: { kind: "unavailable", code: DASHBOARD_UNREACHABLE, message: "The dashboard could not be reached; check your connection and try again." } });
    const worded = await callAction(async () => Promise.reject(new Error("x")), {}, { unreachableMessage: "Check the jobs list." });
    expect(worded.ok === false && worded.error.message).toBe("Check the jobs list.");
  });

  it("stops waiting for an answer that never comes, and says the change may still have been made", async () => {
    const result = await callAction(() => new Promise<ActionResult>(() => {}), {}, { timeoutMs: 20 });
    expect(result).toMatchObject({ ok: false, error: { kind: "unavailable", code: DASHBOARD_TIMEOUT, message: expect.stringMatching(/did not answer .*may still have been made/) } });
  });
});

describe("placeFieldErrors", () => {
  it("sets the first message of each of the form's fields, in the form's order, focusing only the first; others stay for the callout", () => {
    const set: [string, string, boolean | undefined][] = [];
    const setError = (name: string, error: { message?: string }, options?: { shouldFocus?: boolean }) => void set.push([name, error.message ?? "", options?.shouldFocus]);
    const error = { kind: "validation" as const, message: "Some fields need attention.", fieldErrors: { description: ["Too long", "Bad characters"], didPattern: ["Digits only"], hidden: ["Not a field"] } };
    expect(placeFieldErrors(error, setError, ["didPattern", "description"])).toBe(true);
    expect(set).toEqual([
      ["didPattern", "Digits only", true],
      ["description", "Too long", false],
    ]);
    expect(placeFieldErrors(error, setError, ["extension"])).toBe(false);
  });

  it("reads nested keys under a prefix (a bulk job's options.*)", () => {
    const set: string[] = [];
    placeFieldErrors({ kind: "validation", message: "x", fieldErrors: { "options.groupId": ["Unknown group"] } }, (name: string) => void set.push(name), ["groupId"], "options.");
    expect(set).toEqual(["groupId"]);
  });
});
