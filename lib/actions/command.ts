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
