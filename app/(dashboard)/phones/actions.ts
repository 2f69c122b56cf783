"use server";

import { commandContext } from "@/lib/actions/command";
import { action } from "@/lib/auth/action";
import { addPhoneCommand, deletePhoneCommand, updatePhoneCommand } from "@/lib/phones/commands";
import { addPhoneSchema, deletePhoneSchema, updatePhoneSchema } from "@/lib/schemas/phone";

export const addPhoneAction = action({ permission: "phones.write", schema: addPhoneSchema, audit: "phone.add" }, async (input, { user, source, audit }) => {
  const outcome = await addPhoneCommand(input, commandContext({ user, source }));
  Object.assign(audit, outcome.audit);
  return outcome.result;
});

/** Sends only the fields present in the input (the form sends only what changed). */
export const updatePhoneAction = action(
  { permission: "phones.write", schema: updatePhoneSchema, audit: "phone.update" },
  async (input, { user, source, audit }) => {
    const outcome = await updatePhoneCommand(input, commandContext({ user, source }));
    Object.assign(audit, outcome.audit);
    return outcome.result;
  },
);

/** A NOTICE that the API user may not delete phones is a refusal: the phone stays listed. */
export const deletePhoneAction = action({ permission: "phones.write", schema: deletePhoneSchema, audit: "phone.delete" }, async (input, { user, source, audit }) => {
  const outcome = await deletePhoneCommand(input, commandContext({ user, source }));
  Object.assign(audit, outcome.audit);
  return outcome.result;
});
