import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { CommandContext } from "@/lib/actions/command";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { AuditRow } from "@/lib/audit/queries";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema/audit";
import type { UndoAdapter } from "./adapter";
import { currentRecords, type CurrentRecords } from "./current";
import { aliasUndo } from "./resources/aliases";
import { cidUndo } from "./resources/cid";
import { didUndo } from "./resources/dids";
import { phoneUndo } from "./resources/phones";
import type { StepResult, UndoChoice, UndoPlan, UndoResource } from "./types";

export const UNDO_ADAPTERS: Record<UndoResource, UndoAdapter> = { did: didUndo, phone: phoneUndo, alias: aliasUndo, cid: cidUndo };

export function adapterFor(resource: string): UndoAdapter | undefined {
  return (UNDO_ADAPTERS as Record<string, UndoAdapter | undefined>)[resource];
}

/** The plan, checked against what the objects hold now; or why the entry cannot be undone. */
export async function planUndo(entry: AuditRow, records: CurrentRecords): Promise<UndoPlan | string> {
  const adapter = adapterFor(entry.resource);
  if (!adapter) return "Only changes of DIDs, phones, phone aliases and CID entries can be undone";
  if (entry.outcome !== "success") return "Only a change that succeeded can be undone";
  const steps = await adapter.plan(entry, records);
  if (typeof steps === "string") return steps;
  const runnable = steps.filter((step) => !step.blocked);
  if (runnable.length === 0) return steps.map((step) => step.blocked).join("; ");
  const deletes = runnable.filter((step) => step.op === "delete");
  const target = entry.target ?? steps[0]!.key;
  return {
    entryId: entry.id,
    resource: adapter.resource,
    action: entry.action,
    target,
    summary: summaryOf(adapter, entry, steps.map((s) => s.op)),
    steps,
    conflicts: runnable.some((step) => step.fields.some((field) => field.changed)),
    confirmText: deletes.length === 0 ? undefined : deletes.length === 1 && steps.length === 1 ? adapter.confirmText(deletes[0]!) : target,
  };
}

function summaryOf(adapter: UndoAdapter, entry: AuditRow, ops: readonly string[]): string {
  const what = `${adapter.noun} ${entry.target}`;
  if (ops.length > 1) {
    if (ops.every((op) => op === "delete")) return `Delete the ${ops.length} ${adapter.resource === "did" ? "DIDs" : "entries"} that entry ${entry.id} added`;
    return `Put ${ops.length} entries of ${what} back as they were before entry ${entry.id}`;
  }
  if (ops[0] === "delete") return `Delete ${what}, which entry ${entry.id} added`;
  if (ops[0] === "recreate") return `Re-create ${what}, which entry ${entry.id} deleted, with its recorded settings`;
  return `Put ${what} back as it was before entry ${entry.id}`;
}

/** Successful undos of these entries: original entry id → the undo's entry id. */
export async function undoneBy(entryIds: readonly number[]): Promise<Map<number, number>> {
  if (entryIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({ id: auditLog.id, undoOf: auditLog.undoOf })
    .from(auditLog)
    .where(and(inArray(auditLog.undoOf, [...entryIds]), eq(auditLog.outcome, "success")));
  return new Map(rows.map((row) => [row.undoOf!, row.id]));
}

export interface UndoRun {
  plan: UndoPlan;
  results: StepResult[];
  /** The undo's own audit entry: the objects before and after it, so it can be undone in turn. */
  before: unknown;
  after: unknown;
  raw?: string;
}

/**
 * Applies a plan: each runnable step, with the fields the choice allows. Steps that undo an entry
 * of their own (each DID of a copy) get their own audit entry too, linked to that entry, so each
 * object's history shows its undo.
 */
export async function applyUndo(entry: AuditRow, plan: UndoPlan, choice: UndoChoice, ctx: CommandContext & { actor: AuditActor }): Promise<UndoRun> {
  const adapter = adapterFor(entry.resource)!;
  const results: StepResult[] = [];
  for (const step of plan.steps) {
    if (step.blocked) {
      results.push({ key: step.key, state: "skipped", message: step.blocked });
      continue;
    }
    const result = await adapter.apply(entry, step, choice === "unchanged", ctx);
    results.push(result);
    if (step.entryId !== undefined && step.entryId !== entry.id && result.state !== "skipped") {
      await recordAudit({
        actor: ctx.actor,
        action: `${entry.resource}.undo`,
        target: step.key,
        params: { undoOf: step.entryId, via: entry.id },
        before: result.before ?? null,
        after: result.after ?? null,
        outcome: result.state === "done" ? "success" : "failed",
        message: result.message,
        raw: result.raw,
        undoOf: step.entryId,
      });
    }
  }
  const single = plan.steps.length === 1 && entry.resource !== "cid";
  const listed = (pick: (r: StepResult) => unknown) => results.filter((r) => r.state === "done").map(pick).filter((value) => value != null);
  return {
    plan,
    results,
    // One object: its snapshots, as any change of it. Several (CID entries, a copy's DIDs): lists.
    before: single ? (results[0]?.before ?? null) : listed((r) => r.before),
    after: single ? (results[0]?.after ?? null) : listed((r) => r.after),
    raw: results.map((r) => r.raw).filter(Boolean).join("\n") || undefined,
  };
}

export { currentRecords };
