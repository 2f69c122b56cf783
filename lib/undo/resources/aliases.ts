import "server-only";
import { addAliasCommand, deleteAliasCommand, updateAliasCommand } from "@/lib/aliases/commands";
import { addAliasSchema, splitLogins, updateAliasSchema } from "@/lib/aliases/schemas";
import { changedSince, refused, resultOf, skipped, type UndoAdapter } from "../adapter";
import { UNDO_PERMISSION } from "../undoable";
import { chosenFields, snapshotStep, type FieldSpec } from "../snapshot-plan";
import { isSnapshot, shown, type Snapshot } from "../types";

const FIELDS: FieldSpec[] = [
  { field: "aliasName", label: "Alias name" },
  { field: "phoneLogins", label: "Phone logins" },
];

const aliasSnapshot = (value: unknown): Snapshot | null => (isSnapshot(value) && typeof value.aliasId === "string" ? value : null);

/** Logins are a list in the action's entries and a joined string in a job's. */
const loginsOf = (snapshot: Snapshot) => splitLogins(shown(snapshot.phoneLogins));

export const aliasUndo: UndoAdapter = {
  resource: "alias",
  noun: "phone alias",
  permission: UNDO_PERMISSION.alias,

  async plan(entry, records) {
    const before = aliasSnapshot(entry.before);
    const after = aliasSnapshot(entry.after);
    const recorded = before ?? after;
    if (!recorded) return "This entry does not record the alias, so it cannot be undone";
    const aliasId = String(recorded.aliasId);
    return [snapshotStep(aliasId, before, after, await records.alias(aliasId), FIELDS)];
  },

  confirmText: (step) => step.key,

  async apply(_entry, step, onlyUnchanged, ctx) {
    const aliasId = step.key;
    if (step.op === "delete") {
      if (onlyUnchanged && changedSince(step)) return skipped(aliasId, `Alias ${aliasId} changed since, so it was left as it is`);
      return resultOf(aliasId, await deleteAliasCommand({ aliasId }, ctx));
    }
    const before = step.before!;
    if (step.op === "recreate") {
      const parsed = addAliasSchema.safeParse({ aliasId, aliasName: shown(before.aliasName), phoneLogins: loginsOf(before) });
      if (!parsed.success) return refused(aliasId, `The recorded alias ${aliasId} cannot be sent again`, parsed.error.issues);
      return resultOf(aliasId, await addAliasCommand(parsed.data, ctx));
    }
    const chosen = new Set(chosenFields(step, onlyUnchanged).map((f) => f.field));
    if (chosen.size === 0) return skipped(aliasId, `Nothing of alias ${aliasId} could be put back`);
    const parsed = updateAliasSchema.safeParse({
      aliasId,
      ...(chosen.has("aliasName") ? { aliasName: shown(before.aliasName) } : {}),
      ...(chosen.has("phoneLogins") ? { phoneLogins: loginsOf(before) } : {}),
    });
    if (!parsed.success) return refused(aliasId, `The recorded values of alias ${aliasId} cannot be sent again`, parsed.error.issues);
    return resultOf(aliasId, await updateAliasCommand(parsed.data, ctx));
  },
};
