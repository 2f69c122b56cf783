import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { auditLog, users } from "./schema";

for (const backend of testBackends()) {
  describe(`database on ${backend}`, () => {
    const db = useTestDatabase(backend);

    it("applies every migration, so the tables later features need exist", async () => {
      const rows = await db().execute<{ table_name: string }>(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      const names = (rows as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
      expect(names).toEqual(expect.arrayContaining(["audit_log", "users", "dids", "phones", "phone_aliases", "cid_groups"]));
    });

    it("stores and reads back an audit entry with its JSON parameters", async () => {
      await db().insert(auditLog).values({
        actorUsername: "admin",
        action: "did.add",
        resource: "did",
        target: "+17275551212",
        params: { did_pattern: "+17275551212", pass: "[redacted]" },
        outcome: "success",
      });
      const [row] = await db().select().from(auditLog).where(eq(auditLog.target, "+17275551212"));
      expect(row?.params).toEqual({ did_pattern: "+17275551212", pass: "[redacted]" });
      expect(row?.at).toBeInstanceOf(Date);
    });

    it("refuses a user with a role outside the four roles", async () => {
      await expect(
        db().insert(users).values({ username: "x", displayName: "X", role: "root" as never, passwordHash: "h" }),
      ).rejects.toThrow();
    });
  });
}
