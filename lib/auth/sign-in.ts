import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { getDb } from "@/lib/db";
import { users } from "@/lib/db/schema/users";
import { env } from "@/lib/config/env";
import { LOCAL_LOGIN_REFUSED, localLoginAllowed, type LocalLoginPolicy } from "./local-login";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { Role } from "./permissions";
import { lockedUntil, lockMessage, recordAttempt } from "./throttle";

export const WRONG_CREDENTIALS = "Incorrect username or password.";
export const DISABLED_ACCOUNT = "This account is disabled. Ask an admin to enable it.";
export const MISSING_CREDENTIALS = "Enter your username and password.";

export interface SignedInUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  sessionVersion: number;
}

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; message: string };

export interface SignInRequest {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Checks a username and password, with the throttle in front and an audit entry behind. An
 * unknown username and a wrong password get the same words and the same bcrypt work.
 */
export async function signInWithPassword(
  request: SignInRequest,
  { now = () => new Date(), localLogin = env() }: { now?: () => Date; localLogin?: LocalLoginPolicy } = {},
): Promise<SignInResult> {
  const username = request.username.trim().toLowerCase().slice(0, 64);
  const password = request.password;
  if (!username || !password) return { ok: false, message: MISSING_CREDENTIALS };

  const db = await getDb();
  const started = now();
  const meta = { ip: request.ip, userAgent: request.userAgent };
  const refuse = async (message: string, reason: string, actor: { id: number | null; role: Role | null }) => {
    await recordAudit({ actor: { ...actor, username }, action: "auth.sign_in_failed", target: username, outcome: "failed", message: reason, ...meta });
    return { ok: false as const, message };
  };

  if (!localLoginAllowed(localLogin, username)) return refuse(LOCAL_LOGIN_REFUSED, "Refused: local sign-in is switched off (LOCAL_LOGIN)", { id: null, role: null });

  const until = await lockedUntil(db, username, started);
  if (until) return refuse(lockMessage(until, started), "Refused: too many failed sign-ins", { id: null, role: null });

  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  // A provider user has no password here: the same answer and the same work as an unknown name.
  const local = user?.origin === "local" ? user : undefined;
  const matches = local ? await verifyPassword(password, local.passwordHash) : await verifyAgainstDummy(password);
  if (!local || !matches) {
    await recordAttempt(db, { username, success: false, ip: request.ip, at: now() });
    const reason = !user ? "Unknown username" : !local ? "Password sign-in for a single sign-on account" : "Wrong password";
    return refuse(WRONG_CREDENTIALS, reason, { id: user?.id ?? null, role: user?.role ?? null });
  }
  if (local.disabled) return refuse(DISABLED_ACCOUNT, "Account disabled", { id: local.id, role: local.role });

  const at = now();
  await recordAttempt(db, { username, success: true, ip: request.ip, at });
  await db.update(users).set({ lastSignInAt: at }).where(eq(users.id, local.id));
  await recordAudit({ actor: { id: local.id, username, role: local.role }, action: "auth.sign_in", target: username, outcome: "success", ...meta });
  return { ok: true, user: { id: local.id, username: local.username, displayName: local.displayName, role: local.role, sessionVersion: local.sessionVersion } };
}
