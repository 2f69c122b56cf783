"use server";

import { z } from "zod";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { getAuditEntry, type AuditRow } from "@/lib/audit/queries";
import { auditScopeFor } from "@/lib/audit/scope";
import { action, type ActionContext } from "@/lib/actions/action";
import { undoResult, type UndoOutcome } from "@/lib/undo/action-result";
import { UNDO_CHOICES, type UndoPlan, type UndoResource } from "@/lib/undo/types";
import { applyUndo, currentRecords, planUndo, UNDO_ADAPTERS, undoneBy } from "@/lib/undo/undo";

/**
 * Undo of one audit entry, per resource (each with its role's permission, DESIGN roles table):
 * a preview (the plan, checked against what the object holds now) and the undo itself, which
 * plans again, applies the entry's "before" through the resource's commands and is audited as
 * `<resource>.undo` with a link to the entry it undoes.
 */
const previewSchema = z.object({ entryId: z.coerce.number({ error: "Not an audit entry" }).int().positive("Not an audit entry") });
const undoSchema = previewSchema.extend({
  /** Required when something changed since the entry. */
  choice: z.enum(UNDO_CHOICES).optional(),
  /** The type-to-confirm text, when the undo deletes. */
  confirm: z.string().optional(),
});

const NOT_FOUND = "This audit entry does not exist, or you may not see it.";

/** The entry, if the user may see it and it belongs to one of `resources`. */
async function entryFor(entryId: number, resources: readonly UndoResource[], { user }: ActionContext): Promise<AuditRow | ActionResult<never>> {
  const scope = auditScopeFor(user);
  const entry = scope ? await getAuditEntry(entryId, scope) : null;
  if (!entry) return fail("validation", NOT_FOUND);
  if (!(resources as readonly string[]).includes(entry.resource)) return fail("forbidden", "Your role may not undo this kind of change.");
  const undone = (await undoneBy([entry.id])).get(entry.id);
  if (undone !== undefined) return fail("conflict", `This change was already undone (entry ${undone}).`);
  return entry;
}

const isResult = (value: AuditRow | ActionResult<never>): value is ActionResult<never> => "ok" in value;

/** `previewAlso`: further resources the preview takes (its undo takes only `resource`, so its entry lands in that object's history). */
function undoActions(resource: UndoResource, previewAlso: readonly UndoResource[] = []) {
  const permission = UNDO_ADAPTERS[resource].permission;

  const preview = action({ permission, schema: previewSchema }, async ({ entryId }, ctx): Promise<ActionResult<UndoPlan>> => {
    const entry = await entryFor(entryId, [resource, ...previewAlso], ctx);
    if (isResult(entry)) return entry;
    const plan = await planUndo(entry, currentRecords({ username: ctx.user.username, source: ctx.source }));
    if (typeof plan === "string") return fail("conflict", plan);
    return ok(plan, plan.summary);
  });

  const undo = action({ permission, schema: undoSchema, audit: `${resource}.undo` }, async ({ entryId, choice, confirm }, ctx): Promise<ActionResult<UndoOutcome>> => {
    const { user, source, audit } = ctx;
    const entry = await entryFor(entryId, [resource], ctx);
    if (isResult(entry)) return entry;
    audit.target = entry.target ?? undefined;
    audit.undoOf = entry.id;
    audit.params = { entryId, undoes: entry.action, choice };
    const commandContext = { username: user.username, source };
    const plan = await planUndo(entry, currentRecords(commandContext));
    if (typeof plan === "string") return fail("conflict", plan);
    if (plan.conflicts && !choice) return fail("conflict", "Something changed since this entry: choose to undo anyway or only what did not change.");
    if (plan.confirmText !== undefined && confirm !== plan.confirmText) {
      const message = `Type ${plan.confirmText} to confirm: the undo deletes it`;
      return fail("validation", message, { fieldErrors: { confirm: [message] } });
    }
    const run = await applyUndo(entry, plan, choice ?? "anyway", { ...commandContext, actor: { id: user.id, username: user.username, role: user.role } });
    audit.target = plan.target;
    audit.before = run.before;
    audit.after = run.after;
    audit.raw = run.raw;
    return undoResult(run);
  });

  return { preview, undo };
}

const did = undoActions("did");
const phone = undoActions("phone", ["alias"]);
const alias = undoActions("alias");
const cid = undoActions("cid");

export const previewDidUndoAction = did.preview;
export const undoDidChangeAction = did.undo;
/** Phones and aliases share the preview: both are the provisioning role's. */
export const previewPhoneUndoAction = phone.preview;
export const undoPhoneChangeAction = phone.undo;
export const undoAliasChangeAction = alias.undo;
export const previewCidUndoAction = cid.preview;
export const undoCidChangeAction = cid.undo;
