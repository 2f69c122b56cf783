import { can, type Role } from "@/lib/auth/permissions";

/**
 * Who is asking decides what they see: `all` for audit.view, `own` (their own entries only) for
 * audit.view.own. Every read takes a scope, so no query can forget it.
 */
export type AuditScope = { kind: "all" } | { kind: "own"; actorId: number };

/** audit.view reads everything, audit.view.own only the reader's own entries, neither nothing. */
export function auditScopeFor(user: { id: number; role: Role }): AuditScope | null {
  if (can(user.role, "audit.view")) return { kind: "all" };
  if (can(user.role, "audit.view.own")) return { kind: "own", actorId: user.id };
  return null;
}
