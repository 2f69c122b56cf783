import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema/users";
import type { ClientInfo } from "../request-info";
import type { SignedInUser } from "../sign-in";
import type { SsoRefusal } from "./refusals";
import { claimValues, roleFromClaims, type RoleMap } from "./role-map";

export type ProviderSignInResult = { ok: true; user: SignedInUser } | { ok: false; refusal: SsoRefusal };

/** Who the provider says signed in: the ID token's and userinfo's claims together. */
export interface ProviderIdentity {
  issuer: string;
  claims: Record<string, unknown>;
}

export interface ProviderSignInConfig {
  roleClaim: string;
  roleMap: RoleMap;
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/** The name people know the person by here and in VICIdial's `source`: the provider's login name, else the email. */
export function usernameFromClaims(claims: Record<string, unknown>): string | undefined {
  return (text(claims.preferred_username) ?? text(claims.email) ?? text(claims.sub))?.toLowerCase().slice(0, 64);
}

/**
 * A single sign-on sign-in. The role is read from the claims every time: the first sign-in
 * creates the account with it, later ones set it again (ending the person's other sessions when
 * it changed), and claims that map to no role refuse the sign-in (and end those sessions too).
 * Never a default role.
 */
export async function signInWithProvider(identity: ProviderIdentity, config: ProviderSignInConfig, client: ClientInfo, { now = () => new Date() } = {}): Promise<ProviderSignInResult> {
  const db = await getDb();
  const subject = text(identity.claims.sub);
  const username = usernameFromClaims(identity.claims);
  const meta = { ip: client.ip, userAgent: client.userAgent };
  if (!subject || !username) {
    await recordAudit({ actor: { id: null, username: username ?? "unknown", role: null }, action: "auth.sign_in_failed", target: username ?? null, outcome: "failed", message: "Single sign-on: no subject or user name in the claims", ...meta });
    return { ok: false, refusal: "NoName" };
  }
  const externalId = `${identity.issuer}|${subject}`;
  const displayName = (text(identity.claims.name) ?? username).slice(0, 80);
  const role = roleFromClaims(identity.claims, config.roleClaim, config.roleMap);
  const [existing] = await db.select().from(users).where(eq(users.externalId, externalId)).limit(1);

  if (!role) {
    const held = claimValues(identity.claims[config.roleClaim]);
    // The provider took every mapped group away: sessions still open end at their next request.
    if (existing) await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now() }).where(eq(users.id, existing.id));
    await recordAudit({
      actor: { id: existing?.id ?? null, username, role: null },
      action: "auth.sign_in_failed",
      target: username,
      outcome: "failed",
      message: `Single sign-on refused: no role for ${config.roleClaim} [${held.join(", ")}]`,
      ...meta,
    });
    return { ok: false, refusal: "NoRole" };
  }

  const at = now();
  if (!existing) {
    const [created] = await db
      .insert(users)
      // No password: sign-in with one is refused for provider users (sign-in.ts checks the origin).
      .values({ username, displayName, role, passwordHash: "!", origin: "oidc", externalId, lastSignInAt: at })
      .onConflictDoNothing({ target: users.username })
      .returning();
    if (!created) {
      await recordAudit({ actor: { id: null, username, role }, action: "auth.sign_in_failed", target: username, outcome: "failed", message: "Single sign-on refused: the user name belongs to another account", ...meta });
      return { ok: false, refusal: "NameTaken" };
    }
    await recordAudit({ actor: { id: created.id, username, role }, action: "user.create", target: username, outcome: "success", after: { username, displayName, role, origin: "oidc" }, message: "Created at first single sign-on", ...meta });
    await recordAudit({ actor: { id: created.id, username, role }, action: "auth.sign_in", target: username, outcome: "success", message: "Single sign-on", ...meta });
    return { ok: true, user: { id: created.id, username, displayName, role, sessionVersion: created.sessionVersion } };
  }

  if (existing.disabled) {
    await recordAudit({ actor: { id: existing.id, username, role: existing.role }, action: "auth.sign_in_failed", target: username, outcome: "failed", message: "Account disabled", ...meta });
    return { ok: false, refusal: "Disabled" };
  }
  const roleChanged = existing.role !== role;
  // A renamed person keeps their account; the old name stays if the new one is taken here.
  const [nameOwner] = username === existing.username ? [] : await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  const newName = nameOwner ? existing.username : username;
  const [updated] = await db
    .update(users)
    .set({
      username: newName,
      displayName,
      role,
      lastSignInAt: at,
      updatedAt: at,
      ...(roleChanged || newName !== existing.username ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
    })
    .where(eq(users.id, existing.id))
    .returning();
  const user = updated!;
  if (roleChanged) {
    await recordAudit({
      actor: { id: user.id, username: user.username, role },
      action: "user.role",
      target: user.username,
      outcome: "success",
      before: { role: existing.role },
      after: { role },
      message: "Role from the identity provider's groups",
      ...meta,
    });
  }
  await recordAudit({ actor: { id: user.id, username: user.username, role }, action: "auth.sign_in", target: user.username, outcome: "success", message: "Single sign-on", ...meta });
  return { ok: true, user: { id: user.id, username: user.username, displayName: user.displayName, role, sessionVersion: user.sessionVersion } };
}
