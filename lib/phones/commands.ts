import "server-only";
import { fromVicidial } from "@/lib/actions/from-vicidial";
import { ok } from "@/lib/actions/result";
import type { CommandContext, CommandOutcome } from "@/lib/actions/command";
import { forgetGoneRecord, type GoneRecord } from "@/lib/actions/gone-record";
import { getPhone, removePhone, upsertPhone, type PhoneRecord, type PhoneRow } from "@/lib/phones/inventory";
import { PHONE_CHANGE_FIELDS, PHONE_FIELD_FOR_PARAMETER, PHONE_SECRET_FIELDS, phoneTarget, type AddPhone, type PhoneKey, type UpdatePhone } from "@/lib/phones/schemas";
import type { VicidialFailure } from "@/lib/vicidial/errors";
import { addPhone, deletePhone, updatePhone, type UpdatePhoneInput } from "@/lib/vicidial/phones";

/** The phone use cases: the actions and undo call these (DESIGN "one command per use case"). */

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

function inventoryRecordOf(input: AddPhone, updatedBy: string): PhoneRecord {
  return {
    serverIp: input.serverIp,
    extension: input.extension,
    login: input.phoneLogin,
    protocol: input.protocol,
    fullName: input.phoneFullName,
    voicemailId: input.voicemailId,
    dialplanNumber: input.dialplanNumber,
    outboundCid: input.outboundCid,
    localGmt: input.localGmt,
    phoneContext: input.phoneContext ?? "default",
    email: input.email ?? null,
    adminUserGroup: input.adminUserGroup ?? "---ALL---",
    isWebphone: input.isWebphone ?? null,
    webphoneAutoAnswer: input.webphoneAutoAnswer ?? null,
    useExternalServerIp: input.useExternalServerIp ?? null,
    templateId: input.templateId ?? null,
    onHookAgent: input.onHookAgent ?? null,
    active: "Y",
    updatedBy,
  };
}

/** The inventory columns a change touches; `null` (cleared with --BLANK--) is stored as empty. */
function changedColumns(input: UpdatePhone): Partial<PhoneRecord> {
  const columns: Partial<PhoneRecord> = {};
  const cleared = (value: string | null | undefined) => (value === null ? "" : value);
  if (input.localGmt !== undefined) columns.localGmt = input.localGmt;
  if (input.email !== undefined) columns.email = cleared(input.email);
  if (input.phoneContext !== undefined) columns.phoneContext = cleared(input.phoneContext);
  if (input.phoneFullName !== undefined) columns.fullName = cleared(input.phoneFullName);
  if (input.protocol !== undefined) columns.protocol = input.protocol;
  if (input.phoneLogin !== undefined) columns.login = input.phoneLogin;
  if (input.voicemailId !== undefined) columns.voicemailId = input.voicemailId;
  if (input.dialplanNumber !== undefined) columns.dialplanNumber = input.dialplanNumber;
  if (input.active !== undefined) columns.active = input.active;
  if (input.outboundCid !== undefined) columns.outboundCid = input.outboundCid;
  if (input.adminUserGroup !== undefined) columns.adminUserGroup = input.adminUserGroup;
  if (input.isWebphone !== undefined) columns.isWebphone = input.isWebphone;
  if (input.webphoneAutoAnswer !== undefined) columns.webphoneAutoAnswer = input.webphoneAutoAnswer;
  if (input.useExternalServerIp !== undefined) columns.useExternalServerIp = input.useExternalServerIp;
  if (input.templateId !== undefined) columns.templateId = cleared(input.templateId);
  if (input.onHookAgent !== undefined) columns.onHookAgent = input.onHookAgent;
  return columns;
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

export async function addPhoneCommand(input: AddPhone, { username, source, client }: CommandContext): Promise<CommandOutcome<PhoneKey>> {
  const key: PhoneKey = { serverIp: input.serverIp, extension: input.extension };
  const audit = { action: "phone.add", target: phoneTarget(key), params: auditParams(input) };
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
  if (!result.ok) return { result: fromVicidial(result, PHONE_FIELD_FOR_PARAMETER), audit: { ...audit, raw: result.raw } };
  const saved = await upsertPhone(inventoryRecordOf(input, username));
  return { result: ok(key, `Phone ${input.extension} added on ${input.serverIp}`), audit: { ...audit, before: null, after: phoneAuditView(saved), raw: result.raw } };
}

/** Sends only the fields present in the input. */
export async function updatePhoneCommand(input: UpdatePhone, ctx: CommandContext): Promise<CommandOutcome<PhoneKey>> {
  const { username, source, client } = ctx;
  const key: PhoneKey = { serverIp: input.serverIp, extension: input.extension };
  const before = await getPhone(key);
  const audit = { action: "phone.update", target: phoneTarget(before ?? key), params: auditParams(input), before: phoneAuditView(before) };
  const result = await updatePhone(clientUpdateOf(input), { source }, client);
  if (!result.ok) return { result: await refusedPhone(result, key, before, ctx), audit: { ...audit, raw: result.raw } };
  const saved = before ? await upsertPhone({ ...before, ...changedColumns(input), updatedBy: username }) : null;
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
