import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema/audit";
import { addDidCommand, deleteDidCommand, updateDidCommand } from "@/lib/dids/commands";
import { DID_COLUMN_OF, didFields, type DidRow } from "@/lib/dids/inventory";
import { addDidSchema, didFieldLabel, ROUTE_FIELDS, updateDidSchema, type DidField, type DidRoute } from "@/lib/dids/schemas";
import { changedSince, refused, resultOf, skipped, type UndoAdapter } from "../adapter";
import { UNDO_PERMISSION } from "../undoable";
import { chosenFields, snapshotStep, type FieldSpec } from "../snapshot-plan";
import { isSnapshot, type Snapshot } from "../types";

const FIELD_OF_COLUMN = new Map(Object.entries(DID_COLUMN_OF).map(([field, column]) => [column as string, field as DidField]));
const FIELDS: FieldSpec[] = Object.entries(DID_COLUMN_OF).map(([field, column]) => ({ field: column, label: didFieldLabel(field as DidField) }));

const didSnapshot = (value: unknown): Snapshot | null => (isSnapshot(value) && typeof value.didPattern === "string" ? value : null);

/** The per-DID entry a copy wrote for `pattern` (just before its own entry): what the new DID held. */
async function copiedSnapshot(pattern: string, copyEntryId: number): Promise<{ id: number; after: Snapshot } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: auditLog.id, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.action, "did.copy"), eq(auditLog.target, pattern), eq(auditLog.outcome, "success"), lt(auditLog.id, copyEntryId)))
    .orderBy(desc(auditLog.id))
    .limit(1);
  const after = didSnapshot(row?.after);
  return row && after ? { id: row.id, after } : null;
}

/** The fields of a recorded DID, keyed by form field (VICIdial's Y/N active as a boolean). */
function fieldsOf(snapshot: Snapshot) {
  return didFields(snapshot as unknown as DidRow);
}

export const didUndo: UndoAdapter = {
  resource: "did",
  noun: "DID",
  permission: UNDO_PERMISSION.did,

  async plan(entry, records) {
    // A copy's own entry lists the DIDs it added: undoing it deletes each of them.
    if (entry.action === "did.copy" && isSnapshot(entry.after) && Array.isArray(entry.after.added)) {
      const added = entry.after.added.map(String);
      if (added.length === 0) return "This copy added no DID, so there is nothing to undo";
      return Promise.all(
        added.map(async (pattern) => {
          const copied = await copiedSnapshot(pattern, entry.id);
          const after = copied?.after ?? { ...(didSnapshot(entry.before) ?? {}), didPattern: pattern };
          return { ...snapshotStep(pattern, null, after, await records.did(pattern), FIELDS), entryId: copied?.id };
        }),
      );
    }
    const before = didSnapshot(entry.before);
    const after = didSnapshot(entry.after);
    if (!before && !after) return "This entry does not record the DID's settings, so it cannot be undone";
    const step = snapshotStep(entry.target ?? String((before ?? after)!.didPattern), before, after, await records.did(String((before ?? after)!.didPattern)), FIELDS);
    if (step.op === "revert") {
      const uncleared = step.fields.filter((f) => f.before === "");
      if (uncleared.length > 0) step.notes.push(`VICIdial's API cannot clear a DID's value, so ${uncleared.map((f) => f.label).join(", ")} keep${uncleared.length === 1 ? "s" : ""} the value set since`);
    }
    return [step];
  },

  confirmText: (step) => step.key,

  async apply(_entry, step, onlyUnchanged, ctx) {
    const pattern = step.key;
    if (step.op === "delete") {
      if (onlyUnchanged && changedSince(step)) return skipped(pattern, `${pattern} changed since, so it was left as it is`);
      return resultOf(pattern, await deleteDidCommand({ didPattern: pattern }, ctx));
    }
    if (step.op === "recreate") {
      const parsed = addDidSchema.safeParse({ didPattern: pattern, ...fieldsOf(step.before!) });
      if (!parsed.success) return refused(pattern, `The recorded settings of ${pattern} cannot be sent again`, parsed.error.issues);
      return resultOf(pattern, await addDidCommand(parsed.data, ctx));
    }
    const recorded = fieldsOf(step.before!);
    const wanted = new Set(chosenFields(step, onlyUnchanged).flatMap((f) => (f.before === "" ? [] : [FIELD_OF_COLUMN.get(f.field)!])));
    // A route goes back with its target (the in-group, the extension...), as the edit form sends it.
    if (wanted.has("didRoute") && recorded.didRoute) for (const field of ROUTE_FIELDS[recorded.didRoute as DidRoute].fields) wanted.add(field);
    const changes = Object.fromEntries(Object.entries(recorded).filter(([field, value]) => wanted.has(field as DidField) && value !== undefined));
    if (Object.keys(changes).length === 0) return skipped(pattern, `Nothing of ${pattern} could be put back`);
    const parsed = updateDidSchema.safeParse({ didPattern: pattern, ...changes });
    if (!parsed.success) return refused(pattern, `The recorded values of ${pattern} cannot be sent again`, parsed.error.issues);
    return resultOf(pattern, await updateDidCommand(parsed.data, ctx));
  },
};
