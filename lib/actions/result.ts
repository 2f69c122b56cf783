import type { Reconciliation } from "@/lib/vicidial/errors";

/**
 * What every server action returns: results, not exceptions, cross the action boundary
 * (DESIGN.md). `raw` is VICIdial's own line, already scrubbed of passwords.
 */
/** `internal`: the dashboard itself failed (a crashed handler, its database); not VICIdial. */
export type ActionErrorKind = "validation" | "unauthorized" | "forbidden" | "vicidial" | "unavailable" | "conflict" | "internal";

export interface ActionError {
  kind: ActionErrorKind;
  message: string;
  /** Keyed by form field name (the schema's key), shown beside that field. */
  fieldErrors?: Record<string, string[]>;
  raw?: string;
  /** VICIdial client code (DID_EXISTS, TIMEOUT...) when the error came from VICIdial. */
  code?: string;
  /**
   * After an unknown outcome (an HTTP 500, even one carrying SUCCESS: contract 4), what reading
   * VICIdial back showed; its sentence is also part of `message`.
   */
  reconciled?: Reconciliation;
  /**
   * VICIdial no longer has the record (deleted outside the dashboard), so it was taken off the
   * list: the page goes back to the list rather than offering the record again.
   */
  removedFromList?: true;
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message: string }
  | { ok: false; error: ActionError };

export function ok<T>(data: T, message: string): ActionResult<T> {
  return { ok: true, data, message };
}

export function fail(kind: ActionErrorKind, message: string, extra: Omit<ActionError, "kind" | "message"> = {}): { ok: false; error: ActionError } {
  return { ok: false, error: { kind, message, ...extra } };
}
