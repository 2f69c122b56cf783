import "server-only";
import { addCidEntryCommand, deleteCidEntriesCommand, updateCidEntriesCommand } from "@/lib/cid-groups/commands";
import { addCidEntrySchema, deleteCidEntriesSchema, updateCidEntriesSchema } from "@/lib/cid-groups/schemas";
import { changedSince, refused, resultOf, skipped, type UndoAdapter } from "../adapter";
import { UNDO_PERMISSION } from "../undoable";
import { chosenFields, snapshotStep, type FieldSpec } from "../snapshot-plan";
import { isSnapshot, shown, type Snapshot, type StepResult, type UndoStep } from "../types";

const FIELDS: FieldSpec[] = [
  { field: "active", label: "Active" },
  { field: "description", label: "Description" },
];

/** Entries as recorded: a list (the actions' area-code reads), or one entry (a job's row). */
function entriesOf(value: unknown): Snapshot[] {
  const list = Array.isArray(value) ? value : isSnapshot(value) ? [value] : [];
  return list.filter((row): row is Snapshot => isSnapshot(row) && typeof row.areacode === "string" && typeof row.outboundCid === "string");
}

const keyOf = (row: Snapshot) => `${String(row.areacode)} · ${String(row.outboundCid)}`;
const entryOf = (step: UndoStep) => (step.before ?? step.after)!;
const sameValues = (a: Snapshot, b: Snapshot) => FIELDS.every(({ field }) => shown(a[field]) === shown(b[field]));

/** What the entry holds after a step, in the shape of the CID entries' audit lists. */
function entryAfter(step: UndoStep, applied: Record<string, unknown>): Snapshot | null {
  if (step.op === "delete") return null;
  const base = step.op === "recreate" ? entryOf(step) : (step.current ?? entryOf(step));
  return { areacode: base.areacode, outboundCid: base.outboundCid, active: base.active, description: base.description, ...applied };
}

/**
 * CID entries have no inventory: an entry's state now is read from VICIdial (INFO), area code by
 * area code. The entries in "before" and "after" are compared one by one: added ones are deleted,
 * deleted ones re-added, changed ones changed back.
 */
export const cidUndo: UndoAdapter = {
  resource: "cid",
  noun: "CID group",
  permission: UNDO_PERMISSION.cid,

  async plan(entry, records) {
    if (entry.action === "cid.group_add" || entry.action === "cid.group_remove") {
      return "Putting a group on the dashboard's list, or taking it off, changed nothing in VICIdial";
    }
    const groupId = entry.target;
    const before = new Map(entriesOf(entry.before).map((row) => [keyOf(row), row]));
    const after = new Map(entriesOf(entry.after).map((row) => [keyOf(row), row]));
    if (!groupId || (before.size === 0 && after.size === 0)) return "This entry does not record the CID entries it changed, so it cannot be undone";
    const steps: UndoStep[] = [];
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const was = before.get(key) ?? null;
      const now = after.get(key) ?? null;
      if (was && now && sameValues(was, now)) continue;
      const recorded = (was ?? now)!;
      const current = await records.cidEntries(groupId, String(recorded.areacode));
      if (!Array.isArray(current)) return `Could not read area code ${String(recorded.areacode)} of ${groupId} from VICIdial: ${current.message}`;
      const found = current.find((row) => row.outboundCid === recorded.outboundCid) ?? null;
      const step = snapshotStep(key, was, now, found, FIELDS);
      if (step.op === "revert" && step.fields.some((f) => f.field === "description" && f.before === "")) {
        step.notes.push(`VICIdial's API cannot clear a description, so ${key} keeps the description set since`);
      }
      steps.push(step);
    }
    return steps.length > 0 ? steps : "This change left every entry as it was";
  },

  confirmText: (step) => String(entryOf(step).outboundCid),

  async apply(entry, step, onlyUnchanged, ctx) {
    const row = entryOf(step);
    const target = { groupId: entry.target!, areacode: String(row.areacode), outboundCid: String(row.outboundCid) };
    const done = (result: StepResult, applied: Record<string, unknown>): StepResult =>
      result.state === "done" ? { ...result, before: step.current, after: entryAfter(step, applied) } : result;
    if (step.op === "delete") {
      if (onlyUnchanged && changedSince(step)) return skipped(step.key, `${step.key} changed since, so it was left as it is`);
      const parsed = deleteCidEntriesSchema.safeParse(target);
      if (!parsed.success) return refused(step.key, `${step.key} cannot be deleted`, parsed.error.issues);
      return done(resultOf(step.key, await deleteCidEntriesCommand(parsed.data, ctx)), {});
    }
    if (step.op === "recreate") {
      const parsed = addCidEntrySchema.safeParse({ ...target, active: shown(row.active) === "Y", description: shown(row.description) });
      if (!parsed.success) return refused(step.key, `${step.key} cannot be added again`, parsed.error.issues);
      return done(resultOf(step.key, await addCidEntryCommand(parsed.data, ctx)), {});
    }
    const chosen = chosenFields(step, onlyUnchanged).filter((f) => f.field === "active" || f.before !== "");
    if (chosen.length === 0) return skipped(step.key, `Nothing of ${step.key} could be put back`);
    const changes: Record<string, unknown> = {};
    for (const f of chosen) changes[f.field] = f.field === "active" ? f.before === "Y" : f.before;
    const parsed = updateCidEntriesSchema.safeParse({ ...target, ...changes });
    if (!parsed.success) return refused(step.key, `${step.key} cannot be changed back`, parsed.error.issues);
    return done(resultOf(step.key, await updateCidEntriesCommand(parsed.data, ctx)), changes);
  },
};
