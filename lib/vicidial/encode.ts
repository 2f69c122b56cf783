import { z } from "zod";
import { failure, type VicidialFailure } from "./errors";
import { charactersVicidialDrops, describeCharacters, PARAMETER_RULES, type ApiParameter, type ParameterRule } from "./parameters";

/**
 * Typed inputs to VICIdial parameters. Each function declares its fields once, as
 * `camelCaseName: kind("api_name")`; the TypeScript input type, the client-side checks and the
 * wire names all come from that one declaration.
 *
 * The checks are the ones VICIdial would otherwise settle silently (contract 3): characters
 * its whitelist deletes and values its columns truncate. Rules VICIdial reports itself
 * (lengths such as 6-50, existence) are left to VICIdial.
 */
export interface Param<Schema extends z.ZodType<string | undefined> = z.ZodType<string | undefined>> {
  api: string;
  schema: Schema;
  /** A password: scrubbed from whatever VICIdial echoes back (contract 3). */
  secret?: boolean;
}

export type ParamSpec = Record<string, Param>;
export type InputOf<S extends ParamSpec> = z.input<z.ZodObject<{ [K in keyof S]: S[K]["schema"] }>>;

export type WireParameters = readonly (readonly [string, string])[];

export interface Encoded {
  ok: true;
  parameters: WireParameters;
  /** Values of secret parameters, to scrub from the answer. */
  secrets: readonly string[];
}

export interface ParamSet<S extends ParamSpec> {
  spec: S;
  /** The wire parameters in declaration order, or INVALID_FIELD naming the API parameter. */
  encode(input: InputOf<S>): Encoded | VicidialFailure;
}

export function defineParams<const S extends ParamSpec>(spec: S): ParamSet<S> {
  const keys = Object.keys(spec);
  const shape: Record<string, z.ZodType> = {};
  for (const key of keys) shape[key] = spec[key]!.schema;
  const schema = z.object(shape);
  return {
    spec,
    encode(input) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const key = String(issue?.path[0] ?? "");
        const api = spec[key]?.api ?? key;
        return failure("INVALID_FIELD", issue?.message ?? "A value is not valid", "", api);
      }
      const parameters: (readonly [string, string])[] = [];
      const secrets: string[] = [];
      for (const key of keys) {
        const value = parsed.data[key];
        if (typeof value !== "string") continue;
        const param = spec[key]!;
        parameters.push([param.api, value]);
        if (param.secret) secrets.push(value);
      }
      return { ok: true, parameters, secrets };
    },
  };
}

function labelOf(api: ApiParameter): string {
  return PARAMETER_RULES[api].label;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Why VICIdial would change `value`, or undefined when it stores it exactly as sent. */
export function vicidialWouldChange(api: ApiParameter, value: string): string | undefined {
  const rule: ParameterRule = PARAMETER_RULES[api];
  const label = capitalized(rule.label);
  const dropped = charactersVicidialDrops(api, value);
  if (dropped.length > 0) return `${label} contains characters VICIdial would silently remove: ${describeCharacters(dropped)}`;
  if (!rule.literals?.includes(value) && rule.maxLength !== undefined && value.length > rule.maxLength) {
    return `${label} is longer than the ${rule.maxLength} characters VICIdial stores`;
  }
  return undefined;
}

function typed<T extends z.ZodType>(api: ApiParameter, schema: (error: z.core.$ZodErrorMap) => T): T {
  const label = capitalized(labelOf(api));
  return schema((issue) => (issue.input === undefined ? `${label} is required` : `${label} has the wrong type`));
}

/** A transform that refuses values VICIdial would change, with the reason as the message. */
function storedAsSent(api: ApiParameter) {
  return (value: string, ctx: { addIssue(message: string): void }) => {
    const problem = vicidialWouldChange(api, value);
    if (problem) ctx.addIssue(problem);
    return value;
  };
}

/** Free text checked against the parameter's whitelist and column size. */
export function text(api: ApiParameter) {
  return { api, schema: typed(api, (error) => z.string({ error })).transform(storedAsSent(api)) };
}

/** `true` / `false` as VICIdial's `Y` / `N`. */
export function yesNo(api: ApiParameter) {
  return { api, schema: typed(api, (error) => z.boolean({ error })).transform((value) => (value ? "Y" : "N")) };
}

/** One of VICIdial's exact, case-sensitive values (contract 3, "Lowercase ... flags are dangerous"). */
export function oneOf<const V extends readonly [string, ...string[]]>(api: ApiParameter, values: V) {
  const label = capitalized(labelOf(api));
  return { api, schema: z.enum(values, { error: `${label} must be one of ${values.join(", ")}` }) };
}

export function wholeNumber(api: ApiParameter) {
  return { api, schema: typed(api, (error) => z.number({ error }).int()).transform(String) };
}

/**
 * A list sent comma-separated (phone_logins, new_dids). Empty items are refused: VICIdial
 * looks `a,,b` up as a blank login, and copy_did creates a DID with a blank pattern (2.7).
 */
export function commaList(api: ApiParameter, itemApi: ApiParameter) {
  const label = capitalized(labelOf(api));
  const schema = typed(api, (error) => z.array(z.string({ error }), { error }))
    .transform((items, ctx) => {
      if (items.length === 0 || items.some((item) => item.length === 0)) ctx.addIssue(`${label} must not contain an empty item`);
      for (const item of items) {
        const problem = vicidialWouldChange(itemApi, item);
        if (problem) ctx.addIssue(`${problem} (${JSON.stringify(item)})`);
      }
      const joined = items.join(",");
      const problem = vicidialWouldChange(api, joined);
      if (problem) ctx.addIssue(problem);
      return joined;
    });
  return { api, schema };
}

/** `null` clears the value with VICIdial's `--BLANK--` (works only where 2.3 says it does). */
export function clearableText(api: ApiParameter) {
  const check = storedAsSent(api);
  const schema = typed(api, (error) => z.string({ error }).nullable()).transform((value, ctx) =>
    value === null ? "--BLANK--" : check(value, ctx),
  );
  return { api, schema };
}

/** UTC offset in hours, sent in the canonical `-5.00` form VICIdial stores verbatim (contract 3). */
export function gmtOffset(api: ApiParameter) {
  const label = capitalized(labelOf(api));
  const schema = z.union([z.number(), z.string()], { error: `${label} must be a number of hours` }).transform((value, ctx) => {
    const hours = typeof value === "number" ? value : Number(value.trim().replace(/^\+/, ""));
    if ((typeof value === "string" && value.trim() === "") || !Number.isFinite(hours)) {
      ctx.addIssue(`${label} must be a number of hours such as -5.00`);
      return "";
    }
    return hours.toFixed(2);
  });
  return { api, schema };
}

export function optional<Schema extends z.ZodType<string | undefined>>(param: Param<Schema>) {
  return { ...param, schema: param.schema.optional() };
}

export function secret<Schema extends z.ZodType<string | undefined>>(param: Param<Schema>): Param<Schema> {
  return { ...param, secret: true };
}

/**
 * `source` names the dashboard user in VICIdial's logs (DESIGN). VICIdial keeps only letters
 * and digits and rejects fewer than 2 (1.2, 1.3); its log column holds 20 (1.7).
 */
export function sourceParameter(source: string): string {
  const cleaned = source.replace(/[^A-Za-z0-9]/g, "").slice(0, 20);
  return cleaned.length >= 2 ? cleaned : "dashboard";
}
