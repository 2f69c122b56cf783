import "server-only";
import { fromVicidial } from "@/lib/actions/from-vicidial";
import { ok } from "@/lib/actions/result";
import type { CommandContext, CommandOutcome } from "@/lib/actions/command";
import { forgetGoneRecord, type GoneRecord } from "@/lib/actions/gone-record";
import { getPhone, removePhone, upsertPhone, type PhoneRecord, type PhoneRow } from "@/lib/phones/inventory";
import { ADD_PHONE_DEFAULTS, PHONE_CHANGE_FIELDS, PHONE_COLUMN_OF, PHONE_FIELD_FOR_PARAMETER, PHONE_LISTED_FIELDS, PHONE_SECRET_FIELDS, type PhoneField, type PhoneSecretField } from "@/lib/phones/fields";
import { phoneTarget, type AddPhone, type PhoneKey, type UpdatePhone } from "@/lib/phones/schemas";
import type { VicidialFailure } from "@/lib/vicidial/errors";
import { addPhone, deletePhone, updatePhone, type UpdatePhoneInput } from "@/lib/vicidial/phones";

/** The phone use cases: the actions, undo and the agent jobs call these (DESIGN "one command per use case"). */

/** VICIdial's Y/N settings as the client's booleans; undefined stays unsent. */
const yes = (value: "Y" | "N" | undefined) => (value === undefined ? undefined : value === "Y");

const BOOKKEEPING = new Set(["updatedAt", "updatedBy"]);

/** What the audit log keeps of a phone: the inventory row without its bookkeeping columns. */
export function phoneAuditView(row: PhoneRow | null) {
  return row ? Object.fromEntries(Object.entries(row).filter(([column]) => !BOOKKEEPING.has(column))) : null;
}

/** The input minus passwords; which secrets were set is still recorded, never their values. */
function auditParams(input: Record<string, unknown>) {
  const params: Record<string, unknown> = {};
  const secretsSet: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if ((PHONE_SECRET_FIELDS as readonly string[]).includes(key)) {
      if (value !== undefined) secretsSet.push(key);
    } else if (value !== undefined) params[key] = value;
  }
  return secretsSet.length > 0 ? { ...params, passwordsSet: secretsSet } : params;
}

type Listed = Exclude<PhoneField, PhoneSecretField>;

/** The inventory's columns for the fields given; `null` (cleared with --BLANK--) is stored as empty. */
function columnsOf(fields: Partial<Record<Listed, string | null | undefined>>): Partial<PhoneRecord> {
  const columns: Record<string, string> = {};
  for (const field of PHONE_LISTED_FIELDS) {
    const value = fields[field];
    if (value !== undefined) columns[PHONE_COLUMN_OF[field]] = value ?? "";
  }
  return columns as Partial<PhoneRecord>;
}

/** A phone add_phone made: what was sent, VICIdial's defaults for the rest (2.2). */
function inventoryRecordOf(input: AddedPhone, updatedBy: string): PhoneRecord {
  const unset = Object.fromEntries(PHONE_LISTED_FIELDS.map((field) => [PHONE_COLUMN_OF[field], null]));
  return { ...unset, ...columnsOf({ ...ADD_PHONE_DEFAULTS, ...withoutUnset(input) }), updatedBy } as PhoneRecord;
}

/** The fields given a value (an optional field left empty is `undefined`, and keeps the default). */
function withoutUnset<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function clientUpdateOf(input: UpdatePhone): UpdatePhoneInput {
  const update: UpdatePhoneInput = { serverIp: input.serverIp, extension: input.extension };
  for (const field of PHONE_CHANGE_FIELDS) {
    if (input[field] !== undefined) Object.assign(update, { [field]: input[field] });
  }
  return {
    ...update,
    active: yes(input.active),
    webphoneAutoAnswer: yes(input.webphoneAutoAnswer),
    useExternalServerIp: yes(input.useExternalServerIp),
    onHookAgent: yes(input.onHookAgent),
  };
}

