import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { users } from "@/lib/db/schema/users";
import type { SessionClaims } from "./claims";
import type { Role } from "./permissions";
import { sessionExpired } from "./session-lifetime";

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Signed in with a one-time password: only the account page and its action are open. */
  mustChangePassword: boolean;
}

export interface SessionLimits {
  /**
   * How long a single sign-on session lasts. The provider's groups are read at sign-in only, so a
   * group removed there reaches an open session when it ends and the person passes the provider again.
   */
  providerSessionSeconds?: number;
}

/**
 * The user a session belongs to, or null when the session no longer stands: the account was
 * disabled or removed, its role changed, its password was reset (all bump session_version), or the
 * session is over (idle too long, or past its absolute lifetime: lib/auth/session-lifetime). A JWT
 * cannot be revoked; this check is what signs people out.
 */
export async function resolveSessionUser(db: Db, claims: SessionClaims, now: Date = new Date(), { providerSessionSeconds }: SessionLimits = {}): Promise<CurrentUser | null> {
  if (sessionExpired(claims, now)) return null;
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      disabled: users.disabled,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
      origin: users.origin,
    })
    .from(users)
    .where(eq(users.id, claims.uid))
    .limit(1);
  if (!row || row.disabled || row.sessionVersion !== claims.sv || row.role !== claims.role || row.username !== claims.username) return null;
  if (row.origin === "oidc" && providerSessionSeconds !== undefined && now.getTime() / 1000 - claims.signedInAt > providerSessionSeconds) return null;
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, mustChangePassword: row.mustChangePassword };
}
