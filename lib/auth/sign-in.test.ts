import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, signInAttempts, users } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { hashPassword } from "./password";
import { DISABLED_ACCOUNT, signInWithPassword, WRONG_CREDENTIALS } from "./sign-in";

const MINUTE = 60_000;

/** A clock the test moves by hand. */
function clock(start = "2025-03-01T09:00:00Z") {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

const request = (username: string, password: string) => ({ username, password, ip: "10.0.0.7", userAgent: "vitest" });

for (const backend of testBackends()) {
  describe(`sign-in on ${backend}`, () => {
    const db = useTestDatabase(backend);

    beforeAll(async () => {
      const passwordHash = await hashPassword("correct horse battery");
      await db().insert(users).values([
        { username: "alice", displayName: "Alice", role: "supervisor", passwordHash },
        { username: "bob", displayName: "Bob", role: "qa", passwordHash },
        { username: "carol", displayName: "Carol", role: "qa", passwordHash },
        { username: "dave", displayName: "Dave", role: "qa", passwordHash, disabled: true },
        { username: "erin", displayName: "Erin", role: "qa", passwordHash },
      ]);
    });

    it("signs in with the right password, case-insensitively on the username, and audits it", async () => {
      const c = clock();
      const result = await signInWithPassword(request("  Alice ", "correct horse battery"), c);
      expect(result).toMatchObject({ ok: true, user: { username: "alice", displayName: "Alice", role: "supervisor", sessionVersion: 1 } });
      const [row] = await db().select().from(users).where(eq(users.username, "alice"));
      expect(row?.lastSignInAt?.toISOString()).toBe(c.now().toISOString());
      const audit = await db().select().from(auditLog).where(and(eq(auditLog.action, "auth.sign_in"), eq(auditLog.actorUsername, "alice")));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ outcome: "success", resource: "auth", ip: "10.0.0.7", userAgent: "vitest", actorRole: "supervisor" });
    });

    it("says the same thing for an unknown username as for a wrong password", async () => {
      const c = clock();
      const unknown = await signInWithPassword(request("nobody", "whatever it is"), c);
      const wrong = await signInWithPassword(request("erin", "not the password"), c);
      expect(unknown).toEqual({ ok: false, message: WRONG_CREDENTIALS });
      expect(wrong).toEqual({ ok: false, message: WRONG_CREDENTIALS });
      const failures = await db().select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_failed"));
      expect(failures.find((r) => r.target === "nobody")).toMatchObject({ actorId: null, outcome: "failed", message: "Unknown username" });
      expect(failures.find((r) => r.target === "erin")).toMatchObject({ outcome: "failed", message: "Wrong password" });
    });

    it("refuses a username for 15 minutes after 5 failures within 15 minutes, with the minutes left", async () => {
      const c = clock();
      for (let i = 0; i < 5; i++) {
        expect(await signInWithPassword(request("bob", `wrong ${i}`), c)).toEqual({ ok: false, message: WRONG_CREDENTIALS });
        c.advance(MINUTE);
      }
      // Locked at the fifth failure (4 minutes in), now one minute later: 14 minutes left.
      const locked = await signInWithPassword(request("bob", "correct horse battery"), c);
      expect(locked).toEqual({ ok: false, message: "Too many failed sign-ins for this username. Try again in 14 minutes." });

      // Attempts during the lock are refused without being counted, so they do not extend it.
      c.advance(10 * MINUTE);
      expect(await signInWithPassword(request("bob", "wrong again"), c)).toMatchObject({ message: expect.stringContaining("Try again in 4 minutes") });
      c.advance(4 * MINUTE + 1);
      expect(await signInWithPassword(request("bob", "correct horse battery"), c)).toMatchObject({ ok: true });
    });

    it("locks unknown usernames the same way, so locking does not reveal which exist", async () => {
      const c = clock();
      for (let i = 0; i < 5; i++) await signInWithPassword(request("ghost", "nope nope"), c);
      expect(await signInWithPassword(request("ghost", "nope nope"), c)).toEqual({
        ok: false,
        message: "Too many failed sign-ins for this username. Try again in 15 minutes.",
      });
    });

    it("counts only failures within 15 minutes of each other, and starts again after a success", async () => {
      const c = clock();
      for (let i = 0; i < 4; i++) {
        await signInWithPassword(request("carol", "wrong"), c);
        c.advance(5 * MINUTE);
      }
      // Failures at 0, 5, 10, 15 min: the one at 0 has left the window when the fifth comes at 20.
      expect(await signInWithPassword(request("carol", "wrong"), c)).toEqual({ ok: false, message: WRONG_CREDENTIALS });
      c.advance(MINUTE);
      expect(await signInWithPassword(request("carol", "correct horse battery"), c)).toMatchObject({ ok: true });
      for (let i = 0; i < 4; i++) await signInWithPassword(request("carol", "wrong"), c);
      expect(await signInWithPassword(request("carol", "correct horse battery"), c)).toMatchObject({ ok: true });
    });

    it("refuses a disabled account even with the right password", async () => {
      expect(await signInWithPassword(request("dave", "correct horse battery"), clock())).toEqual({ ok: false, message: DISABLED_ACCOUNT });
    });

    it("records each attempt for the throttle, shared by every instance through the database", async () => {
      const rows = await db().select().from(signInAttempts).where(eq(signInAttempts.username, "erin"));
      expect(rows.map((r) => r.success)).toEqual([false]);
      expect(rows[0]?.ip).toBe("10.0.0.7");
    });

    it("asks for both fields before checking anything", async () => {
      expect(await signInWithPassword(request("", ""), clock())).toEqual({ ok: false, message: "Enter your username and password." });
    });
  });
}
