import type { Role } from "@/lib/db/schema/users";

export { ROLES, type Role } from "@/lib/db/schema/users";

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
  "calls.lookup": ["admin", "supervisor", "qa"],
  "audit.view": ["admin", "supervisor"],
  "audit.view.own": ["admin", "supervisor", "provisioning"],
  "users.manage": ["admin"],
  "settings.manage": ["admin"],
  "jobs.run": ["admin", "supervisor", "provisioning"],
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
