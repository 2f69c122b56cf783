"use server";

import { runCommand } from "@/lib/actions/command";
import { action } from "@/lib/actions/action";
import { addExistingPhone } from "@/lib/inventory/add-existing";
import { addPhoneCommand, deletePhoneCommand, updatePhoneCommand } from "@/lib/phones/commands";
import { addPhoneSchema, deletePhoneSchema, phoneKeySchema, updatePhoneSchema } from "@/lib/phones/schemas";

export const addPhoneAction = action({ permission: "phones.write", schema: addPhoneSchema, audit: "phone.add" }, runCommand(addPhoneCommand));

/** Sends only the fields present in the input (the form sends only what changed). */
export const updatePhoneAction = action(
  { permission: "phones.write", schema: updatePhoneSchema, audit: "phone.update" },
  runCommand(updatePhoneCommand),
);

/** A NOTICE that the API user may not delete phones is a refusal: the phone stays listed. */
export const deletePhoneAction = action({ permission: "phones.write", schema: deletePhoneSchema, audit: "phone.delete" }, runCommand(deletePhoneCommand));

/** Without cluster reads: lists a phone VICIdial already has, after asking it with a request that changes nothing. */
export const addExistingPhoneAction = action({ permission: "phones.write", schema: phoneKeySchema, audit: "phone.add_existing" }, runCommand(addExistingPhone));
