import type { AuditActor, AuditDraft, NamedAuditDraft } from "@/lib/audit/record";
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
  /**
   * Called once VICIdial has answered, before the inventory and audit bookkeeping: a bulk job
   * hands its request slot to the next row then (lib/jobs/operation.ts `answered`).
   */
  answered?(): void;
}

export interface CommandOutcome<T> {
  result: ActionResult<T>;
  /** The audit entry, built by the use case; the action or the job row records it. */
  audit: NamedAuditDraft;
}

/** What a server action hands a command: its user (the audit's actor) and VICIdial source. */
export function commandContext({ user, source }: { user: AuditActor & { id: number }; source: string }): CommandContext {
  return { username: user.username, source, actor: { id: user.id, username: user.username, role: user.role } };
}

/**
 * A server action's handler that is one use case: the command does the work and builds the audit
 * entry, the action wrapper records it (actions stay parse → command).
 */
export function runCommand<I, T>(command: (input: I, ctx: CommandContext) => Promise<Pick<CommandOutcome<T>, "result"> & { audit: AuditDraft }>) {
  return async (input: I, { user, source, audit }: { user: AuditActor & { id: number }; source: string; audit: AuditDraft }) => {
    const outcome = await command(input, commandContext({ user, source }));
    Object.assign(audit, outcome.audit);
    return outcome.result;
  };
}
