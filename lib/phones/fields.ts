import type { phones } from "@/lib/db/schema/inventory";
import type { ApiParameter } from "@/lib/vicidial/parameters";

/**
 * A phone's settings, one line each (contract 2.2 add_phone, 2.3 update_phone): the form field,
 * VICIdial's parameter, the inventory column, the label, the CSV header names that also mean it,
 * the rule its value follows on add and on change, and what VICIdial stores when add_phone is not
 * given it. The schemas (lib/phones/schemas.ts), the parameter map for VICIdial's field errors,
 * the inventory's columns (lib/phones/commands.ts), the agent job's CSV columns
 * (lib/jobs/prepare/agents.ts) and the add form's empty values are derived from it: a new setting
 * is one line here plus its input. Plain data and plain functions, no zod: the forms use it too.
 */

export const PHONE_PROTOCOLS = ["SIP", "IAX2", "Zap", "EXTERNAL"] as const;
export type PhoneProtocol = (typeof PHONE_PROTOCOLS)[number];
export const YES_NO = ["Y", "N"] as const;
export const WEBPHONE = ["Y", "N", "Y_API_LAUNCH"] as const;

/** A text value's lengths and checks beyond VICIdial's whitelist and its column size. */
export interface PhoneTextRule {
  /** Shortest accepted value; 1 or more makes the field required. */
  min: number;
  /** Longest accepted value when VICIdial's own rule is shorter than its column. */
  max?: number;
  /** What to say about an empty value instead of "X is required". */
  emptyMessage?: string;
}

export type PhoneValueRule =
  | { kind: "text"; check?: (value: string) => string | undefined }
  | { kind: "choice"; values: readonly [string, ...string[]] }
  /** local_gmt: one of VICIdial's offsets, stored as `±H.MM`. */
  | { kind: "timeZone" };

