import type { AuditActor } from "@/lib/audit/record";
import type { VicidialClient } from "@/lib/vicidial/client";
import type { ActionResult } from "./result";

/**
 * A use case (lib/<resource>/commands.ts): called by the server action and by other callers
 * (undo, bulk jobs) alike, so the paths cannot drift. The caller has already checked the role.
 */
export interface CommandContext {
  /** The dashboard user, recorded in the inventory's `updatedBy`. */
  username: string;
  /** VICIdial's `source` parameter. */
  source: string;
  /** Absent: the app's configured client. */
  client?: VicidialClient;
  /**
   * Who acts, for the audit entries a command writes itself (a record found gone from VICIdial).
   * Absent: the username alone.
   */
  actor?: AuditActor;
}

/** What the audit entry should say about the change; the caller writes the entry. */
export interface CommandAudit {
  target: string;
  /** Defaults to the action's parsed input; set when that holds what must not be logged. */
  params?: Record<string, unknown>;
  before?: unknown;
  after?: unknown;
  raw?: string;
}

export interface CommandOutcome<T> {
  result: ActionResult<T>;
  audit: CommandAudit;
}

/** What a server action hands a command: its user (the audit's actor) and VICIdial source. */
export function commandContext({ user, source }: { user: AuditActor & { id: number }; source: string }): CommandContext {
  return { username: user.username, source, actor: { id: user.id, username: user.username, role: user.role } };
}
