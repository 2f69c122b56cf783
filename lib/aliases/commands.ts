import "server-only";
import type { CommandContext, CommandOutcome } from "@/lib/actions/command";
import { fromVicidial } from "@/lib/actions/from-vicidial";
import { forgetGoneRecord, type GoneRecord } from "@/lib/actions/gone-record";
import { fail, ok } from "@/lib/actions/result";
import { getAlias, removeAlias, upsertAlias, type AliasRow } from "@/lib/aliases/inventory";
import { ALIAS_FIELD_FOR_PARAMETER, joinLogins, splitLogins, type AddAlias, type DeleteAlias, type UpdateAlias } from "@/lib/aliases/schemas";
import type { VicidialFailure } from "@/lib/vicidial/errors";
import { parseResultLine } from "@/lib/vicidial/parse";
import { addPhoneAlias, deletePhoneAlias, updatePhoneAlias } from "@/lib/vicidial/aliases";

/** The phone alias use cases: the actions, undo and the agent jobs call these (DESIGN "one command per use case"). */

export function aliasAuditView(row: AliasRow | null) {
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

function goneAlias(aliasId: string, before: AliasRow | null): GoneRecord {
  return {
    action: "alias.gone",
    name: `Phone alias ${before?.aliasId ?? aliasId}`,
    target: before?.aliasId ?? aliasId,
    before: aliasAuditView(before),
    inDatabase: async (reader) => (await reader.aliasesById([aliasId])).length > 0,
    remove: () => removeAlias(before?.aliasId ?? aliasId),
  };
}

/** VICIdial's refusal as the action's error; a listed alias VICIdial no longer has leaves the list. */
async function refusedAlias(failure: VicidialFailure, aliasId: string, before: AliasRow | null, ctx: CommandContext) {
  return (await forgetGoneRecord(failure, goneAlias(aliasId, before), ctx)) ?? vicidialError(failure);
}

export async function addAliasCommand(input: AddAlias, ctx: CommandContext): Promise<CommandOutcome<{ aliasId: string }>> {
  const result = await addPhoneAlias(input, { source: ctx.source }, ctx.client);
  ctx.answered?.();
  if (!result.ok) return { result: vicidialError(result), audit: { action: "alias.add", target: input.aliasId, params: { ...input }, raw: result.raw } };
  const audit = await aliasAdded(input, ctx.username, result.raw);
  return { result: ok({ aliasId: audit.after?.aliasId ?? input.aliasId }, audit.message), audit };
}

/**
 * Lists an alias VICIdial has just added: after add_phone_alias, or for a job's row whose earlier,
 * unanswered add_phone_alias is found to have landed.
 */
export async function aliasAdded(input: AddAlias, username: string, raw: string, message = `Phone alias ${input.aliasId} added`) {
  const saved = await upsertAlias({ aliasId: input.aliasId, aliasName: input.aliasName, phoneLogins: joinLogins(input.phoneLogins), updatedBy: username });
  return { action: "alias.add", target: input.aliasId, params: { ...input }, before: null, after: aliasAuditView(saved), raw, message };
}

/** Sends only what changed: the name, the logins, or both. */
export async function updateAliasCommand(input: UpdateAlias, ctx: CommandContext): Promise<CommandOutcome<{ aliasId: string }>> {
  const { username, source, client } = ctx;
  const before = await getAlias(input.aliasId);
  const audit = { action: "alias.update", target: before?.aliasId ?? input.aliasId, before: aliasAuditView(before) };
  const result = await updatePhoneAlias(input, { source }, client);
  if (!result.ok) return { result: await refusedAlias(result, input.aliasId, before, ctx), audit: { ...audit, raw: result.raw } };
  const aliasName = input.aliasName ?? before?.aliasName;
  const phoneLogins = input.phoneLogins ? joinLogins(input.phoneLogins) : before?.phoneLogins;
  // An alias the dashboard did not know is listed once VICIdial confirmed both of its values.
  const saved = aliasName !== undefined && phoneLogins !== undefined ? await upsertAlias({ aliasId: input.aliasId, aliasName, phoneLogins, updatedBy: username }) : null;
  return {
    result: ok({ aliasId: before?.aliasId ?? input.aliasId }, `Phone alias ${input.aliasId} updated`),
    audit: { ...audit, ...(saved ? { after: aliasAuditView(saved) } : {}), raw: result.raw },
  };
}

/** A NOTICE that the API user may not delete aliases is a refusal: the alias stays listed. */
export async function deleteAliasCommand(input: DeleteAlias, ctx: CommandContext): Promise<CommandOutcome<{ aliasId: string }>> {
  const { source, client } = ctx;
  const before = await getAlias(input.aliasId);
  const audit = { action: "alias.delete", target: before?.aliasId ?? input.aliasId, before: aliasAuditView(before) };
  const result = await deletePhoneAlias(input, { source }, client);
  if (!result.ok) return { result: await refusedAlias(result, input.aliasId, before, ctx), audit: { ...audit, raw: result.raw } };
  await removeAlias(input.aliasId);
  return { result: ok({ aliasId: input.aliasId }, `Phone alias ${input.aliasId} deleted`), audit: { ...audit, after: null, raw: result.raw } };
}
