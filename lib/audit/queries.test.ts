import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { auditCsv } from "./csv";
import { parseAuditFilters } from "./filters";
import { getAuditEntry, iterateAudit, listAudit, listAuditForTarget } from "./queries";
import { recordAudit } from "./record";

const bob = { id: 2, username: "bob", role: "provisioning" as const };

for (const backend of testBackends()) {
  describe(`audit log on ${backend}`, () => {
    const db = useTestDatabase(backend);

    beforeAll(async () => {
      const at = (day: number, hour: number) => new Date(Date.UTC(2025, 0, day, hour));
      // Inserted directly to control the timestamps; recordAudit is tested below.
      await db().insert(auditLog).values([
        { at: at(1, 9), actorId: 1, actorUsername: "alice", actorRole: "admin", action: "did.add", resource: "did", target: "+17275550001", outcome: "success" },
        { at: at(1, 10), actorId: 2, actorUsername: "bob", actorRole: "provisioning", action: "phone.add", resource: "phone", target: "10.0.0.5/1001", outcome: "failed" },
        { at: at(2, 9), actorId: 1, actorUsername: "alice", actorRole: "admin", action: "did.update", resource: "did", target: "+17275550001", outcome: "unknown" },
        { at: at(3, 9), actorId: 2, actorUsername: "bob", actorRole: "provisioning", action: "phone.update", resource: "phone", target: "10.0.0.5/1001", outcome: "success" },
        { at: at(3, 23), actorId: 1, actorUsername: "alice", actorRole: "admin", action: "did.delete", resource: "did", target: "+17275550002", outcome: "success" },
        { at: at(4, 0), actorId: 1, actorUsername: "alice", actorRole: "admin", action: "user.create", resource: "user", target: "50%_off", outcome: "success" },
        { at: at(4, 1), actorId: 2, actorUsername: "bob", actorRole: "provisioning", action: "auth.sign_in", resource: "auth", target: "bob", outcome: "success" },
      ]);
    });

    const targets = (rows: { target: string | null }[]) => rows.map((r) => r.target);

    it("lists newest first with the total", async () => {
      const { rows, total } = await listAudit({}, { kind: "all" });
      expect(total).toEqual({ count: 6, exact: true });
      expect(rows.map((r) => r.action)).toEqual(["user.create", "did.delete", "phone.update", "did.update", "phone.add", "did.add"]);
    });

    it("hides sign-ins unless asked for or pointed at", async () => {
      expect((await listAudit({}, { kind: "all" })).rows.some((r) => r.resource === "auth")).toBe(false);
      expect((await listAudit({ signins: "1" }, { kind: "all" })).rows[0]?.action).toBe("auth.sign_in");
      expect((await listAudit({ resource: "auth" }, { kind: "all" })).total).toEqual({ count: 1, exact: true });
      expect((await listAudit({ action: "auth.sign_in" }, { kind: "all" })).total).toEqual({ count: 1, exact: true });
      expect((await listAudit({ user: "bob", signins: "1" }, { kind: "all" })).total).toEqual({ count: 3, exact: true });
    });

    it("filters by user, resource, action and outcome", async () => {
      expect((await listAudit({ user: "bob" }, { kind: "all" })).total).toEqual({ count: 2, exact: true });
      expect((await listAudit({ resource: "did" }, { kind: "all" })).total).toEqual({ count: 3, exact: true });
      expect((await listAudit({ action: "did.update" }, { kind: "all" })).rows[0]?.outcome).toBe("unknown");
      expect((await listAudit({ outcome: "failed" }, { kind: "all" })).rows.map((r) => r.action)).toEqual(["phone.add"]);
      expect((await listAudit({ resource: "did", outcome: "success" }, { kind: "all" })).total).toEqual({ count: 2, exact: true });
    });

    it("filters by a date range in whole UTC days, both ends included", async () => {
      const { rows } = await listAudit({ from: "2025-01-02", to: "2025-01-03" }, { kind: "all" });
      expect(rows.map((r) => r.action)).toEqual(["did.delete", "phone.update", "did.update"]);
    });

    it("reads the date range as days in the reader's zone", async () => {
      const { rows } = await listAudit({ from: "2025-01-03", to: "2025-01-03" }, { kind: "all" }, { zone: "America/New_York" });
      expect(rows.map((r) => r.action)).toEqual(["user.create", "did.delete", "phone.update"]);
    });

    it("searches targets by any part, treating % and _ literally", async () => {
      expect(targets((await listAudit({ q: "5550001" }, { kind: "all" })).rows)).toEqual(["+17275550001", "+17275550001"]);
      expect(targets((await listAudit({ q: "%_" }, { kind: "all" })).rows)).toEqual(["50%_off"]);
      expect((await listAudit({ q: "10.0.0" }, { kind: "all" })).total).toEqual({ count: 2, exact: true });
    });

    it("pages through the results", async () => {
      const first = await listAudit({}, { kind: "all" }, { pageSize: 4 });
      const second = await listAudit({ after: first.next }, { kind: "all" }, { pageSize: 4 });
      expect(first.rows).toHaveLength(4);
      expect(first.previous).toBeUndefined();
      expect(second.rows.map((r) => r.action)).toEqual(["phone.add", "did.add"]);
      expect(second.total).toEqual({ count: 6, exact: true });
      expect(second.next).toBeUndefined();
      const back = await listAudit({ before: second.previous }, { kind: "all" }, { pageSize: 4 });
      expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
      expect((await listAudit({ last: "1" }, { kind: "all" }, { pageSize: 4 })).rows.map((r) => r.id)).toEqual([...first.rows, ...second.rows].slice(2).map((r) => r.id));
    });

    it("shows own-scope readers only their own entries, whatever the filters ask", async () => {
      const own = { kind: "own" as const, actorId: 2 };
      expect((await listAudit({}, own)).rows.every((r) => r.actorUsername === "bob")).toBe(true);
      expect((await listAudit({ user: "alice" }, own)).total).toEqual({ count: 0, exact: true });
      const aliceEntry = (await listAudit({ user: "alice" }, { kind: "all" })).rows[0]!;
      expect(await getAuditEntry(aliceEntry.id, own)).toBeNull();
      expect(await getAuditEntry(aliceEntry.id, { kind: "all" })).toMatchObject({ actorUsername: "alice" });
    });

    it("gives one object's history, newest first, limited", async () => {
      const history = await listAuditForTarget("did", "+17275550001", 10);
      expect(history.map((r) => r.action)).toEqual(["did.update", "did.add"]);
      expect(await listAuditForTarget("did", "+17275550001", 1)).toHaveLength(1);
      expect(await listAuditForTarget("phone", "+17275550001")).toHaveLength(0);
    });

    it("exports the whole filtered view in batches, in order, without losing rows between batches", async () => {
      const batches = [];
      for await (const batch of iterateAudit({}, { kind: "all" }, { batchSize: 4 })) batches.push(batch);
      expect(batches.map((b) => b.length)).toEqual([4, 2]);
      expect(batches.flat().map((r) => r.action)).toEqual((await listAudit({}, { kind: "all" })).rows.map((r) => r.action));
      const csv = auditCsv(batches.flat(), { header: true });
      const lines = csv.trim().split("\r\n");
      expect(lines[0]).toMatch(/^id,time_utc,user,role,ip,action,resource,target,outcome/);
      expect(lines).toHaveLength(7);
    });

    it("writes entries with secrets redacted from params, before/after and raw text", async () => {
      const id = await recordAudit({
        actor: bob,
        action: "phone.add",
        target: "10.0.0.5/2002",
        params: { extension: "2002", pass: "s3cret-pass", conf: { registration_password: "regpass99" } },
        after: { phone_pass: "s3cret-pass" },
        outcome: "success",
        raw: "SUCCESS: add_phone PHONE HAS BEEN ADDED - 2002|s3cret-pass|regpass99",
        message: "sent pass=s3cret-pass",
        durationMs: 12.6,
        ip: "::ffff:10.1.1.1",
      });
      const entry = await getAuditEntry(id, { kind: "own", actorId: bob.id });
      expect(entry).toMatchObject({
        resource: "phone",
        params: { extension: "2002", pass: "[redacted]", conf: { registration_password: "[redacted]" } },
        after: { phone_pass: "[redacted]" },
        raw: "SUCCESS: add_phone PHONE HAS BEEN ADDED - 2002|[redacted]|[redacted]",
        message: "sent pass=[redacted]",
        durationMs: 13,
      });
      expect(JSON.stringify(entry)).not.toContain("s3cret");
    });

    it("keeps an entry whose input holds characters PostgreSQL cannot store (NUL, a lone surrogate), showing them as ␀ and �", async () => {
      // Found by the hostile-input property: a pasted call ID with a NUL lost its batch's entry.
      const id = await recordAudit({
        actor: bob,
        action: "call.lookup_batch",
        target: "M1\u0000",
        params: { callIds: ["M1\u0000x", "M2\uD800"], "k\u0000": 1 },
        outcome: "success",
        message: "looked up M1\u0000x",
      });
      const entry = await getAuditEntry(id, { kind: "own", actorId: bob.id });
      expect(entry).toMatchObject({ target: "M1␀", params: { callIds: ["M1␀x", "M2\uFFFD"], "k␀": 1 }, message: "looked up M1␀x" });
    });

    it("reads filters from the URL, dropping values that do not parse", () => {
      expect(parseAuditFilters({ user: "bob", outcome: "maybe", from: "2025-13-45", after: "2", before: "x", resource: "DID;drop", q: "  1001 " })).toEqual({
        user: "bob",
        after: "2",
        q: "1001",
      });
      expect(parseAuditFilters(new URLSearchParams("outcome=failed&to=2025-01-31"))).toEqual({ outcome: "failed", to: "2025-01-31" });
    });

    it("has no update or delete path: the log's module exports reads and one insert", async () => {
      const modules = [await import("./queries"), await import("./record")];
      const names = modules.flatMap((m) => Object.keys(m));
      expect(names.filter((n) => /update|delete|remove|purge|edit/i.test(n))).toEqual([]);
    });
  });
}
