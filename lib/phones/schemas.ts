import { z } from "zod";
import { phoneNumberValue } from "@/lib/input/phone-number";
import { charactersVicidialDrops, PARAMETER_RULES, type ApiParameter, type ParameterRule } from "@/lib/vicidial/parameters";
import { vicidialWouldChange } from "@/lib/vicidial/encode";
import { PHONE_ADD_FIELDS, PHONE_CHANGE_FIELDS, PHONE_FIELD_TABLE, type PhoneChangeField, type PhoneFieldSpec } from "@/lib/phones/fields";
import { normalizeTimeZone } from "@/lib/phones/time-zones";

/**
 * The phone operations (contract 2.2 add_phone, 2.3 update_phone), one schema each, shared by
 * the form (zodResolver), the server action (the action wrapper parses) and the VICIdial call.
 * VICIdial deletes characters outside its whitelist and truncates long values without a word,
 * and update_phone enforces other lengths than add_phone: both are refused here, per field.
 */

export { PHONE_CHANGE_FIELDS, PHONE_FIELD_FOR_PARAMETER, PHONE_PROTOCOLS, PHONE_SECRET_FIELDS } from "@/lib/phones/fields";
export type { PhoneChangeField, PhoneProtocol } from "@/lib/phones/fields";

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

const FOR_CHANGES = "(VICIdial's limit when changing a phone)";

type Table = typeof PHONE_FIELD_TABLE;
type Choices<S> = S extends { value: { kind: "choice"; values: infer V extends readonly [string, ...string[]] } } ? V : never;
type AddField = (typeof PHONE_ADD_FIELDS)[number];

/** A field's add_phone schema from its line in the table. */
type AddSchema<S> = S extends { value: { kind: "timeZone" } }
  ? typeof timeZone
  : S extends { value: { kind: "choice" } }
    ? S extends { add: { optional: true } }
      ? ReturnType<typeof optionalChoice<Choices<S>>>
      : ReturnType<typeof choice<Choices<S>>>
    : S extends { add: { optional: true } }
      ? ReturnType<typeof optionalText>
      : ReturnType<typeof vicidialText>;

function addRule(field: AddField) {
  const spec: PhoneFieldSpec = PHONE_FIELD_TABLE[field];
  const { value, add } = spec;
  if (value.kind === "timeZone") return timeZone;
  if (value.kind === "choice") return add?.optional ? optionalChoice(spec.label, value.values) : choice(spec.label, value.values);
  const rule = { min: add!.min, ...(value.check ? { check: value.check } : {}) };
  return add?.optional ? optionalText(spec.api, rule) : vicidialText(spec.api, rule);
}

/** A field's update_phone schema: absent is not sent; lengths are update_phone's, capped by the column. */
type ChangeSchema<S> = S extends { value: { kind: "timeZone" } }
  ? ReturnType<typeof timeZone.optional>
  : S extends { value: { kind: "choice" } }
    ? ReturnType<ReturnType<typeof choice<Choices<S>>>["optional"]>
    : S extends { change: { clearable: true } }
      ? ReturnType<typeof clearableText>
      : ReturnType<ReturnType<typeof vicidialText>["optional"]>;

function changeRule(field: PhoneChangeField) {
  const spec: PhoneFieldSpec = PHONE_FIELD_TABLE[field];
  const { value, change } = spec;
  if (value.kind === "timeZone") return timeZone.optional();
  if (value.kind === "choice") return choice(spec.label, value.values).optional();
  const { clearable, ...lengths } = change!;
  const rule: TextRule = { ...lengths, ...(lengths.max !== undefined ? { maxReason: FOR_CHANGES } : {}), ...(value.check ? { check: value.check } : {}) };
  return clearable ? clearableText(spec.api, rule) : vicidialText(spec.api, rule).optional();
}

export const addPhoneSchema = z.object(Object.fromEntries(PHONE_ADD_FIELDS.map((field) => [field, addRule(field)])) as { [K in AddField]: AddSchema<Table[K]> });

export type AddPhoneInput = z.input<typeof addPhoneSchema>;
/** The settings not given (undefined: VICIdial's default) may also be left out, as a job's rows do. */
export type AddPhone = OptionalWhenUndefined<z.output<typeof addPhoneSchema>>;
type OptionalWhenUndefined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & { [K in keyof T as undefined extends T[K] ? K : never]?: T[K] };

/** Which phone: update_phone and its delete both need extension and server IP. */
export const phoneKeySchema = z.object({ serverIp: addPhoneSchema.shape.serverIp, extension: addPhoneSchema.shape.extension });
export type PhoneKey = z.output<typeof phoneKeySchema>;

/** The fields a change may carry; absent fields are not sent (the form sends only what changed). */
export const phoneChangesShape = Object.fromEntries(PHONE_CHANGE_FIELDS.map((field) => [field, changeRule(field)])) as { [K in PhoneChangeField]: ChangeSchema<Table[K]> };

export const updatePhoneSchema = phoneKeySchema.extend(phoneChangesShape).superRefine((input, ctx) => {
  if (PHONE_CHANGE_FIELDS.every((field) => input[field] === undefined)) {
    ctx.addIssue({ code: "custom", message: "Nothing has changed", path: [] });
  }
});

export type UpdatePhoneInput = z.input<typeof updatePhoneSchema>;
export type UpdatePhone = z.output<typeof updatePhoneSchema>;

export const deletePhoneSchema = phoneKeySchema;
export type DeletePhone = z.output<typeof deletePhoneSchema>;

/** `server/extension`: the audit target and the detail page path of one phone. */
export function phoneTarget(key: PhoneKey): string {
  return `${key.serverIp}/${key.extension}`;
}