export interface PhoneFieldSpec {
  api: ApiParameter;
  /** Absent for the passwords, which the inventory never stores. */
  column?: keyof typeof phones.$inferInsert;
  label: string;
  /** Header names a CSV file may use for it, besides the job column's key and label. */
  csv: readonly string[];
  value: PhoneValueRule;
  /**
   * add_phone: `required` with the rule, or optional ("" = not sent, VICIdial's default applies;
   * `min` where VICIdial ignores a shorter value). Absent: add_phone does not take it.
   */
  add?: { min: number; optional?: true };
  /**
   * update_phone's lengths (2.3 table), which differ from add_phone's; `clearable` sends
   * `--BLANK--` for null. Absent: the phone's key, never changed.
   */
  change?: PhoneTextRule & { clearable?: true };
  /** A password: never stored in the inventory, never written to the audit log. */
  secret?: true;
  /** What VICIdial stores when add_phone is not given it, as the inventory lists it. */
  added?: string;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const ipv4 = (value: string) => (IPV4.test(value) ? undefined : "Server IP must be an IPv4 address such as 10.10.10.15");
/** The email column holds 100 characters; a value without `@` cannot be an address. */
const emailShape = (value: string) => (/^[^@\s]+@[^@\s]+$/.test(value) ? undefined : "Email must be an address such as it@example.com");
const cannotRemove = (what: string) => `VICIdial cannot remove ${what}; type a new one`;
const TEXT: PhoneValueRule = { kind: "text" };

export const PHONE_FIELD_TABLE = {
  extension: { api: "extension", column: "extension", label: "Extension", csv: ["ext", "phone"], value: TEXT, add: { min: 2 } },
  dialplanNumber: { api: "dialplan_number", column: "dialplanNumber", label: "Dial plan number", csv: ["dialplan_number", "dialplan"], value: TEXT, add: { min: 2 }, change: { min: 3, emptyMessage: cannotRemove("a dial plan number") } },
  // A "--BLANK--" voicemail box would be stored as the text BLANK (2.3 row 9), so no clearing.
  voicemailId: { api: "voicemail_id", column: "voicemailId", label: "Voicemail box", csv: ["voicemail_id", "vm"], value: TEXT, add: { min: 1 }, change: { min: 2, emptyMessage: cannotRemove("a voicemail box") } },
  phoneLogin: { api: "phone_login", column: "login", label: "Phone login", csv: ["phone_login", "phonelogin", "user"], value: TEXT, add: { min: 1 }, change: { min: 1, emptyMessage: cannotRemove("a phone login") } },
  phonePass: { api: "phone_pass", label: "Phone password", csv: [], value: TEXT, add: { min: 1 }, change: { min: 2, max: 30, emptyMessage: cannotRemove("a phone password") }, secret: true },
  serverIp: { api: "server_ip", column: "serverIp", label: "Server IP", csv: ["server_ip", "server"], value: { kind: "text", check: ipv4 }, add: { min: 1 } },
  protocol: { api: "protocol", column: "protocol", label: "Protocol", csv: [], value: { kind: "choice", values: PHONE_PROTOCOLS }, add: { min: 1 }, change: { min: 1 } },
  registrationPassword: { api: "registration_password", label: "Registration password", csv: [], value: TEXT, add: { min: 1 }, change: { min: 2, max: 30, clearable: true }, secret: true },
  phoneFullName: { api: "phone_full_name", column: "fullName", label: "Full name", csv: ["full_name", "name", "phone_full_name", "agent"], value: TEXT, add: { min: 1 }, change: { min: 2, max: 30, clearable: true } },
  localGmt: { api: "local_gmt", column: "localGmt", label: "Time zone", csv: ["local_gmt"], value: { kind: "timeZone" }, add: { min: 1 }, change: { min: 1 } },
  outboundCid: { api: "outbound_cid", column: "outboundCid", label: "Outbound caller ID", csv: ["outbound_cid", "cid", "caller id"], value: TEXT, add: { min: 1 }, change: { min: 6, max: 18, emptyMessage: cannotRemove("an outbound caller ID") } },
  phoneContext: { api: "phone_context", column: "phoneContext", label: "Context", csv: ["phone_context"], value: TEXT, add: { min: 1, optional: true }, change: { min: 2, clearable: true }, added: "default" },
  email: { api: "email", column: "email", label: "Email", csv: [], value: { kind: "text", check: emailShape }, add: { min: 1, optional: true }, change: { min: 5, clearable: true } },
  adminUserGroup: {
    api: "admin_user_group",
    column: "adminUserGroup",
    label: "Admin user group",
    csv: ["admin_user_group"],
    value: TEXT,
    add: { min: 1, optional: true },
    change: { min: 2, emptyMessage: "VICIdial cannot remove the admin user group; use ---ALL---" },
    added: "---ALL---",
  },
  isWebphone: { api: "is_webphone", column: "isWebphone", label: "Webphone", csv: ["is_webphone"], value: { kind: "choice", values: WEBPHONE }, add: { min: 1, optional: true }, change: { min: 1 } },
  webphoneAutoAnswer: { api: "webphone_auto_answer", column: "webphoneAutoAnswer", label: "Webphone auto-answer", csv: [], value: { kind: "choice", values: YES_NO }, add: { min: 1, optional: true }, change: { min: 1 } },
  useExternalServerIp: { api: "use_external_server_ip", column: "useExternalServerIp", label: "Use external server IP", csv: [], value: { kind: "choice", values: YES_NO }, add: { min: 1, optional: true }, change: { min: 1 } },
  // VICIdial ignores a template ID shorter than 2 characters instead of refusing it (2.2).
  templateId: { api: "template_id", column: "templateId", label: "Template", csv: ["template_id"], value: TEXT, add: { min: 2, optional: true }, change: { min: 2, clearable: true } },
  onHookAgent: { api: "on_hook_agent", column: "onHookAgent", label: "On-hook agent", csv: [], value: { kind: "choice", values: YES_NO }, add: { min: 1, optional: true }, change: { min: 1 } },
  // add_phone makes every phone active; only update_phone changes it.
  active: { api: "active", column: "active", label: "Active", csv: [], value: { kind: "choice", values: YES_NO }, change: { min: 1 }, added: "Y" },
} as const satisfies Record<string, PhoneFieldSpec>;

export type PhoneField = keyof typeof PHONE_FIELD_TABLE;
export const PHONE_FIELDS = Object.keys(PHONE_FIELD_TABLE) as PhoneField[];

const specOf = (field: PhoneField): PhoneFieldSpec => PHONE_FIELD_TABLE[field];

type AddField = { [K in PhoneField]: (typeof PHONE_FIELD_TABLE)[K] extends { add: object } ? K : never }[PhoneField];
/** The fields add_phone takes, in VICIdial's order. */
export const PHONE_ADD_FIELDS = PHONE_FIELDS.filter((field) => specOf(field).add !== undefined) as AddField[];
/** The fields update_phone may change (all but the key). */
export const PHONE_CHANGE_FIELDS = PHONE_FIELDS.filter((field) => specOf(field).change !== undefined) as Exclude<PhoneField, "extension" | "serverIp">[];
export type PhoneChangeField = (typeof PHONE_CHANGE_FIELDS)[number];
/** The secrets among the fields: never stored in the inventory, never written to the audit log. */
export const PHONE_SECRET_FIELDS = ["phonePass", "registrationPassword"] as const satisfies readonly PhoneField[];
export type PhoneSecretField = (typeof PHONE_SECRET_FIELDS)[number];
type ClearableField = { [K in PhoneField]: (typeof PHONE_FIELD_TABLE)[K] extends { change: { clearable: true } } ? K : never }[PhoneField];
/** update_phone's `--BLANK--` fields (contract 2.3, 3). */
export const PHONE_CLEARABLE_FIELDS = PHONE_CHANGE_FIELDS.filter((field) => (specOf(field).change as { clearable?: true }).clearable) as ClearableField[];
/** The settings a change form shows as text (every changeable field but the passwords). */
export const PHONE_SETTING_FIELDS = PHONE_CHANGE_FIELDS.filter((field) => !specOf(field).secret) as Exclude<PhoneChangeField, PhoneSecretField>[];
/** The settings the inventory lists: every field but the passwords. */
export const PHONE_LISTED_FIELDS = PHONE_FIELDS.filter((field) => !specOf(field).secret) as Exclude<PhoneField, PhoneSecretField>[];

/** Form field → inventory column. */
export const PHONE_COLUMN_OF = Object.fromEntries(PHONE_LISTED_FIELDS.map((field) => [field, PHONE_FIELD_TABLE[field].column])) as {
  [K in Exclude<PhoneField, PhoneSecretField>]: (typeof PHONE_FIELD_TABLE)[K]["column"];
};

/** VICIdial parameter names → form fields, so a VICIdial field error lands beside its field. */
export const PHONE_FIELD_FOR_PARAMETER: Record<string, string> = Object.fromEntries(PHONE_FIELDS.map((field) => [specOf(field).api, field]));

/** What VICIdial stores for a field add_phone was not given, by field. */
export const ADD_PHONE_DEFAULTS = Object.fromEntries(PHONE_FIELDS.flatMap((field) => (specOf(field).added === undefined ? [] : [[field, specOf(field).added]]))) as Partial<
  Record<PhoneField, string>
>;

/** The add form before anything is typed: every field "" (required ones empty, optional ones "not sent"). */
export const EMPTY_PHONE_FORM = Object.fromEntries(PHONE_ADD_FIELDS.map((field) => [field, ""])) as Record<AddField, "">;

export function phoneFieldLabel(field: PhoneField): string {
  return PHONE_FIELD_TABLE[field].label;
}