function gonePhone(key: PhoneKey, before: PhoneRow | null): GoneRecord {
  const lower = (value: string) => value.toLowerCase();
  return {
    action: "phone.gone",
    name: `Phone ${key.extension} on ${key.serverIp}`,
    target: phoneTarget(before ?? key),
    before: phoneAuditView(before),
    inDatabase: async (reader) => (await reader.phonesByExtension([key.extension])).some((p) => lower(p.server_ip) === lower(key.serverIp)),
    remove: () => removePhone(key),
  };
}

/** VICIdial's refusal as the action's error; a listed phone VICIdial no longer has leaves the list. */
async function refusedPhone(failure: VicidialFailure, key: PhoneKey, before: PhoneRow | null, ctx: CommandContext) {
  return (await forgetGoneRecord(failure, gonePhone(key, before), ctx)) ?? fromVicidial(failure, PHONE_FIELD_FOR_PARAMETER);
}

export async function addPhoneCommand(input: AddPhone, ctx: CommandContext): Promise<CommandOutcome<PhoneKey>> {
  const { username, source, client } = ctx;
  const key: PhoneKey = { serverIp: input.serverIp, extension: input.extension };
  const result = await addPhone(
    {
      ...input,
      webphoneAutoAnswer: yes(input.webphoneAutoAnswer),
      useExternalServerIp: yes(input.useExternalServerIp),
      onHookAgent: yes(input.onHookAgent),
    },
    { source },
    client,
  );
  ctx.answered?.();
  if (!result.ok) return { result: fromVicidial(result, PHONE_FIELD_FOR_PARAMETER), audit: { ...addAudit(input), raw: result.raw } };
  const audit = await phoneAdded(input, username, result.raw);
  return { result: ok(key, audit.message), audit };
}

/** A phone add_phone was (or an earlier, unanswered add_phone may have been) given; passwords optional. */
export type AddedPhone = Omit<AddPhone, PhoneSecretField> & Partial<Pick<AddPhone, PhoneSecretField>>;

const addAudit = (input: AddedPhone) => ({ action: "phone.add", target: phoneTarget(input), params: auditParams(input) });

/**
 * Lists a phone VICIdial has just added, with VICIdial's defaults for what was not sent (2.2):
 * after add_phone, or for a job's row whose earlier, unanswered add_phone is found to have landed.
 */
export async function phoneAdded(input: AddedPhone, username: string, raw: string, message = `Phone ${input.extension} added on ${input.serverIp}`) {
  const saved = await upsertPhone(inventoryRecordOf(input, username));
  return { ...addAudit(input), before: null, after: phoneAuditView(saved), raw, message };
}

/** Sends only the fields present in the input. */
export async function updatePhoneCommand(input: UpdatePhone, ctx: CommandContext): Promise<CommandOutcome<PhoneKey>> {
  const { username, source, client } = ctx;
  const key: PhoneKey = { serverIp: input.serverIp, extension: input.extension };
  const before = await getPhone(key);
  const audit = { action: "phone.update", target: phoneTarget(before ?? key), params: auditParams(input), before: phoneAuditView(before) };
  const result = await updatePhone(clientUpdateOf(input), { source }, client);
  if (!result.ok) return { result: await refusedPhone(result, key, before, ctx), audit: { ...audit, raw: result.raw } };
  const saved = before ? await upsertPhone({ ...before, ...columnsOf(input), updatedBy: username }) : null;
  return { result: ok(key, `Phone ${input.extension} updated`), audit: { ...audit, ...(saved ? { after: phoneAuditView(saved) } : {}), raw: result.raw } };
}

/** A NOTICE that the API user may not delete phones is a refusal: the phone stays listed. */
export async function deletePhoneCommand(input: PhoneKey, ctx: CommandContext): Promise<CommandOutcome<PhoneKey>> {
  const { source, client } = ctx;
  const before = await getPhone(input);
  const audit = { action: "phone.delete", target: phoneTarget(before ?? input), before: phoneAuditView(before) };
  const result = await deletePhone(input, { source }, client);
  if (!result.ok) return { result: await refusedPhone(result, input, before, ctx), audit: { ...audit, raw: result.raw } };
  await removePhone(input);
  return { result: ok(input, `Phone ${input.extension} deleted from ${input.serverIp}`), audit: { ...audit, after: null, raw: result.raw } };
}
