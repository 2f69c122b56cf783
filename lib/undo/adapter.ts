import "server-only";
import type { CommandContext, CommandOutcome } from "@/lib/actions/command";
import type { AuditRow } from "@/lib/audit/queries";
import type { Permission } from "@/lib/auth/permissions";
import type { CurrentRecords } from "./current";
import type { StepResult, UndoResource, UndoStep } from "./types";

/** How undo plans and applies one resource's entries (lib/undo/resources/*). */
export interface UndoAdapter {
  resource: UndoResource;
  /** What the object is called in sentences: "DID", "phone". */
  noun: string;
  /** The permission to undo its changes (DESIGN roles table). */
  permission: Permission;
  /** The steps that undo `entry`, or why it cannot be undone. */
  plan(entry: AuditRow, records: CurrentRecords): Promise<UndoStep[] | string>;
  /** What the user types before a step that deletes. */
  confirmText(step: UndoStep): string;
  apply(entry: AuditRow, step: UndoStep, onlyUnchanged: boolean, ctx: CommandContext): Promise<StepResult>;
}

/** A step result from a command's outcome: the command's audit before/after become the undo's. */
export function resultOf<T>(key: string, outcome: CommandOutcome<T>): StepResult {
  const { result, audit } = outcome;
  if (!result.ok) return { key, state: "failed", message: result.error.message, raw: audit.raw ?? result.error.raw, error: result.error, before: audit.before };
  return { key, state: "done", message: result.message, raw: audit.raw, before: audit.before, after: audit.after };
}

export function skipped(key: string, message: string): StepResult {
  return { key, state: "skipped", message };
}

/** A value the schema refused (a recorded value no longer valid): nothing is sent. */
export function refused(key: string, what: string, issues: readonly { message: string }[]): StepResult {
  return { key, state: "failed", message: `${what}: ${issues.map((issue) => issue.message).join("; ")}. Nothing was sent to VICIdial.` };
}

/** For a delete under "only what did not change": an object changed since stays as it is. */
export function changedSince(step: UndoStep): boolean {
  return step.fields.some((field) => field.changed);
}
