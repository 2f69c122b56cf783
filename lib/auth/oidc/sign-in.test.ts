import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, settings, users } from "@/lib/db/schema";
import { parseEnv } from "@/lib/config/env";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { resolveSessionUser } from "../session-user";
import { signInWithPassword, WRONG_CREDENTIALS } from "../sign-in";
import { changeOwnPassword, changeRole, createUser, resetPassword } from "../users";
import { parseRoleMap, type RoleMap } from "./role-map";
import { effectiveRoleMap, ROLE_MAP_KEY, saveRoleMap } from "./settings";
import { signInWithProvider } from "./sign-in";

/** Only the variables given, as a process environment. */
const envOf = (vars: Record<string, string>) => parseEnv(vars as NodeJS.ProcessEnv);

const ISSUER = "https://idp.example.test/realms/cc";
const roleMap = (text: string): RoleMap => {
  const parsed = parseRoleMap(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.map;
};
const config = { roleClaim: "groups", roleMap: roleMap("callcenter-admins=admin,supervisors=supervisor,it=provisioning,qa=qa") };
const client = { ip: "10.0.0.9", userAgent: "vitest" };
const person = (username: string, groups: string[], extra: Record<string, unknown> = {}) => ({
  issuer: ISSUER,
  claims: { sub: `sub-${username}`, preferred_username: username, name: `Name of ${username}`, groups, ...extra },
});

for (const backend of testBackends()) {
  describe(`single sign-on on ${backend}`, () => {
    const db = useTestDatabase(backend);
    const rowOf = async (username: string) => (await db().select().from(users).where(eq(users.username, username)))[0];
    const auditOf = async (target: string) => db().select().from(auditLog).where(eq(auditLog.target, target)).orderBy(auditLog.id);

    it("creates the user at first sign-in with the mapped role, as a provider user, and audits it", async () => {
      const result = await signInWithProvider(person("Ann.Smith", ["qa", "everyone"]), config, client);
      expect(result).toMatchObject({ ok: true, user: { username: "ann.smith", displayName: "Name of Ann.Smith", role: "qa" } });
      expect(await rowOf("ann.smith")).toMatchObject({ origin: "oidc", externalId: `${ISSUER}|sub-Ann.Smith`, role: "qa" });
      const audit = await auditOf("ann.smith");
      expect(audit.map((a) => [a.action, a.outcome, a.actorUsername])).toEqual([
        ["user.create", "success", "ann.smith"],
        ["auth.sign_in", "success", "ann.smith"],
      ]);
    });

    it("re-reads the groups at every sign-in: a new role replaces the old one, is audited, and ends the old sessions", async () => {
      const first = await signInWithProvider(person("bea", ["qa"]), config, client);
      if (!first.ok) throw new Error("first sign-in refused");
      const now = new Date();
      const oldSession = { uid: first.user.id, username: "bea", name: "Name of bea", role: "qa" as const, sv: first.user.sessionVersion, signedInAt: now.getTime() / 1000 };
      expect(await resolveSessionUser(db(), oldSession, now)).not.toBeNull();

      const second = await signInWithProvider(person("bea", ["it"]), config, client);
      expect(second).toMatchObject({ ok: true, user: { id: first.user.id, role: "provisioning" } });
      expect(await resolveSessionUser(db(), oldSession, now)).toBeNull();
      const change = (await auditOf("bea")).find((a) => a.action === "user.role");
      expect(change).toMatchObject({ before: { role: "qa" }, after: { role: "provisioning" }, message: "Role from the identity provider's groups" });
    });

    it("refuses claims that map to no role, never with a default role: no account made, the refusal audited", async () => {
      expect(await signInWithProvider(person("carl", ["marketing"]), config, client)).toEqual({ ok: false, refusal: "NoRole" });
      expect(await rowOf("carl")).toBeUndefined();
      const [refusal] = await auditOf("carl");
      expect(refusal).toMatchObject({ action: "auth.sign_in_failed", outcome: "failed", message: "Single sign-on refused: no role for groups [marketing]", ip: "10.0.0.9" });
    });

    it("refuses a known user whose groups were all removed at the provider, and ends their open sessions", async () => {
      const first = await signInWithProvider(person("dora", ["supervisors"]), config, client);
      if (!first.ok) throw new Error("first sign-in refused");
      const now = new Date();
      const session = { uid: first.user.id, username: "dora", name: "Name of dora", role: "supervisor" as const, sv: first.user.sessionVersion, signedInAt: now.getTime() / 1000 };
      expect(await signInWithProvider(person("dora", []), config, client)).toEqual({ ok: false, refusal: "NoRole" });
      expect(await resolveSessionUser(db(), session, now)).toBeNull();
    });

    it("does not take over a local account with the same name, and refuses a disabled provider user", async () => {
      await createUser({ username: "erik", displayName: "Local Erik", role: "admin", password: "local password 1" });
      expect(await signInWithProvider(person("erik", ["qa"]), config, client)).toEqual({ ok: false, refusal: "NameTaken" });
      expect(await rowOf("erik")).toMatchObject({ origin: "local", role: "admin" });

      const fay = await signInWithProvider(person("fay", ["qa"]), config, client);
      if (!fay.ok) throw new Error("refused");
      await db().update(users).set({ disabled: true }).where(eq(users.id, fay.user.id));
      expect(await signInWithProvider(person("fay", ["qa"]), config, client)).toEqual({ ok: false, refusal: "Disabled" });
    });

    it("falls back to the email for the user name, and refuses claims without any name", async () => {
      expect(await signInWithProvider({ issuer: ISSUER, claims: { sub: "s-gil", email: "Gil@Example.com", groups: ["qa"] } }, config, client)).toMatchObject({
        ok: true,
        user: { username: "gil@example.com", displayName: "gil@example.com" },
      });
      expect(await signInWithProvider({ issuer: ISSUER, claims: { groups: ["qa"] } }, config, client)).toEqual({ ok: false, refusal: "NoName" });
    });

    it("keeps passwords and roles of provider users at the provider: no password sign-in, reset, change or role change here", async () => {
      const hal = await signInWithProvider(person("hal", ["qa"]), config, client);
      if (!hal.ok) throw new Error("refused");
      expect(await signInWithPassword({ username: "hal", password: "!", ip: null, userAgent: null })).toEqual({ ok: false, message: WRONG_CREDENTIALS });
      const [failed] = await db().select().from(auditLog).where(and(eq(auditLog.target, "hal"), eq(auditLog.action, "auth.sign_in_failed")));
      expect(failed?.message).toBe("Password sign-in for a single sign-on account");
      expect(await resetPassword({ userId: hal.user.id })).toMatchObject({ ok: false, error: { kind: "conflict", message: expect.stringContaining("keeps their password") } });
      expect(await changeOwnPassword({ userId: hal.user.id, currentPassword: "x", newPassword: "a new password 1" })).toMatchObject({ ok: false });
      expect(await changeRole({ actorId: null, userId: hal.user.id, role: "admin" })).toMatchObject({ ok: false, error: { message: expect.stringContaining("change the groups there") } });
      expect(await rowOf("hal")).toMatchObject({ role: "qa", passwordHash: "!" });
    });

    it("ends a provider user's session after the single sign-on session length, a local user's not", async () => {
      const ivy = await signInWithProvider(person("ivy", ["qa"]), config, client);
      if (!ivy.ok) throw new Error("refused");
      const signedInAt = Date.parse("2025-03-01T09:00:00Z") / 1000;
      const claims = { uid: ivy.user.id, username: "ivy", name: "Name of ivy", role: "qa" as const, sv: ivy.user.sessionVersion, signedInAt };
      const at = (minutes: number) => new Date((signedInAt + minutes * 60) * 1000);
      expect(await resolveSessionUser(db(), claims, at(59), { providerSessionSeconds: 3600 })).not.toBeNull();
      expect(await resolveSessionUser(db(), claims, at(61), { providerSessionSeconds: 3600 })).toBeNull();

      await createUser({ username: "jon", displayName: "Jon", role: "qa", password: "local password 1" });
      const jon = (await rowOf("jon"))!;
      const local = { uid: jon.id, username: "jon", name: "Jon", role: "qa" as const, sv: jon.sessionVersion, signedInAt };
      expect(await resolveSessionUser(db(), local, at(61), { providerSessionSeconds: 3600 })).not.toBeNull();
    });

    it("refuses local sign-in to all but the break-glass accounts with LOCAL_LOGIN=breakglass, and audits the refusal", async () => {
      await createUser({ username: "kim", displayName: "Kim", role: "admin", password: "break glass pw 1" });
      await createUser({ username: "lou", displayName: "Lou", role: "qa", password: "local password 1" });
      const localLogin = { LOCAL_LOGIN: "breakglass" as const, LOCAL_LOGIN_BREAKGLASS: "kim" };
      expect(await signInWithPassword({ username: "kim", password: "break glass pw 1", ip: null, userAgent: null }, { localLogin })).toMatchObject({ ok: true });
      expect(await signInWithPassword({ username: "lou", password: "local password 1", ip: null, userAgent: null }, { localLogin })).toEqual({
        ok: false,
        message: "Local sign-in is switched off for this account. Use your company sign-in instead.",
      });
      expect(await signInWithPassword({ username: "kim", password: "break glass pw 1", ip: null, userAgent: null }, { localLogin: { LOCAL_LOGIN: "off", LOCAL_LOGIN_BREAKGLASS: "kim" } })).toMatchObject({ ok: false });
      const [refused] = await db().select().from(auditLog).where(and(eq(auditLog.target, "lou"), eq(auditLog.action, "auth.sign_in_failed")));
      expect(refused?.message).toBe("Refused: local sign-in is switched off (LOCAL_LOGIN)");
    });

    it("uses the role map saved on the settings page unless OIDC_ROLE_MAP is set, which wins", async () => {
      const sso = { OIDC_ISSUER: ISSUER, OIDC_CLIENT_ID: "dashboard", OIDC_CLIENT_SECRET: "secret" };
      expect(await effectiveRoleMap(envOf(sso))).toEqual({ map: [], source: "none", saved: null });
      await saveRoleMap(roleMap("ops=admin\nagents-qa=qa"), 1);
      expect(await effectiveRoleMap(envOf(sso))).toEqual({ map: [["ops", "admin"], ["agents-qa", "qa"]], source: "settings", saved: "ops=admin,agents-qa=qa" });
      expect(await effectiveRoleMap(envOf({ ...sso, OIDC_ROLE_MAP: "it=provisioning" }))).toEqual({ map: [["it", "provisioning"]], source: "environment", saved: "ops=admin,agents-qa=qa" });
      expect(await db().select().from(settings).where(eq(settings.key, ROLE_MAP_KEY))).toHaveLength(1);
    });
  });
}
