import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { recordAudit } from "./record";

/**
 * What an auditor would try from a database console: the log's rows cannot be changed or removed
 * by any statement, only added to (migration 0004_audit_log_append_only, a trigger).
 */
for (const backend of testBackends()) {
  describe(`the audit log is append-only in the database (${backend})`, () => {
    const db = useTestDatabase(backend);

    async function entry(target: string) {
      const id = await recordAudit({ actor: { id: 1, username: "alice", role: "admin" }, action: "did.add", target, outcome: "success", message: "added" });
      const [row] = await db().select().from(auditLog).where(eq(auditLog.id, id));
      return row!;
    }

    /** The database's own error text (drizzle wraps it as the cause). */
    async function refusal(statement: Promise<unknown>): Promise<string> {
      const error = await statement.then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error, "the statement should have been refused").toBeDefined();
      const cause = (error as { cause?: { message?: string } }).cause;
      return `${(error as Error).message} ${cause?.message ?? ""}`;
    }

    it("refuses an UPDATE of an entry and keeps it as written", async () => {
      const row = await entry("+17275550100");
      expect(await refusal(db().update(auditLog).set({ outcome: "failed", actorUsername: "mallory" }).where(eq(auditLog.id, row.id)))).toMatch(
        /append-only: UPDATE/,
      );
      expect(await refusal(db().execute(sql`update audit_log set message = 'rewritten'`))).toMatch(/append-only: UPDATE/);
      const [after] = await db().select().from(auditLog).where(eq(auditLog.id, row.id));
      expect(after).toEqual(row);
    });

    it("refuses a DELETE, even one that matches nothing, and a TRUNCATE", async () => {
      const row = await entry("+17275550101");
      expect(await refusal(db().delete(auditLog).where(eq(auditLog.id, row.id)))).toMatch(/append-only: DELETE/);
      expect(await refusal(db().delete(auditLog).where(eq(auditLog.id, -1)))).toMatch(/append-only: DELETE/);
      expect(await refusal(db().execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE/);
      const [still] = await db().select().from(auditLog).where(eq(auditLog.id, row.id));
      expect(still).toEqual(row);
    });

    it("still takes new entries after refusing a change", async () => {
      const before = await db().$count(auditLog);
      await entry("+17275550102");
      expect(await db().$count(auditLog)).toBe(before + 1);
    });
  });
}
