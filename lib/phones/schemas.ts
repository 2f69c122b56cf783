import { z } from "zod";
import { phoneNumberValue } from "@/lib/input/phone-number";
import { charactersVicidialDrops, PARAMETER_RULES, type ApiParameter, type ParameterRule } from "@/lib/vicidial/parameters";
import { vicidialWouldChange } from "@/lib/vicidial/encode";
import { PHONE_PROTOCOLS } from "@/lib/phones/fields";
import { normalizeTimeZone } from "@/lib/phones/time-zones";

/**
 * The phone operations (contract 2.2 add_phone, 2.3 update_phone), one schema each, shared by
 * the form (zodResolver), the server action (the action wrapper parses) and the VICIdial call.
 * VICIdial deletes characters outside its whitelist and truncates long values without a word,
 * and update_phone enforces other lengths than add_phone: both are refused here, per field.
 */

export { PHONE_PROTOCOLS } from "@/lib/phones/fields";
export type { PhoneProtocol } from "@/lib/phones/fields";

export { canonicalOffset, normalizeTimeZone, readableOffset, TIME_ZONES, timeZoneLabel } from "@/lib/phones/time-zones";

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface TextRule {
  /** Shortest accepted value; 1 or more makes the field required. */
  min: number;
  /** Longest accepted value when VICIdial's own rule is shorter than its column. */
  max?: number;
  /** What to say about an empty value instead of "X is required". */
  emptyMessage?: string;
  /** Why `max` applies, appended to the message ("for changes"). */
  maxReason?: string;
  /** An extra check after the VICIdial rules, returning a message or undefined. */
  check?: (value: string) => string | undefined;
}

/** The first problem VICIdial would have with `value` for `api`, or undefined. */
export function textProblem(api: ApiParameter, value: string, rule: TextRule): string | undefined {
  const label = capitalized(PARAMETER_RULES[api].label);
  if (value === "") return rule.min > 0 ? (rule.emptyMessage ?? `${label} is required`) : undefined;
  if (charactersVicidialDrops(api, value).length > 0) return vicidialWouldChange(api, value);
  if (value.length < rule.min) return `${label} must be at least ${rule.min} characters`;
  if (rule.max !== undefined && value.length > rule.max) {
    return `${label} can be at most ${rule.max} characters${rule.maxReason ? ` ${rule.maxReason}` : ""}`;
  }
  const column: ParameterRule = PARAMETER_RULES[api];
  if (column.maxLength !== undefined && value.length > column.maxLength) {
    return `${label} can be at most ${column.maxLength} characters: VICIdial would cut off the rest`;
  }
  return rule.check?.(value);
}

/**
 * A trimmed string, a pasted phone number cleaned to digits (lib/input), checked against
 * VICIdial's whitelist, its column size and `rule`.
 */
export function vicidialText(api: ApiParameter, rule: TextRule) {
  return z
    .string({ error: `${capitalized(PARAMETER_RULES[api].label)} is required` })
    .trim()
    .transform((value) => phoneNumberValue(api, value))
    .superRefine((value, ctx) => {
      const problem = textProblem(api, value, rule);
      if (problem) ctx.addIssue(problem);
    });
}

/** Optional on add: empty means "not sent", so VICIdial's default applies. */
function optionalText(api: ApiParameter, rule: Omit<TextRule, "min"> & { min?: number }) {
  return z
    .string()
    .trim()
    .optional()
    .superRefine((value, ctx) => {
      if (!value) return;
      const problem = textProblem(api, value, { ...rule, min: rule.min ?? 1 });
      if (problem) ctx.addIssue(problem);
    })
    .transform((value) => value || undefined);
}

