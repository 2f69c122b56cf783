"use server";

import { fromVicidial } from "@/lib/actions/from-vicidial";
import { ok } from "@/lib/actions/result";
import { action } from "@/lib/auth/action";
import { getPhone, removePhone, upsertPhone, type PhoneRecord, type PhoneRow } from "@/lib/inventory/phones";
import {
  addPhoneSchema,
  deletePhoneSchema,
  PHONE_CHANGE_FIELDS,
  PHONE_FIELD_FOR_PARAMETER,
  PHONE_SECRET_FIELDS,
  phoneTarget,
  updatePhoneSchema,
  type AddPhone,
  type PhoneKey,
  type UpdatePhone,
} from "@/lib/schemas/phone";
import { addPhone, deletePhone, updatePhone, type UpdatePhoneInput } from "@/lib/vicidial/phones";

/** VICIdial's Y/N settings as the client's booleans; undefined stays unsent. */
const yes = (value: "Y" | "N" | undefined) => (value === undefined ? undefined : value === "Y");

const BOOKKEEPING = new Set(["updatedAt", "updatedBy"]);

/** What the audit log keeps of a phone: the inventory row without its bookkeeping columns. */
function auditView(row: PhoneRow | null) {
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

export const addPhoneAction = action({ permission: "phones.write", schema: addPhoneSchema, audit: "phone.add" }, async (input, { user, source, audit }) => {
  const key: PhoneKey = { serverIp: input.serverIp, extension: input.extension };
  audit.target = phoneTarget(key);
  audit.params = auditParams(input);
  const result = await addPhone(
    {
      ...input,
      webphoneAutoAnswer: yes(input.webphoneAutoAnswer),
      useExternalServerIp: yes(input.useExternalServerIp),
      onHookAgent: yes(input.onHookAgent),
    },
    { source },
  );
  audit.raw = result.raw;
  if (!result.ok) return fromVicidial(result, PHONE_FIELD_FOR_PARAMETER);
  const saved = await upsertPhone(inventoryRecordOf(input, user.username));
  audit.after = auditView(saved);
  return ok(key, `Phone ${input.extension} added on ${input.serverIp}`);
});

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

/** Sends only the fields present in the input (the form sends only what changed). */
export const updatePhoneAction = action(
  { permission: "phones.write", schema: updatePhoneSchema, audit: "phone.update" },
  async (input, { user, source, audit }) => {
    const key: PhoneKey = { serverIp: input.serverIp, extension: input.extension };
    const before = await getPhone(key);
    audit.target = phoneTarget(before ?? key);
    audit.params = auditParams(input);
    audit.before = auditView(before);
    const result = await updatePhone(clientUpdateOf(input), { source });
    audit.raw = result.raw;
    if (!result.ok) return fromVicidial(result, PHONE_FIELD_FOR_PARAMETER);
    if (before) {
      const saved = await upsertPhone({ ...before, ...changedColumns(input), updatedBy: user.username });
      audit.after = auditView(saved);
    }
    return ok(key, `Phone ${input.extension} updated`);
  },
);

/** A NOTICE that the API user may not delete phones is a refusal: the phone stays listed. */
export const deletePhoneAction = action({ permission: "phones.write", schema: deletePhoneSchema, audit: "phone.delete" }, async (input, { source, audit }) => {
  const before = await getPhone(input);
  audit.target = phoneTarget(before ?? input);
  audit.before = auditView(before);
  const result = await deletePhone(input, { source });
  audit.raw = result.raw;
  if (!result.ok) return fromVicidial(result, PHONE_FIELD_FOR_PARAMETER);
  await removePhone(input);
  audit.after = null;
  return ok(input, `Phone ${input.extension} deleted from ${input.serverIp}`);
});
