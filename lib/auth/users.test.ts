import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { verifyPassword } from "./password";
import { changeOwnPassword, changeRole, createUser, ensureDemoAdmin, listUsers, resetPassword, setDisabled } from "./users";

for (const backend of testBackends()) {
  describe(`user management on ${backend}`, () => {
    const db = useTestDatabase(backend);
    const ids: Record<string, number> = {};

    const create = async (username: string, role: "admin" | "supervisor" | "provisioning" | "qa") => {
      const result = await createUser({ username, displayName: username.toUpperCase(), role });
      if (!result.ok) throw new Error(result.error.message);
      ids[username] = result.data.user.id;
      return result.data;
    };
    const row = async (id: number) => (await db().select().from(users).where(eq(users.id, id)))[0]!;

    it("creates the demo admin only while there are no users, and audits it", async () => {
      expect(await ensureDemoAdmin({ password: "demo-password-123" })).toBe("demo-password-123");
      expect(await ensureDemoAdmin()).toBeNull();
      const [admin] = await db().select().from(users).where(eq(users.username, "admin"));
      expect(admin).toMatchObject({ displayName: "Demo admin", role: "admin", mustChangePassword: false });
      expect(await verifyPassword("demo-password-123", admin!.passwordHash)).toBe(true);
      ids.admin = admin!.id;
      const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, "user.create"));
      expect(audit).toMatchObject({ actorUsername: "system", target: "admin", outcome: "success" });
    });

    it("creates a user with a one-time password it returns once and keeps only as a hash", async () => {
      const { user, oneTimePassword } = await create("qa1", "qa");
      expect(oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(user).toMatchObject({ username: "qa1", role: "qa", mustChangePassword: true, disabled: false });
      const stored = await row(user.id);
      expect(stored.passwordHash).not.toContain(oneTimePassword!);
      expect(await verifyPassword(oneTimePassword!, stored.passwordHash)).toBe(true);
    });

    it("refuses a username that is taken", async () => {
      const again = await createUser({ username: "qa1", displayName: "Other", role: "admin" });
      expect(again).toMatchObject({ ok: false, error: { kind: "conflict", fieldErrors: { username: ["This username is taken"] } } });
    });

    it("changes a role and ends that user's sessions", async () => {
      const before = await row(ids.qa1!);
      const result = await changeRole({ actorId: ids.admin!, userId: ids.qa1!, role: "supervisor" });
      expect(result).toMatchObject({ ok: true, data: { before: { role: "qa" }, after: { role: "supervisor" } } });
      expect((await row(ids.qa1!)).sessionVersion).toBe(before.sessionVersion + 1);
    });

    it("never lets the last active admin be demoted or disabled", async () => {
      await create("sup", "supervisor");
      const demote = await changeRole({ actorId: ids.sup!, userId: ids.admin!, role: "qa" });
      expect(demote).toMatchObject({ ok: false, error: { kind: "conflict", message: expect.stringContaining("last active admin") } });
      const disable = await setDisabled({ actorId: ids.sup!, userId: ids.admin!, disabled: true });
      expect(disable).toMatchObject({ ok: false, error: { kind: "conflict", message: expect.stringContaining("last active admin") } });
      expect(await row(ids.admin!)).toMatchObject({ role: "admin", disabled: false });
    });

    it("does not count a disabled admin as the one that remains", async () => {
      await create("admin2", "admin");
      expect(await setDisabled({ actorId: ids.admin!, userId: ids.admin2!, disabled: true })).toMatchObject({ ok: true });
      expect(await changeRole({ actorId: ids.admin2!, userId: ids.admin!, role: "qa" })).toMatchObject({ ok: false });
      expect(await setDisabled({ actorId: ids.admin!, userId: ids.admin2!, disabled: false })).toMatchObject({ ok: true });
    });

    it("lets exactly one of two concurrent demotions through when only two admins are left", async () => {
      // admin and admin2 are the two active admins; each demotes the other at the same moment.
      const results = await Promise.all([
        changeRole({ actorId: ids.admin!, userId: ids.admin2!, role: "qa" }),
        changeRole({ actorId: ids.admin2!, userId: ids.admin!, role: "qa" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toHaveLength(1);
      const admins = (await listUsers()).filter((u) => u.role === "admin" && !u.disabled);
      expect(admins).toHaveLength(1);
    });

    it("lets exactly one of a concurrent disable and demotion through", async () => {
      const [remaining] = (await listUsers()).filter((u) => u.role === "admin" && !u.disabled);
      await create("admin3", "admin");
      const results = await Promise.all([
        setDisabled({ actorId: ids.admin3!, userId: remaining!.id, disabled: true }),
        changeRole({ actorId: remaining!.id, userId: ids.admin3!, role: "provisioning" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect((await listUsers()).filter((u) => u.role === "admin" && !u.disabled)).toHaveLength(1);
    });

    it("refuses changing one's own role or disabling oneself", async () => {
      expect(await changeRole({ actorId: ids.sup!, userId: ids.sup!, role: "admin" })).toMatchObject({ ok: false, error: { kind: "conflict" } });
      expect(await setDisabled({ actorId: ids.sup!, userId: ids.sup!, disabled: true })).toMatchObject({ ok: false, error: { kind: "conflict" } });
    });

    it("resets a password: new one-time password, must change it, sessions ended", async () => {
      const before = await row(ids.sup!);
      const result = await resetPassword({ userId: ids.sup! });
      if (!result.ok) throw new Error(result.error.message);
      const after = await row(ids.sup!);
      expect(after.mustChangePassword).toBe(true);
      expect(after.sessionVersion).toBe(before.sessionVersion + 1);
      expect(await verifyPassword(result.data.oneTimePassword, after.passwordHash)).toBe(true);
    });

    it("changes one's own password only with the current one, and clears the one-time flag", async () => {
      const otp = await resetPassword({ userId: ids.sup! });
      if (!otp.ok) throw new Error("reset failed");
      const wrong = await changeOwnPassword({ userId: ids.sup!, currentPassword: "not it", newPassword: "a brand new password" });
      expect(wrong).toMatchObject({ ok: false, error: { kind: "validation", fieldErrors: { currentPassword: ["This is not your current password"] } } });
      const version = (await row(ids.sup!)).sessionVersion;
      const changed = await changeOwnPassword({ userId: ids.sup!, currentPassword: otp.data.oneTimePassword, newPassword: "a brand new password" });
      expect(changed).toMatchObject({ ok: true });
      const after = await row(ids.sup!);
      expect(after).toMatchObject({ mustChangePassword: false, sessionVersion: version });
      expect(await verifyPassword("a brand new password", after.passwordHash)).toBe(true);
    });

    it("answers for users that do not exist", async () => {
      expect(await changeRole({ actorId: ids.admin!, userId: 999_999, role: "qa" })).toMatchObject({ ok: false, error: { kind: "conflict" } });
      expect(await setDisabled({ actorId: ids.admin!, userId: 999_999, disabled: true })).toMatchObject({ ok: false });
      expect(await resetPassword({ userId: 999_999 })).toMatchObject({ ok: false });
    });
  });
}
