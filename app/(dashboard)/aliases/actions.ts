"use server";

import { commandContext } from "@/lib/actions/command";
import { addAliasCommand, deleteAliasCommand, updateAliasCommand } from "@/lib/aliases/commands";
import { action } from "@/lib/auth/action";
import { addAliasSchema, deleteAliasSchema, updateAliasSchema } from "@/lib/schemas/alias";

export const addAliasAction = action({ permission: "phones.write", schema: addAliasSchema, audit: "alias.add" }, async (input, { user, source, audit }) => {
  const outcome = await addAliasCommand(input, commandContext({ user, source }));
  Object.assign(audit, outcome.audit);
  return outcome.result;
});

/** Sends only what changed: the name, the logins, or both. */
export const updateAliasAction = action(
  { permission: "phones.write", schema: updateAliasSchema, audit: "alias.update" },
  async (input, { user, source, audit }) => {
    const outcome = await updateAliasCommand(input, commandContext({ user, source }));
    Object.assign(audit, outcome.audit);
    return outcome.result;
  },
);

/** A NOTICE that the API user may not delete aliases is a refusal: the alias stays listed. */
export const deleteAliasAction = action({ permission: "phones.write", schema: deleteAliasSchema, audit: "alias.delete" }, async (input, { user, source, audit }) => {
  const outcome = await deleteAliasCommand(input, commandContext({ user, source }));
  Object.assign(audit, outcome.audit);
  return outcome.result;
});
