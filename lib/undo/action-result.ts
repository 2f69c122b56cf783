import { fail, ok, type ActionResult } from "@/lib/actions/result";
import type { UndoRun } from "./undo";
import type { StepResult } from "./types";

export interface UndoOutcome {
  results: Pick<StepResult, "key" | "state" | "message">[];
  /** New passwords of re-created phones, keyed by phone: shown once, kept nowhere. */
  passwords: { key: string; phonePass: string; registrationPassword: string }[];
}

/**
 * One answer for the whole undo: done when every step that ran was done; a failure when nothing
 * was done (VICIdial's words and raw line of the first failure); otherwise done with the
 * failures named.
 */
export function undoResult(run: UndoRun): ActionResult<UndoOutcome> {
  const done = run.results.filter((r) => r.state === "done");
  const failed = run.results.filter((r) => r.state === "failed");
  const skipped = run.results.filter((r) => r.state === "skipped");
  if (done.length === 0) {
    const first = failed[0];
    if (first) return first.error ? { ok: false, error: first.error } : fail("validation", first.message, { raw: first.raw });
    return fail("conflict", `Nothing was undone: ${skipped.map((r) => r.message).join("; ")}`);
  }
  const data: UndoOutcome = {
    results: run.results.map(({ key, state, message }) => ({ key, state, message })),
    passwords: done.flatMap((r) => (r.secrets ? [{ key: r.key, phonePass: r.secrets.phonePass ?? "", registrationPassword: r.secrets.registrationPassword ?? "" }] : [])),
  };
  const parts = [done.length === 1 && run.results.length === 1 ? `Undone: ${done[0]!.message}` : `Undone for ${done.length} of ${run.results.length}`];
  if (skipped.length > 0) parts.push(`${skipped.length} left as ${skipped.length === 1 ? "it was" : "they were"} (changed since)`);
  if (failed.length > 0) parts.push(`${failed.length} failed: ${failed.map((r) => `${r.key}: ${r.message}`).join("; ")}`);
  return ok(data, parts.join("; "));
}
