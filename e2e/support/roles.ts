import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Role } from "../../lib/auth/permissions";

/**
 * One signed-in browser state per role, written once per run by e2e/roles.setup.ts (the "setup"
 * project every spec depends on): specs open pages as a role without signing in through the form
 * again. The users behind them are shared by every spec, so a spec that changes a user (role,
 * password, disabled) makes its own with newSignedInUser.
 *
 * The directory is fixed (not from global setup's environment) because Playwright reads the specs,
 * and so `test.use({ storageState: roleState(...) })`, before global setup runs.
 */
const STATE_DIR = path.resolve(__dirname, "../../test-reports/e2e-roles");
const USERS_FILE = path.join(STATE_DIR, "users.json");

export interface RoleUser {
  username: string;
  password: string;
}

/** The storage state file of a role: `test.use({ storageState: roleState("supervisor") })`. */
export function roleState(role: Role): string {
  return path.join(STATE_DIR, `${role}.json`);
}

/** The user signed in in `roleState(role)`, for specs that check their name or password. */
export function roleUser(role: Role): RoleUser {
  const users = JSON.parse(readFileSync(USERS_FILE, "utf8")) as Record<Role, RoleUser>;
  return users[role];
}

/** For the setup project: records who signed in, beside their states. */
export function saveRoleUsers(users: Record<Role, RoleUser>): void {
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(USERS_FILE, JSON.stringify(users, null, 2));
}
