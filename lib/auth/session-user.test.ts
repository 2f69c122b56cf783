import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import type { SessionClaims } from "./claims";
import { sessionLimits } from "./session-lifetime";
import { resolveSessionUser } from "./session-user";
import { changeOwnPassword, changeRole, createUser, resetPassword, setDisabled } from "./users";

for (const backend of testBackends()) {
  describe(`session check against the database on ${backend}`, () => {
    const db = useTestDatabase(backend);
    const now = new Date("2025-03-01T12:00:00Z");

    async function signedIn(username: string, role: "admin" | "qa" = "qa"): Promise<SessionClaims> {
      const created = await createUser({ username, displayName: username, role, password: "initial password 1" });
      if (!created.ok) throw new Error(created.error.message);
      const [row] = await db().select().from(users).where(eq(users.username, username));
      return { uid: row!.id, username, name: username, role, sv: row!.sessionVersion, signedInAt: now.getTime() / 1000 - 60 };
    }

    it("resolves a current session to its user", async () => {
      const claims = await signedIn("valid");
      expect(await resolveSessionUser(db(), claims, now)).toEqual({ id: claims.uid, username: "valid", displayName: "valid", role: "qa", mustChangePassword: false });
    });

    it("signs out a user whose role changed", async () => {
      const claims = await signedIn("promoted");
      await changeRole({ actorId: null, userId: claims.uid, role: "supervisor" });
      expect(await resolveSessionUser(db(), claims, now)).toBeNull();
    });

    it("signs out a disabled user, and does not sign them back in when re-enabled", async () => {
      const claims = await signedIn("disabled");
      await setDisabled({ actorId: null, userId: claims.uid, disabled: true });
      expect(await resolveSessionUser(db(), claims, now)).toBeNull();
      await setDisabled({ actorId: null, userId: claims.uid, disabled: false });
      expect(await resolveSessionUser(db(), claims, now)).toBeNull();
    });

    it("signs out a user whose password an admin reset", async () => {
      const claims = await signedIn("reset");
      await resetPassword({ userId: claims.uid });
      expect(await resolveSessionUser(db(), claims, now)).toBeNull();
    });

    it("keeps the session of a user who changed their own password", async () => {
      const claims = await signedIn("self");
      await changeOwnPassword({ userId: claims.uid, currentPassword: "initial password 1", newPassword: "second password 22" });
      expect(await resolveSessionUser(db(), claims, now)).not.toBeNull();
    });

    it("ends every session at its absolute lifetime after sign-in, however active", async () => {
      const claims = await signedIn("late");
      const end = claims.signedInAt + sessionLimits().maxAgeSeconds;
      expect(await resolveSessionUser(db(), { ...claims, activeAt: end - 60 }, new Date((end - 1) * 1000))).not.toBeNull();
      expect(await resolveSessionUser(db(), { ...claims, activeAt: end - 60 }, new Date((end + 1) * 1000))).toBeNull();
    });

    it("ends a session idle for longer than the idle limit, counted from its last activity", async () => {
      const claims = await signedIn("idle");
      const { idleSeconds } = sessionLimits();
      const active = { ...claims, activeAt: claims.signedInAt + 3600 };
      expect(await resolveSessionUser(db(), active, new Date((active.activeAt + idleSeconds - 1) * 1000))).not.toBeNull();
      expect(await resolveSessionUser(db(), active, new Date((active.activeAt + idleSeconds + 1) * 1000))).toBeNull();
    });

    it("refuses claims that disagree with the row (a forged or stale token)", async () => {
      const claims = await signedIn("forged");
      expect(await resolveSessionUser(db(), { ...claims, role: "admin" }, now)).toBeNull();
      expect(await resolveSessionUser(db(), { ...claims, uid: 987_654 }, now)).toBeNull();
    });
  });
}
