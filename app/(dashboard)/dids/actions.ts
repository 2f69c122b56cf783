"use server";

import { commandContext, runCommand } from "@/lib/actions/command";
import { recordAudits } from "@/lib/audit/record";
import { action } from "@/lib/actions/action";
import { addExistingDid } from "@/lib/inventory/add-existing";
import { addDidCommand, copyDidCommand, deleteDidCommand, updateDidCommand } from "@/lib/dids/commands";
import { addDidSchema, copyDidSchema, deleteDidSchema, existingDidSchema, updateDidSchema } from "@/lib/dids/schemas";

export type { CopyDidResult } from "@/lib/dids/commands";

export const addDidAction = action({ permission: "dids.write", schema: addDidSchema, audit: "did.add" }, runCommand(addDidCommand));

/** Sends only the fields present in the input: the form sends only what changed. */
export const updateDidAction = action({ permission: "dids.write", schema: updateDidSchema, audit: "did.update" }, runCommand(updateDidCommand));

export const deleteDidAction = action({ permission: "dids.delete", schema: deleteDidSchema, audit: "did.delete" }, runCommand(deleteDidCommand));

/**
 * Copies to each new DID; the result lists each one as added or already existing. Whatever
 * VICIdial confirmed as added is listed and gets its own audit entry, even when the final line is a failure.
 */
export const copyDidAction = action({ permission: "dids.write", schema: copyDidSchema, audit: "did.copy" }, async (input, { user, source, audit }) => {
  const outcome = await copyDidCommand(input, commandContext({ user, source }));
  Object.assign(audit, outcome.audit);
  const actor = { id: user.id, username: user.username, role: user.role };
  await recordAudits(outcome.targets.flatMap((did) => (did.audit ? [{ actor, ...did.audit, outcome: "success" as const }] : [])));
  return outcome.result;
});

/** Without cluster reads: lists a DID VICIdial already has, after asking it with a request that changes nothing. */
export const addExistingDidAction = action({ permission: "dids.write", schema: existingDidSchema, audit: "did.add_existing" }, async (input, { user, source, audit }) => {
  const outcome = await addExistingDid(input.didPattern, commandContext({ user, source }));
  Object.assign(audit, outcome.audit);
  return outcome.result;
});
