import { desc, eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { z } from "zod";
import { fail, ok } from "@/lib/actions/result";
import { auditLog } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { action } from "./action";
import type { CurrentUser } from "../auth/session";
import { testSession } from "@/lib/testing/session";

const session = testSession();

const supervisor: CurrentUser = { id: 7, username: "sup.ervisor-1", displayName: "Sue", role: "supervisor", mustChangePassword: false };
const qa: CurrentUser = { id: 8, username: "qa", displayName: "Quinn", role: "qa", mustChangePassword: false };

const schema = z.object({ pattern: z.string().regex(/^\d+$/, "Digits only"), pass: z.string().optional(), tags: z.array(z.string()).optional() });

/** The spy on the schema's parse that the running test made, removed after it. */
let parse: MockInstance<typeof schema.safeParse> | undefined;
afterEach(() => parse?.mockRestore());

function makeAction(body: Parameters<typeof action<typeof schema, { pattern: string }>>[1]) {
  const handler = vi.fn(body);
  parse = vi.spyOn(schema, "safeParse");
  return { handler, parse, run: action({ permission: "dids.write", schema, audit: "did.add" }, handler) };
}

for (const backend of testBackends()) {
  describe(`the action wrapper on ${backend}`, () => {
    const db = useTestDatabase(backend);
    const lastAudit = async () => (await db().select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];
    const auditCount = async () => (await db().select().from(auditLog).where(eq(auditLog.action, "did.add"))).length;

    beforeEach(() => {
      session.user = supervisor;
    });

    it("refuses an anonymous call before parsing anything, and writes nothing", async () => {
      session.user = null;
      const { run, handler, parse } = makeAction(async (input) => ok(input, "added"));
      const before = await auditCount();
      expect(await run(undefined, { pattern: "not digits" })).toEqual({ ok: false, error: { kind: "unauthorized", message: expect.any(String) } });
      expect(parse).not.toHaveBeenCalled();
      expect(handler).not.toHaveBeenCalled();
      expect(await auditCount()).toBe(before);
    });

    it("refuses a role without the permission before parsing (an invalid input still says forbidden), and audits the refusal", async () => {
      session.user = qa;
      const { run, handler, parse } = makeAction(async (input) => ok(input, "added"));
      expect(await run(undefined, { pattern: "not digits", pass: "hunter22" })).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(parse).not.toHaveBeenCalled();
      expect(handler).not.toHaveBeenCalled();
      const entry = await lastAudit();
      expect(entry).toMatchObject({ action: "did.add", actorUsername: "qa", actorRole: "qa", outcome: "failed", params: null });
      expect(entry?.message).toContain("Refused");
    });

    it("keeps a user with a one-time password out of everything but their account", async () => {
      session.user = { ...supervisor, mustChangePassword: true };
      const { run, handler } = makeAction(async (input) => ok(input, "added"));
      expect(await run(undefined, { pattern: "1" })).toMatchObject({ ok: false, error: { kind: "forbidden", message: expect.stringContaining("Account page") } });
      expect(handler).not.toHaveBeenCalled();
    });

    it("returns field errors keyed by field name before the handler runs", async () => {
      const { run, handler } = makeAction(async (input) => ok(input, "added"));
      const result = await run(undefined, { pattern: "12a" });
      expect(result).toEqual({ ok: false, error: { kind: "validation", message: expect.any(String), fieldErrors: { pattern: ["Digits only"] } } });
      expect(handler).not.toHaveBeenCalled();
    });

    it("runs the handler with the parsed input and context, and audits the success with redacted params", async () => {
      const { run, handler } = makeAction(async (input, ctx) => {
        ctx.audit.target = input.pattern;
        ctx.audit.after = { pattern: input.pattern };
        return ok({ pattern: input.pattern }, "DID added");
      });
      const result = await run(undefined, { pattern: "17275551212", pass: "hunter22" });
      expect(result).toEqual({ ok: true, data: { pattern: "17275551212" }, message: "DID added" });
      expect(handler).toHaveBeenCalledWith(
        { pattern: "17275551212", pass: "hunter22" },
        { user: { id: 7, username: "sup.ervisor-1", displayName: "Sue", role: "supervisor" }, source: "supervisor1", audit: expect.any(Object) },
      );
      expect(await lastAudit()).toMatchObject({
        action: "did.add",
        resource: "did",
        actorId: 7,
        actorUsername: "sup.ervisor-1",
        target: "17275551212",
        params: { pattern: "17275551212", pass: "[redacted]" },
        after: { pattern: "17275551212" },
        outcome: "success",
        message: "DID added",
      });
      expect((await lastAudit())?.durationMs).toBeGreaterThanOrEqual(0);
    });

    it("accepts FormData from useActionState: repeated keys become arrays, empty strings stay", async () => {
      const seen: unknown[] = [];
      const loose = action({ permission: "dids.write", schema: z.object({ pattern: z.string(), tags: z.array(z.string()), note: z.string() }) }, async (input) => {
        seen.push(input);
        return ok(null, "ok");
      });
      const form = new FormData();
      form.append("pattern", "1");
      form.append("tags", "a");
      form.append("tags", "b");
      form.append("note", "");
      form.append("$ACTION_ID_abc", "");
      expect(await loose(null, form)).toMatchObject({ ok: true });
      expect(seen).toEqual([{ pattern: "1", tags: ["a", "b"], note: "" }]);
    });

    it("audits a VICIdial refusal as failed and a timeout as unknown, with the raw line", async () => {
      const refused = makeAction(async (_input, ctx) => {
        ctx.audit.target = "1";
        return fail("vicidial", "DID already exists", { code: "DID_EXISTS", raw: "ERROR: add_did DID ALREADY EXISTS - 1" });
      });
      expect(await refused.run(undefined, { pattern: "1" })).toMatchObject({ ok: false, error: { kind: "vicidial" } });
      expect(await lastAudit()).toMatchObject({ outcome: "failed", message: "DID already exists", raw: "ERROR: add_did DID ALREADY EXISTS - 1" });

      const timedOut = makeAction(async () => fail("unavailable", "VICIdial did not answer in time", { code: "TIMEOUT" }));
      await timedOut.run(undefined, { pattern: "2" });
      expect(await lastAudit()).toMatchObject({ outcome: "unknown" });
    });

    it("turns a thrown error into a generic result without its text, and audits it as failed", async () => {
      const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const { run } = makeAction(async () => {
        throw new Error("connect ECONNREFUSED 10.0.0.1:5432 password=hunter22");
      });
      const result = await run(undefined, { pattern: "3" });
      expect(result).toMatchObject({ ok: false, error: { kind: "internal" } });
      expect(JSON.stringify(result)).not.toContain("ECONNREFUSED");
      const entry = await lastAudit();
      expect(entry).toMatchObject({ outcome: "failed", params: { pattern: "3" } });
      expect(entry?.message).toContain("ECONNREFUSED");
      expect(entry?.message).not.toContain("hunter22");
      spy.mockRestore();
    });

    it("lets a redirect from the handler through, audited as a success", async () => {
      const { run } = makeAction(async () => redirect("/dids/1"));
      await expect(run(undefined, { pattern: "4" })).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
      expect(await lastAudit()).toMatchObject({ outcome: "success", params: { pattern: "4" } });
    });

    it("writes exactly one entry per call", async () => {
      const before = await auditCount();
      const { run } = makeAction(async (input) => ok(input, "ok"));
      await run(undefined, { pattern: "5" });
      expect(await auditCount()).toBe(before + 1);
    });

    it("falls back to 'dashboard' as VICIdial source when the username has no letters or digits", async () => {
      session.user = { ...supervisor, username: "..." };
      const { run, handler } = makeAction(async (input) => ok(input, "ok"));
      await run(undefined, { pattern: "6" });
      expect(handler.mock.calls[0]?.[1].source).toBe("dashboard");
    });
  });
}
