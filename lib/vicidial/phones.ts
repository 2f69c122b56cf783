import "server-only";
import type { VicidialClient } from "./client";
import {
  clearableText,
  defineParams,
  gmtOffset,
  oneOf,
  optional,
  secret,
  text,
  wholeNumber,
  yesNo,
  type InputOf,
} from "./encode";
import type { Reconciliation, Subject } from "./errors";
import { defineOperation, performWith, successLine, type CallContext, type DataOf } from "./operation";

/** Case-sensitive; PJSIP is refused although the column allows it (2.2). */
export const PHONE_PROTOCOLS = ["SIP", "IAX2", "Zap", "EXTERNAL"] as const;
export const WEBPHONE_MODES = ["Y", "N", "Y_API_LAUNCH"] as const;

const phoneKey = {
  extension: text("extension"),
  serverIp: text("server_ip"),
};

/** Optional fields both add_phone and update_phone take, with the same rules (2.2, 2.3). */
const webphoneSettings = {
  isWebphone: optional(oneOf("is_webphone", WEBPHONE_MODES)),
  webphoneAutoAnswer: optional(yesNo("webphone_auto_answer")),
  useExternalServerIp: optional(yesNo("use_external_server_ip")),
  onHookAgent: optional(yesNo("on_hook_agent")),
};

const addPhoneParams = defineParams({
  ...phoneKey,
  dialplanNumber: text("dialplan_number"),
  voicemailId: text("voicemail_id"),
  phoneLogin: text("phone_login"),
  phonePass: secret(text("phone_pass")),
  protocol: oneOf("protocol", PHONE_PROTOCOLS),
  registrationPassword: secret(text("registration_password")),
  phoneFullName: text("phone_full_name"),
  /** Hours from UTC; sent as `-5.00`. */
  localGmt: gmtOffset("local_gmt"),
  outboundCid: text("outbound_cid"),
  phoneContext: optional(text("phone_context")),
  adminUserGroup: optional(text("admin_user_group")),
  email: optional(text("email")),
  ...webphoneSettings,
  templateId: optional(text("template_id")),
});

/** `null` clears a field with `--BLANK--`, offered only where VICIdial honours it (2.3). */
const updatePhoneParams = defineParams({
  ...phoneKey,
  localGmt: optional(gmtOffset("local_gmt")),
  email: optional(clearableText("email")),
  phoneContext: optional(clearableText("phone_context")),
  phoneFullName: optional(clearableText("phone_full_name")),
  registrationPassword: optional(secret(clearableText("registration_password"))),
  protocol: optional(oneOf("protocol", PHONE_PROTOCOLS)),
  phonePass: optional(secret(text("phone_pass"))),
  phoneLogin: optional(text("phone_login")),
  voicemailId: optional(text("voicemail_id")),
  dialplanNumber: optional(text("dialplan_number")),
  active: optional(yesNo("active")),
  outboundCid: optional(text("outbound_cid")),
  adminUserGroup: optional(text("admin_user_group")),
  outboundAltCid: optional(text("outbound_alt_cid")),
  phoneRingTimeout: optional(wholeNumber("phone_ring_timeout")),
  deleteVmAfterEmail: optional(yesNo("delete_vm_after_email")),
  ...webphoneSettings,
  templateId: optional(clearableText("template_id")),
});

const deletePhoneParams = defineParams(phoneKey);

export type AddPhoneInput = InputOf<typeof addPhoneParams.spec>;
export type UpdatePhoneInput = InputOf<typeof updatePhoneParams.spec>;
export type DeletePhoneInput = InputOf<typeof deletePhoneParams.spec>;

const addSubject: Subject = { thing: "phone", things: "phones", right: "add phones", changesData: true };
const updateSubject: Subject = { thing: "phone", things: "phones", right: "change phones", changesData: true };

/**
 * A phone cannot be read back without changing it: update_phone with nothing to change still
 * writes (2.3), so an unknown outcome is left for the user to check.
 */
async function phoneNotReadable(): Promise<Reconciliation> {
  return {
    state: "unchecked",
    message: "VICIdial's API cannot read a phone back without changing it, so this was not checked; look the phone up in VICIdial's admin before trying again.",
  };
}

export const addPhoneOperation = defineOperation({
  apiFunction: "add_phone",
  subject: addSubject,
  read: false,
  verdict: "first",
  success: successLine("PHONE HAS BEEN ADDED", ([extension, serverIp, protocol, dialplanNumber]) =>
    extension === undefined || serverIp === undefined
      ? undefined
      : { extension, serverIp, protocol: protocol ?? "", dialplanNumber: dialplanNumber ?? "" },
  ),
  reconcile: phoneNotReadable,
});

const phoneOf = ([extension, serverIp]: readonly string[]) =>
  extension === undefined || serverIp === undefined ? undefined : { extension, serverIp };

export const updatePhoneOperation = defineOperation({
  apiFunction: "update_phone",
  subject: updateSubject,
  read: false,
  verdict: "first",
  success: successLine("PHONE HAS BEEN UPDATED", phoneOf),
  reconcile: phoneNotReadable,
});

/** Exactly `Y`: a lowercase `y` is stripped and turns the delete into a no-op update (contract 3). */
export const deletePhoneOperation = defineOperation({
  apiFunction: "update_phone",
  subject: updateSubject,
  read: false,
  fixed: [["delete_phone", "Y"]],
  verdict: "first",
  success: successLine("PHONE HAS BEEN DELETED", phoneOf),
  reconcile: phoneNotReadable,
});

export type AddedPhone = DataOf<typeof addPhoneOperation>;
export type PhoneRef = DataOf<typeof updatePhoneOperation>;

export function addPhone(input: AddPhoneInput, context: CallContext, client?: VicidialClient) {
  return performWith(addPhoneOperation, addPhoneParams, input, context, client);
}

/**
 * Never answers NO_UPDATES: VICIdial's check for it cannot fire, so a call without fields still
 * reports PHONE HAS BEEN UPDATED (2.3).
 */
export function updatePhone(input: UpdatePhoneInput, context: CallContext, client?: VicidialClient) {
  return performWith(updatePhoneOperation, updatePhoneParams, input, context, client);
}

/** A refused delete is DELETE_NOT_ALLOWED (a NOTICE in VICIdial, never a success). */
export function deletePhone(input: DeletePhoneInput, context: CallContext, client?: VicidialClient) {
  return performWith(deletePhoneOperation, deletePhoneParams, input, context, client);
}