/** update_phone's `--BLANK--` fields (2.3): `null` clears the value, an empty string is a mistake. */
function clearableText(api: ApiParameter, rule: TextRule) {
  const label = PARAMETER_RULES[api].label;
  return z
    .string()
    .trim()
    .nullable()
    .optional()
    .superRefine((value, ctx) => {
      if (value === null || value === undefined) return;
      const problem = textProblem(api, value, { emptyMessage: `To remove the ${label}, use “Clear”`, ...rule });
      if (problem) ctx.addIssue(problem);
    });
}

function choice<const V extends readonly [string, ...string[]]>(label: string, values: V) {
  return z.enum(values, { error: `${label} must be one of ${values.join(", ")}` });
}

/** Optional Y/N settings on add: "" means "VICIdial's default" (not sent). */
function optionalChoice<const V extends readonly [string, ...string[]]>(label: string, values: V) {
  return z
    .enum(["", ...values], { error: `${label} must be one of ${values.join(", ")}` })
    .optional()
    .transform((value): V[number] | undefined => (value ? value : undefined));
}

const timeZone = z
  .string({ error: "Time zone is required" })
  .transform((value, ctx) => {
    if (value.trim() === "") {
      ctx.addIssue("Time zone is required");
      return z.NEVER;
    }
    const canonical = normalizeTimeZone(value);
    if (!canonical) {
      ctx.addIssue("Choose a time zone from the list: VICIdial accepts only these offsets");
      return z.NEVER;
    }
    return canonical;
  });

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const serverIp = vicidialText("server_ip", {
  min: 1,
  check: (value) => (IPV4.test(value) ? undefined : "Server IP must be an IPv4 address such as 10.10.10.15"),
});

const extension = vicidialText("extension", { min: 2 });
const protocol = choice("Protocol", PHONE_PROTOCOLS);
const YES_NO = ["Y", "N"] as const;
const WEBPHONE = ["Y", "N", "Y_API_LAUNCH"] as const;

/** Digits only: anything else VICIdial strips from outbound_cid (1.3); `---ALL---` passes as is. */
function outboundCid(rule: TextRule) {
  return vicidialText("outbound_cid", rule);
}

/** The email column holds 100 characters; a value without `@` cannot be an address. */
const emailShape = (value: string) => (/^[^@\s]+@[^@\s]+$/.test(value) ? undefined : "Email must be an address such as it@example.com");

export const addPhoneSchema = z.object({
  extension,
  dialplanNumber: vicidialText("dialplan_number", { min: 2 }),
  voicemailId: vicidialText("voicemail_id", { min: 1 }),
  phoneLogin: vicidialText("phone_login", { min: 1 }),
  phonePass: vicidialText("phone_pass", { min: 1 }),
  serverIp,
  protocol,
  registrationPassword: vicidialText("registration_password", { min: 1 }),
  phoneFullName: vicidialText("phone_full_name", { min: 1 }),
  localGmt: timeZone,
  outboundCid: outboundCid({ min: 1 }),
  phoneContext: optionalText("phone_context", {}),
  email: optionalText("email", { check: emailShape }),
  adminUserGroup: optionalText("admin_user_group", {}),
  isWebphone: optionalChoice("Webphone", WEBPHONE),
  webphoneAutoAnswer: optionalChoice("Webphone auto-answer", YES_NO),
  useExternalServerIp: optionalChoice("Use external server IP", YES_NO),
  // VICIdial ignores a template ID shorter than 2 characters instead of refusing it (2.2).
  templateId: optionalText("template_id", { min: 2 }),
  onHookAgent: optionalChoice("On-hook agent", YES_NO),
});

export type AddPhoneInput = z.input<typeof addPhoneSchema>;
export type AddPhone = z.output<typeof addPhoneSchema>;

/** Which phone: update_phone and its delete both need extension and server IP. */
export const phoneKeySchema = z.object({ serverIp, extension });
export type PhoneKey = z.output<typeof phoneKeySchema>;

const FOR_CHANGES = "(VICIdial's limit when changing a phone)";

/**
 * The fields a change may carry; absent fields are not sent (the form sends only what changed).
 * Lengths are update_phone's (2.3 table), capped by the column where the column is shorter.
 */
