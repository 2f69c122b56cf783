import { shown, type FieldState, type Snapshot, type UndoStep } from "./types";

/** A field of an object kind: its snapshot key and its label. */
export interface FieldSpec {
  field: string;
  label: string;
}

/**
 * The step that takes one object from the entry's "after" back to its "before", checked against
 * what the object holds now. The same for every kind of change whose before state is known: an
 * add (before empty: delete), a delete (after empty: re-create), a change (revert the fields it
 * changed), made through the dashboard or, later, found by the cluster sync (drift).
 */
export function snapshotStep(key: string, before: Snapshot | null, after: Snapshot | null, current: Snapshot | null, fields: readonly FieldSpec[]): UndoStep {
  const state = (spec: FieldSpec, from: Snapshot | null): FieldState => ({
    field: spec.field,
    label: spec.label,
    before: shown(before?.[spec.field]),
    after: shown(after?.[spec.field]),
    current: shown(current?.[spec.field]),
    changed: current !== null && shown(current[spec.field]) !== shown(from?.[spec.field]),
  });
  if (!before && after) {
    const recorded = fields.filter((spec) => shown(after[spec.field]) !== "");
    return { key, op: "delete", fields: recorded.map((spec) => state(spec, after)), blocked: current ? undefined : `${key} no longer exists`, notes: [], before, after, current };
  }
  if (before && !after) {
    return { key, op: "recreate", fields: [], blocked: current ? `${key} exists again` : undefined, notes: [], before, after, current };
  }
  const changedByEntry = fields.filter((spec) => shown(before?.[spec.field]) !== shown(after?.[spec.field]));
  const blocked = !current ? `${key} no longer exists` : changedByEntry.length === 0 ? "This change changed nothing that undo could put back" : undefined;
  return { key, op: "revert", fields: changedByEntry.map((spec) => state(spec, after)), blocked, notes: [], before, after, current };
}

/** The fields a revert should write for a choice: all, or only those unchanged since the entry. */
export function chosenFields(step: UndoStep, onlyUnchanged: boolean): FieldState[] {
  return onlyUnchanged ? step.fields.filter((f) => !f.changed) : step.fields;
}
