import type { Role as StoredRole } from "@/lib/db/schema/users";

/**
 * The four roles. Spelled out here rather than imported from the database schema so that client
 * forms can use this module without pulling Drizzle into the browser bundle. `satisfies` and the
 * constant below fail the type-check if this list and the schema's ever differ.
 */
export const ROLES = ["admin", "supervisor", "provisioning", "qa"] as const satisfies readonly StoredRole[];
export type Role = (typeof ROLES)[number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ROLES_MATCH_SCHEMA: Same<Role, StoredRole> = true;

/**
 * The roles table of DESIGN.md, held once. Navigation, pages and actions all ask `can()`.
 * "audit.view.own": provisioning users see only their own audit entries.
 */
export const PERMISSIONS = {
  "dids.view": ["admin", "supervisor", "provisioning", "qa"],
  "dids.write": ["admin", "supervisor"],
  "dids.delete": ["admin", "supervisor"],
  "phones.view": ["admin", "supervisor", "provisioning"],
  "phones.write": ["admin", "provisioning"],
  "cid.view": ["admin", "supervisor"],
  "cid.write": ["admin", "supervisor"],
  /** Call lookup, search, the call card and its recordings. */
  "calls.lookup": ["admin", "supervisor", "qa"],
  /** Disputes: QA and supervisors flag calls; an admin reads every flag. */
  "calls.flags.view": ["admin", "supervisor", "qa"],
  "calls.flag": ["supervisor", "qa"],
  "audit.view": ["admin", "supervisor"],
  "audit.view.own": ["admin", "supervisor", "provisioning"],
  "users.manage": ["admin"],
  "settings.manage": ["admin"],
  "jobs.run": ["admin", "supervisor", "provisioning"],
  /** "Sync now": ask for a full pass of the cluster sync (reads only; every role that manages records). */
  "cluster.sync": ["admin", "supervisor", "provisioning"],
  /** Undo a change from the audit log: the roles that may make that change (DESIGN roles table). */
  "undo.dids": ["admin", "supervisor"],
  "undo.phones": ["admin", "provisioning"],
  "undo.cid": ["admin", "supervisor"],
  /** Every role manages its own account (its password); the permission exists so that action too goes through `action()`. */
  "account.self": ["admin", "supervisor", "provisioning", "qa"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | undefined | null, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  supervisor: "Supervisor",
  provisioning: "Provisioning (IT)",
  qa: "QA",
};
