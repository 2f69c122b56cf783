import "server-only";
import { generatePassword } from "@/lib/passwords/generate";
import { addPhoneCommand, deletePhoneCommand, updatePhoneCommand } from "@/lib/phones/commands";
import { PHONE_CLEARABLE_FIELDS, PHONE_COLUMN_OF, PHONE_SETTING_FIELDS, phoneFieldLabel } from "@/lib/phones/fields";
import { addPhoneSchema, updatePhoneSchema } from "@/lib/phones/schemas";
import { changedSince, refused, resultOf, skipped, type UndoAdapter } from "../adapter";
import { UNDO_PERMISSION } from "../undoable";
import { chosenFields, snapshotStep, type FieldSpec } from "../snapshot-plan";
import { isSnapshot, shown, type Snapshot } from "../types";

/** Inventory column → update_phone field, label, and whether VICIdial can clear it (--BLANK--): the phone field table's. */
const COLUMNS: Record<string, { field: string; label: string; clearable?: boolean }> = Object.fromEntries(
  PHONE_SETTING_FIELDS.map((field) => [PHONE_COLUMN_OF[field], { field, label: phoneFieldLabel(field), clearable: (PHONE_CLEARABLE_FIELDS as readonly string[]).includes(field) }]),
);
const FIELDS: FieldSpec[] = Object.entries(COLUMNS).map(([column, spec]) => ({ field: column, label: spec.label }));

const phoneSnapshot = (value: unknown): Snapshot | null =>
  isSnapshot(value) && typeof value.serverIp === "string" && typeof value.extension === "string" ? value : null;

const keyOf = (snapshot: Snapshot) => ({ serverIp: String(snapshot.serverIp), extension: String(snapshot.extension) });

/** A recorded value as add_phone/update_phone take it; empty values are left out. */
function valuesOf(snapshot: Snapshot, columns: Iterable<string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const column of columns) {
    const value = shown(snapshot[column]);
    if (value !== "") values[COLUMNS[column]!.field] = value;
  }
  return values;
}

export const phoneUndo: UndoAdapter = {
  resource: "phone",
  noun: "phone",
  permission: UNDO_PERMISSION.phone,

  async plan(entry, records) {
    const before = phoneSnapshot(entry.before);
    const after = phoneSnapshot(entry.after);
    const recorded = before ?? after;
    if (!recorded) return "This entry does not record the phone's settings, so it cannot be undone";
    const key = keyOf(recorded);
    const step = snapshotStep(`${key.serverIp}/${key.extension}`, before, after, await records.phone(key), FIELDS);
    const params = isSnapshot(entry.params) ? entry.params : {};
    if (step.op === "revert" && Array.isArray(params.passwordsSet) && params.passwordsSet.length > 0) {
      step.notes.push("Passwords set by this change stay as they are: the old ones are not kept anywhere");
    }
    if (step.op === "revert") {
      const uncleared = step.fields.filter((f) => f.before === "" && !COLUMNS[f.field]?.clearable);
      if (uncleared.length > 0) step.notes.push(`VICIdial cannot clear ${uncleared.map((f) => f.label).join(", ")}, so the value set since stays`);
    }
    if (step.op === "recreate") step.notes.push("The re-created phone gets new passwords, shown once when the undo is done");
    return [step];
  },

  confirmText: (step) => String((step.after ?? step.before)?.extension ?? step.key),

  async apply(_entry, step, onlyUnchanged, ctx) {
    const recorded = (step.before ?? step.after)!;
    const key = keyOf(recorded);
    if (step.op === "delete") {
      if (onlyUnchanged && changedSince(step)) return skipped(step.key, `Phone ${step.key} changed since, so it was left as it is`);
      return resultOf(step.key, await deletePhoneCommand(key, ctx));
    }
    if (step.op === "recreate") {
      const secrets = { phonePass: generatePassword(), registrationPassword: generatePassword() };
      const parsed = addPhoneSchema.safeParse({ ...key, ...valuesOf(recorded, Object.keys(COLUMNS).filter((c) => c !== "active")), ...secrets });
      if (!parsed.success) return refused(step.key, `The recorded settings of phone ${step.key} cannot be sent again`, parsed.error.issues);
      const result = resultOf(step.key, await addPhoneCommand(parsed.data, ctx));
      return result.state === "done" ? { ...result, secrets } : result;
    }
    const chosen = chosenFields(step, onlyUnchanged).filter((f) => f.before !== "" || COLUMNS[f.field]?.clearable);
    if (chosen.length === 0) return skipped(step.key, `Nothing of phone ${step.key} could be put back`);
    const changes: Record<string, string | null> = {};
    for (const f of chosen) changes[COLUMNS[f.field]!.field] = f.before === "" ? null : f.before;
    const parsed = updatePhoneSchema.safeParse({ ...key, ...changes });
    if (!parsed.success) return refused(step.key, `The recorded values of phone ${step.key} cannot be sent again`, parsed.error.issues);
    return resultOf(step.key, await updatePhoneCommand(parsed.data, ctx));
  },
};
