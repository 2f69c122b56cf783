import "server-only";
import type { CommandOutcome } from "@/lib/actions/command";
import type { ActionError } from "@/lib/actions/result";
import type { NamedAuditDraft } from "@/lib/audit/record";
import type { VicidialClient } from "@/lib/vicidial/client";
import type { VicidialErrorCode, VicidialFailure } from "@/lib/vicidial/errors";
import type { FinalRowState } from "./kinds";
import type { ClaimedRow, JobRecord } from "./store";

/**
 * What one kind of job does with its rows. The runner claims rows, hands them to `run`, and
 * records what comes back; an operation only talks to VICIdial and the inventory.
 */
export interface JobOperation {
  /**
   * Rows per request: absent means one row per request (add_did, add_phone...). copy_did sends
   * many rows in one request, as long as their weights (characters) stay under `maxWeight`; such
   * big requests go one at a time per job.
   */
  batch?: { maxRows: number; maxWeight: number };
  run(rows: readonly ClaimedRow[], context: OperationContext): Promise<RowOutcome[]>;
  /**
   * Reads, without changing anything, whether an earlier attempt at an `uncertain` row (its answer
   * was lost, or its runner died with the request possibly sent) made the change. The runner calls
   * it before any such row is sent again (DESIGN: no write is retried before reconciling):
   * `made` ends the row without sending, `absent` sends it as a first attempt, a retry outcome
   * (the read got no clear answer) leaves it uncertain for the next check. A phone has no read
   * through the API that changes nothing (update_phone always writes, 2.5): agent jobs read it
   * from VICIdial's database where the dashboard reads it, and otherwise send an update with an
   * impossible time zone, refused before anything is written (lib/vicidial/existence.ts). Bulk list jobs set values and delete, which
   * are harmless to repeat, so they have no check.
   */
  check?(row: ClaimedRow, context: OperationContext): Promise<CheckOutcome>;
  /** Once, when the job's last row is final (CID jobs refresh the group's entry count). */
  onFinish?(context: OperationContext): Promise<void>;
}

export interface OperationContext {
  job: JobRecord;
  /** VICIdial's `source`: the job owner. */
  source: string;
  /** Absent: the app's configured client. */
  client?: VicidialClient;
  /** The row's decrypted secret (agent passwords), if the job keeps one. */
  secret(rowId: number): Promise<Record<string, string> | undefined>;
  /**
   * Call once VICIdial's answer is in: the request slot goes to the next row while this one's
   * bookkeeping (inventory, audit) goes on. Calling it again does nothing.
   */
  answered(): void;
}

/** What a check read: the change is there (the row's final outcome), is not, or no clear answer. */
export type CheckOutcome = { made: FinalOutcome } | { absent: true } | { unclear: RowOutcome };

export type FinalOutcome = Extract<RowOutcome, { state: FinalRowState }>;

export type RowOutcome =
  | { rowId: number; state: FinalRowState; message: string; raw?: string; audit?: NamedAuditDraft }
  /**
   * Not final. `pause`: nothing happened and nothing will until someone acts (lockout, rights),
   * so the job pauses with `failure.message`. `unknown`: the request may have reached VICIdial;
   * the next attempt checks first. `unavailable`: VICIdial answered that nothing was done.
   */
  | { rowId: number; state: "retry"; why: "pause" | "unknown" | "unavailable"; failure: VicidialFailure };

/** Failures that would hit every row alike: the job pauses instead of burning through its rows. */
const PAUSE: ReadonlySet<VicidialErrorCode> = new Set([
  "LOGIN_INCORRECT",
  "LOCKED_OUT",
  "IP_BLOCKED",
  "PERMISSION_DENIED",
  "FUNCTION_NOT_ALLOWED",
  "UNSUPPORTED_FUNCTION",
  "INVALID_SOURCE",
]);
/** No clear answer: the change may or may not have been made (contract 3, "A 500 or an empty body"). */
const UNKNOWN: ReadonlySet<VicidialErrorCode> = new Set(["TIMEOUT", "UNREACHABLE", "HTTP_ERROR", "EMPTY_RESPONSE", "UNKNOWN_RESPONSE"]);
/** VICIdial answered, but could not do anything (its database was down). */
const UNAVAILABLE: ReadonlySet<VicidialErrorCode> = new Set(["DATABASE_ERROR"]);

/** A failure that is not final for the row, or undefined when the row has failed for good. */
export function retryOf(rowId: number, failure: VicidialFailure): RowOutcome | undefined {
  if (PAUSE.has(failure.code)) return { rowId, state: "retry", why: "pause", failure };
  if (UNKNOWN.has(failure.code)) return { rowId, state: "retry", why: "unknown", failure };
  if (UNAVAILABLE.has(failure.code)) return { rowId, state: "retry", why: "unavailable", failure };
  return undefined;
}

export function failed(rowId: number, failure: VicidialFailure, audit?: NamedAuditDraft): RowOutcome {
  return retryOf(rowId, failure) ?? { rowId, state: "failed", message: failure.message, raw: failure.raw, audit };
}

/** A check that got no clear answer: the row stays uncertain (or the job pauses, as for a send). */
export function unclearRead(rowId: number, failure: VicidialFailure): CheckOutcome {
  return { unclear: retryOf(rowId, failure) ?? { rowId, state: "retry", why: "unknown", failure } };
}

/** A use case's refusal as the VICIdial failure it came from, for `failed` and `retryOf`. */
export function failureOf(error: ActionError, raw?: string): VicidialFailure {
  return { ok: false, code: (error.code ?? "UNKNOWN_RESPONSE") as VicidialErrorCode, message: error.message, raw: raw ?? error.raw ?? "", reconciled: error.reconciled };
}

/**
 * A row's outcome from its use case (lib/<resource>/commands.ts): done with the command's
 * message and audit entry, or failed (or retried) as the VICIdial failure behind the refusal.
 */
export function rowOutcomeOf(rowId: number, { result, audit }: CommandOutcome<unknown>): RowOutcome {
  if (result.ok) return { rowId, state: "done", message: result.message, raw: audit.raw, audit };
  return failed(rowId, failureOf(result.error, audit.raw), audit);
}

/** A row done by a use case's bookkeeping alone (its change found made): the entry's message is the row's. */
export function doneRow(rowId: number, audit: NamedAuditDraft & { message: string }): FinalOutcome {
  return { rowId, state: "done", message: audit.message, raw: audit.raw, audit };
}
