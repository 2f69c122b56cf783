import "server-only";
import type { VicidialClient } from "./client";
import { commaList, defineParams, optional, text, type InputOf } from "./encode";
import type { Subject } from "./errors";
import { defineOperation, performWith, successLine, type CallContext, type DataOf } from "./operation";
import { byExistence, noChangeProbe } from "./reconcile";

const aliasKey = { aliasId: text("alias_id") };
/** Logins of existing phones, sent comma-separated. */
const phoneLogins = commaList("phone_logins", "phone_login");

const addAliasParams = defineParams({
  ...aliasKey,
  aliasName: text("alias_name"),
  phoneLogins,
});

/** Give at least one of aliasName and phoneLogins, or VICIdial answers REQUIRED_FIELDS (2.5). */
const updateAliasParams = defineParams({
  ...aliasKey,
  aliasName: optional(text("alias_name")),
  phoneLogins: optional(phoneLogins),
});

const deleteAliasParams = defineParams(aliasKey);

export type AddPhoneAliasInput = InputOf<typeof addAliasParams.spec>;
export type UpdatePhoneAliasInput = InputOf<typeof updateAliasParams.spec>;
export type DeletePhoneAliasInput = InputOf<typeof deleteAliasParams.spec>;

const addSubject: Subject = { thing: "phone alias", things: "phone aliases", right: "add phone aliases", changesData: true };
const updateSubject: Subject = { thing: "phone alias", things: "phone aliases", right: "change phone aliases", changesData: true };

/**
 * update_phone_alias with delete_alias=N and nothing else: NO UPDATES DEFINED when the alias
 * exists, PHONE ALIAS DOES NOT EXIST otherwise; changes nothing (2.5).
 */
export const aliasProbe = noChangeProbe("update_phone_alias", "phone alias", [["delete_alias", "N"]]);

const aliasOf = ([aliasId]: readonly string[]) => (aliasId === undefined ? undefined : { aliasId });

export const addPhoneAliasOperation = defineOperation({
  apiFunction: "add_phone_alias",
  subject: addSubject,
  read: false,
  verdict: "first",
  success: successLine("PHONE ALIAS HAS BEEN ADDED", ([aliasId, aliasName, logins]) =>
    aliasId === undefined ? undefined : { aliasId, aliasName: aliasName ?? "", phoneLogins: logins ? logins.split(",") : [] },
  ),
  reconcile: byExistence("add", aliasProbe, "alias_id", "phone alias"),
});

export const updatePhoneAliasOperation = defineOperation({
  apiFunction: "update_phone_alias",
  subject: updateSubject,
  read: false,
  verdict: "first",
  success: successLine("PHONE ALIAS HAS BEEN UPDATED", aliasOf),
  reconcile: byExistence("update", aliasProbe, "alias_id", "phone alias"),
});

/** Exactly `Y`; a refusal is a NOTICE, which is never a success (contract 3). */
export const deletePhoneAliasOperation = defineOperation({
  apiFunction: "update_phone_alias",
  subject: updateSubject,
  read: false,
  fixed: [["delete_alias", "Y"]],
  verdict: "first",
  success: successLine("PHONE ALIAS HAS BEEN DELETED", aliasOf),
  reconcile: byExistence("delete", aliasProbe, "alias_id", "phone alias"),
});

export type AddedPhoneAlias = DataOf<typeof addPhoneAliasOperation>;
export type PhoneAliasRef = DataOf<typeof updatePhoneAliasOperation>;

export function addPhoneAlias(input: AddPhoneAliasInput, context: CallContext, client?: VicidialClient) {
  return performWith(addPhoneAliasOperation, addAliasParams, input, context, client);
}

export function updatePhoneAlias(input: UpdatePhoneAliasInput, context: CallContext, client?: VicidialClient) {
  return performWith(updatePhoneAliasOperation, updateAliasParams, input, context, client);
}

export function deletePhoneAlias(input: DeletePhoneAliasInput, context: CallContext, client?: VicidialClient) {
  return performWith(deletePhoneAliasOperation, deleteAliasParams, input, context, client);
}