export const phoneChangesShape = {
  localGmt: timeZone.optional(),
  email: clearableText("email", { min: 5, check: emailShape }),
  phoneContext: clearableText("phone_context", { min: 2 }),
  phoneFullName: clearableText("phone_full_name", { min: 2, max: 30, maxReason: FOR_CHANGES }),
  registrationPassword: clearableText("registration_password", { min: 2, max: 30, maxReason: FOR_CHANGES }),
  protocol: protocol.optional(),
  phonePass: vicidialText("phone_pass", { min: 2, max: 30, maxReason: FOR_CHANGES, emptyMessage: "VICIdial cannot remove a phone password; type a new one" }).optional(),
  phoneLogin: vicidialText("phone_login", { min: 1, emptyMessage: "VICIdial cannot remove a phone login; type a new one" }).optional(),
  // A "--BLANK--" voicemail box would be stored as the text BLANK (2.3 row 9), so no clearing.
  voicemailId: vicidialText("voicemail_id", { min: 2, emptyMessage: "VICIdial cannot remove a voicemail box; type a new one" }).optional(),
  dialplanNumber: vicidialText("dialplan_number", { min: 3, emptyMessage: "VICIdial cannot remove a dial plan number; type a new one" }).optional(),
  active: choice("Active", YES_NO).optional(),
  outboundCid: outboundCid({ min: 6, max: 18, maxReason: FOR_CHANGES, emptyMessage: "VICIdial cannot remove an outbound caller ID; type a new one" }).optional(),
  adminUserGroup: vicidialText("admin_user_group", { min: 2, emptyMessage: "VICIdial cannot remove the admin user group; use ---ALL---" }).optional(),
  isWebphone: choice("Webphone", WEBPHONE).optional(),
  webphoneAutoAnswer: choice("Webphone auto-answer", YES_NO).optional(),
  useExternalServerIp: choice("Use external server IP", YES_NO).optional(),
  templateId: clearableText("template_id", { min: 2 }),
  onHookAgent: choice("On-hook agent", YES_NO).optional(),
};

export type PhoneChangeField = keyof typeof phoneChangesShape;
export const PHONE_CHANGE_FIELDS = Object.keys(phoneChangesShape) as PhoneChangeField[];

/** The secrets among the fields: never stored in the inventory, never written to the audit log. */
export const PHONE_SECRET_FIELDS = ["phonePass", "registrationPassword"] as const;

export const updatePhoneSchema = phoneKeySchema.extend(phoneChangesShape).superRefine((input, ctx) => {
  if (PHONE_CHANGE_FIELDS.every((field) => input[field] === undefined)) {
    ctx.addIssue({ code: "custom", message: "Nothing has changed", path: [] });
  }
});

export type UpdatePhoneInput = z.input<typeof updatePhoneSchema>;
export type UpdatePhone = z.output<typeof updatePhoneSchema>;

export const deletePhoneSchema = phoneKeySchema;
export type DeletePhone = z.output<typeof deletePhoneSchema>;

/** VICIdial parameter names → form fields, so a VICIdial field error lands beside its field. */
export const PHONE_FIELD_FOR_PARAMETER: Record<string, string> = {
  extension: "extension",
  dialplan_number: "dialplanNumber",
  voicemail_id: "voicemailId",
  phone_login: "phoneLogin",
  phone_pass: "phonePass",
  server_ip: "serverIp",
  protocol: "protocol",
  registration_password: "registrationPassword",
  phone_full_name: "phoneFullName",
  local_gmt: "localGmt",
  outbound_cid: "outboundCid",
  phone_context: "phoneContext",
  email: "email",
  admin_user_group: "adminUserGroup",
  template_id: "templateId",
  active: "active",
};

/** `server/extension`: the audit target and the detail page path of one phone. */
export function phoneTarget(key: PhoneKey): string {
  return `${key.serverIp}/${key.extension}`;
}
