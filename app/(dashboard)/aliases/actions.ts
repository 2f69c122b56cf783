"use server";

import { fromVicidial } from "@/lib/actions/from-vicidial";
import { fail, ok } from "@/lib/actions/result";
import { action } from "@/lib/auth/action";
import { getAlias, removeAlias, upsertAlias, type AliasRow } from "@/lib/inventory/aliases";
import { ALIAS_FIELD_FOR_PARAMETER, addAliasSchema, deleteAliasSchema, joinLogins, splitLogins, updateAliasSchema } from "@/lib/schemas/alias";
import type { VicidialFailure } from "@/lib/vicidial/errors";
import { parseResultLine } from "@/lib/vicidial/parse";
import { addPhoneAlias, deletePhoneAlias, updatePhoneAlias } from "@/lib/vicidial/aliases";

function auditView(row: AliasRow | null) {
  return row ? { aliasId: row.aliasId, aliasName: row.aliasName, phoneLogins: splitLogins(row.phoneLogins) } : null;
}

/**
 * VICIdial names the first login without a phone as the last value of its line (2.4, 2.5):
 * `ERROR: add_phone_alias PHONE DOES NOT EXIST: |6666|nosuch`. The error says which one.
 */
function vicidialError(failure: VicidialFailure) {
  if (failure.code === "PHONE_LOGIN_NOT_FOUND") {
    const login = parseResultLine(failure.raw.split("\n")[0] ?? "")?.data.at(-1);
    if (login !== undefined) {
      const message = login === "" ? "VICIdial found an empty phone login in the list" : `No phone in VICIdial has the login ${login}`;
      return fail("vicidial", message, { code: failure.code, raw: failure.raw, fieldErrors: { phoneLogins: [message] } });
    }
  }
  return fromVicidial(failure, ALIAS_FIELD_FOR_PARAMETER);
}

export const addAliasAction = action({ permission: "phones.write", schema: addAliasSchema, audit: "alias.add" }, async (input, { user, source, audit }) => {
  audit.target = input.aliasId;
  const result = await addPhoneAlias(input, { source });
  audit.raw = result.raw;
  if (!result.ok) return vicidialError(result);
  const saved = await upsertAlias({ aliasId: input.aliasId, aliasName: input.aliasName, phoneLogins: joinLogins(input.phoneLogins), updatedBy: user.username });
  audit.after = auditView(saved);
  return ok({ aliasId: saved.aliasId }, `Phone alias ${input.aliasId} added`);
});

/** Sends only what changed: the name, the logins, or both. */
export const updateAliasAction = action(
  { permission: "phones.write", schema: updateAliasSchema, audit: "alias.update" },
  async (input, { user, source, audit }) => {
    const before = await getAlias(input.aliasId);
    audit.target = before?.aliasId ?? input.aliasId;
    audit.before = auditView(before);
    const result = await updatePhoneAlias(input, { source });
    audit.raw = result.raw;
    if (!result.ok) return vicidialError(result);
    const aliasName = input.aliasName ?? before?.aliasName;
    const phoneLogins = input.phoneLogins ? joinLogins(input.phoneLogins) : before?.phoneLogins;
    // An alias the dashboard did not know is listed once VICIdial confirmed both of its values.
    if (aliasName !== undefined && phoneLogins !== undefined) {
      const saved = await upsertAlias({ aliasId: input.aliasId, aliasName, phoneLogins, updatedBy: user.username });
      audit.after = auditView(saved);
    }
    return ok({ aliasId: before?.aliasId ?? input.aliasId }, `Phone alias ${input.aliasId} updated`);
  },
);

/** A NOTICE that the API user may not delete aliases is a refusal: the alias stays listed. */
export const deleteAliasAction = action({ permission: "phones.write", schema: deleteAliasSchema, audit: "alias.delete" }, async (input, { source, audit }) => {
  const before = await getAlias(input.aliasId);
  audit.target = before?.aliasId ?? input.aliasId;
  audit.before = auditView(before);
  const result = await deletePhoneAlias(input, { source });
  audit.raw = result.raw;
  if (!result.ok) return vicidialError(result);
  await removeAlias(input.aliasId);
  audit.after = null;
  return ok({ aliasId: input.aliasId }, `Phone alias ${input.aliasId} deleted`);
});
