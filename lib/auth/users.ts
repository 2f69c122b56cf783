import "server-only";
import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { getDb, type Db } from "@/lib/db";
import { users, type UserOrigin } from "@/lib/db/schema/users";
import { generateOneTimePassword, hashPassword, verifyPassword } from "./password";
import type { Role } from "./permissions";

/**
 * The dashboard's own users. Each change returns a result (never throws for a refusal) and the
 * user as it was and as it is, for the audit entry the calling action writes.
 */

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  /** `oidc`: made by single sign-on; the identity provider keeps the password and decides the role. */
  origin: UserOrigin;
}

export interface UserChange {
  before: UserSummary;
  after: UserSummary;
}

const summary = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
  lastSignInAt: users.lastSignInAt,
  origin: users.origin,
};

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * Every change that could leave the dashboard without an active admin takes this one
 * transaction lock first, so two of them (two admins demoting each other at the same moment)
 * run one after the other and the second sees the first's result.
 */
const ADMIN_GUARD_LOCK = 727_555_0101;

function adminGuarded<T>(db: Db, work: (tx: Tx) => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_GUARD_LOCK})`);
    return work(tx);
  });
}

async function otherActiveAdmins(tx: Tx, userId: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, userId)));
  return row?.n ?? 0;
}

async function findUser(tx: Tx | Db, userId: number): Promise<UserSummary | undefined> {
  const [row] = await tx.select(summary).from(users).where(eq(users.id, userId)).limit(1);
  return row;
}

const noSuchUser = () => fail("conflict", "That user no longer exists. Reload the page.");
const roleFromProvider = (username: string) =>
  fail("conflict", `${username} signs in with the identity provider, which decides the role from their groups: change the groups there. The new role applies at their next sign-in.`);
const passwordAtProvider = (username: string) => fail("conflict", `${username} signs in with the identity provider, which keeps their password. Reset it there.`);

export async function listUsers(): Promise<UserSummary[]> {
  const db = await getDb();
  return db.select(summary).from(users).orderBy(asc(users.username));
}

export async function getUser(userId: number): Promise<UserSummary | null> {
  return (await findUser(await getDb(), userId)) ?? null;
}

/**
 * A new user. Without a password a one-time password is generated, returned once (it is stored
 * only as a hash) and must be replaced at first sign-in.
 */
export async function createUser(input: { username: string; displayName: string; role: Role; password?: string }): Promise<ActionResult<{ user: UserSummary; oneTimePassword: string | null }>> {
  const db = await getDb();
  const oneTimePassword = input.password ? null : generateOneTimePassword();
  const [row] = await db
    .insert(users)
    .values({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password ?? oneTimePassword!),
      mustChangePassword: oneTimePassword !== null,
    })
    .onConflictDoNothing({ target: users.username })
    .returning(summary);
  if (!row) return fail("conflict", `The username "${input.username}" is taken.`, { fieldErrors: { username: ["This username is taken"] } });
  return ok({ user: row, oneTimePassword }, `Created ${row.username}.`);
}

export async function changeRole({ actorId, userId, role }: { actorId: number | null; userId: number; role: Role }): Promise<ActionResult<UserChange>> {
  if (actorId === userId) return fail("conflict", "You cannot change your own role. Ask another admin.");
  return adminGuarded(await getDb(), async (tx) => {
    const before = await findUser(tx, userId);
    if (!before) return noSuchUser();
    if (before.origin === "oidc") return roleFromProvider(before.username);
    if (before.role === role) return ok({ before, after: before }, `${before.username} already has that role.`);
    if (before.role === "admin" && !before.disabled && (await otherActiveAdmins(tx, userId)) === 0) {
      return fail("conflict", `${before.username} is the last active admin. Make someone else an admin first.`);
    }
    // A new role ends the user's sessions: the next request signs them out.
    const [after] = await tx
      .update(users)
      .set({ role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning(summary);
    return ok({ before, after: after! }, `${before.username} is now ${role}.`);
  });
}

export async function setDisabled({ actorId, userId, disabled }: { actorId: number | null; userId: number; disabled: boolean }): Promise<ActionResult<UserChange>> {
  if (disabled && actorId === userId) return fail("conflict", "You cannot disable your own account.");
  return adminGuarded(await getDb(), async (tx) => {
    const before = await findUser(tx, userId);
    if (!before) return noSuchUser();
    if (before.disabled === disabled) return ok({ before, after: before }, `${before.username} is already ${disabled ? "disabled" : "enabled"}.`);
    if (disabled && before.role === "admin" && (await otherActiveAdmins(tx, userId)) === 0) {
      return fail("conflict", `${before.username} is the last active admin and cannot be disabled.`);
    }
    const [after] = await tx
      .update(users)
      .set({ disabled, updatedAt: new Date(), ...(disabled ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}) })
      .where(eq(users.id, userId))
      .returning(summary);
    return ok({ before, after: after! }, `${before.username} is ${disabled ? "disabled" : "enabled"}.`);
  });
}

/** A new one-time password; the user's sessions end and they choose a password at next sign-in. */
export async function resetPassword({ userId }: { userId: number }): Promise<ActionResult<{ user: UserSummary; oneTimePassword: string }>> {
  const db = await getDb();
  const target = await findUser(db, userId);
  if (target?.origin === "oidc") return passwordAtProvider(target.username);
  const oneTimePassword = generateOneTimePassword();
  const [user] = await db
    .update(users)
    .set({
      passwordHash: await hashPassword(oneTimePassword),
      mustChangePassword: true,
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(users.id, userId), eq(users.origin, "local")))
    .returning(summary);
  if (!user) return noSuchUser();
  return ok({ user, oneTimePassword }, `New one-time password for ${user.username}.`);
}

/**
 * The signed-in user's own new password. Their current session stays valid (an admin's reset is
 * what ends every session); the one-time-password flag is cleared.
 */
export async function changeOwnPassword({ userId, currentPassword, newPassword }: { userId: number; currentPassword: string; newPassword: string }): Promise<ActionResult<{ user: UserSummary }>> {
  const db = await getDb();
  const [row] = await db.select({ passwordHash: users.passwordHash, origin: users.origin, username: users.username }).from(users).where(eq(users.id, userId)).limit(1);
  if (!row) return noSuchUser();
  if (row.origin === "oidc") return passwordAtProvider(row.username);
  if (!(await verifyPassword(currentPassword, row.passwordHash))) {
    return fail("validation", "Your current password is not correct.", { fieldErrors: { currentPassword: ["This is not your current password"] } });
  }
  const [user] = await db
    .update(users)
    .set({ passwordHash: await hashPassword(newPassword), mustChangePassword: false, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning(summary);
  return ok({ user: user! }, "Your password is changed.");
}

/** Changes made by start-up and the command line, not by a signed-in user. */
export const SYSTEM_ACTOR: AuditActor = { id: null, username: "system", role: null };

export const DEMO_ADMIN = { username: "admin", displayName: "Demo admin" } as const;

/**
 * Start-up in demo mode: when nobody can sign in yet, create `admin`. Returns the password to
 * print (the one given, or a generated one), or null when users already exist.
 */
export async function ensureDemoAdmin({ password }: { password?: string } = {}): Promise<string | null> {
  const db = await getDb();
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return null;
  const chosen = password ?? generateOneTimePassword();
  const [row] = await db
    .insert(users)
    .values({ ...DEMO_ADMIN, role: "admin", passwordHash: await hashPassword(chosen) })
    .onConflictDoNothing({ target: users.username })
    .returning({ id: users.id });
  // Another instance starting at the same moment may have created it first.
  if (!row) return null;
  await recordAudit({
    actor: SYSTEM_ACTOR,
    action: "user.create",
    target: DEMO_ADMIN.username,
    after: { username: DEMO_ADMIN.username, displayName: DEMO_ADMIN.displayName, role: "admin" },
    outcome: "success",
    message: "Demo admin created at start-up",
  });
  return chosen;
}
