"use server";

import { commandContext, runCommand } from "@/lib/actions/command";
import { addAliasCommand, deleteAliasCommand, updateAliasCommand } from "@/lib/aliases/commands";
import { action } from "@/lib/actions/action";
import { addExistingAlias } from "@/lib/inventory/add-existing";
import { addAliasSchema, deleteAliasSchema, existingAliasSchema, updateAliasSchema } from "@/lib/aliases/schemas";

export const addAliasAction = action({ permission: "phones.write", schema: addAliasSchema, audit: "alias.add" }, runCommand(addAliasCommand));

/** Sends only what changed: the name, the logins, or both. */
export const updateAliasAction = action(
  { permission: "phones.write", schema: updateAliasSchema, audit: "alias.update" },
  runCommand(updateAliasCommand),
);

/** A NOTICE that the API user may not delete aliases is a refusal: the alias stays listed. */
export const deleteAliasAction = action({ permission: "phones.write", schema: deleteAliasSchema, audit: "alias.delete" }, runCommand(deleteAliasCommand));

/** Without cluster reads: lists a phone alias VICIdial already has, after asking it with a request that changes nothing. */
export const addExistingAliasAction = action({ permission: "phones.write", schema: existingAliasSchema, audit: "alias.add_existing" }, async (input, { user, source, audit }) => {
  const outcome = await addExistingAlias(input.aliasId, commandContext({ user, source }));
  Object.assign(audit, outcome.audit);
  return outcome.result;
});
