import { z } from "zod";
import { phoneNumberValue } from "@/lib/input/phone-number";
import { DID_FIELD_TABLE, DID_FIELDS, DID_ROUTES, didFieldLabel, ROUTE_LABELS, type DidField, type FieldSpec, type TextRule } from "@/lib/dids/fields";
import { charactersVicidialDrops, describeCharacters, PARAMETER_RULES, type ApiParameter } from "@/lib/vicidial/parameters";

/**
 * The DID operations (contract 2.6 add_did, 2.7 copy_did, 2.8 update_did incl. delete), one
 * schema each, shared by the form (zodResolver), the server action (the wrapper parses) and the
 * VICIdial call. VICIdial deletes characters outside its whitelist and truncates long values
 * silently (1.3, 3); here either is an error on the field instead. Empty optional fields mean
 * "not sent": VICIdial's DID functions cannot clear a value (3, "--BLANK-- only partly works").
 */

export {
  AGENT_SEARCH_LABELS,
  AGENT_SEARCH_METHODS,
  CALL_HANDLE_METHODS,
  DID_FIELDS,
  DID_ROUTES,
  didFieldLabel,
  RECORD_CALL_LABELS,
  RECORD_CALL_VALUES,
  ROUTE_LABELS,
} from "@/lib/dids/fields";
export type { AgentSearchMethod, DidField, DidRoute, RecordCall } from "@/lib/dids/fields";
export { clearedMessage, COMMON_FIELDS, didChanges, EMPTY_DID_FORM, fieldsForRoute, NO_CHANGES, ROUTE_FIELDS } from "@/lib/dids/form";
export type { DidChanges } from "@/lib/dids/form";
import { fieldsForRoute, NO_CHANGES, ROUTE_FIELDS } from "@/lib/dids/form";

// ---------------------------------------------------------------------------------------------
// Field rules

/** A text field's rule with the label its messages name. */
type LabeledRule = Omit<TextRule, "kind"> & { label: string };

/** The characters a value may hold, in words, from the parameter's whitelist (contract 1.3). */
const ALLOWED_WORDS: Partial<Record<ApiParameter, string>> = {
  did_pattern: "letters, digits and : + * # . _",
  source_did_pattern: "letters, digits and : + * # . _",
  new_dids: "letters, digits and : + * # . _",
  did_description: "letters, digits, spaces and - . , _",
  filter_clean_cid_number: "letters, digits, spaces and - . , _",
  extension: "letters, digits, - and _",
  exten_context: "letters, digits, - and _",
  voicemail_ext: "letters, digits and * # . _",
  phone_extension: "letters, digits, - and _",
  server_ip: "digits and dots",
  group: "letters, digits, - and _",
  menu_id: "letters, digits, - and _",
  call_handle_method: "capital letters, digits and _",
  list_id: "digits",
  entry_list_id: "digits",
  campaign_id: "letters, digits, - and _",
  phone_code: "digits",
};

/** The first problem with a non-empty `value` for `api`, or undefined. Exported for copy's per-entry check. */
export function fieldProblem(api: ApiParameter, value: string, rule: LabeledRule): string | undefined {
  const dropped = charactersVicidialDrops(api, value);
  if (dropped.length > 0) {
    const allowed = ALLOWED_WORDS[api] ?? "the characters VICIdial keeps";
    return `${rule.label} cannot contain ${describeCharacters(dropped)}: VICIdial would silently remove ${dropped.length === 1 ? "it" : "them"}. Use only ${allowed}`;
  }
  if (value.length < rule.min) {
    return rule.min === rule.max ? `${rule.label} must be exactly ${rule.min} characters` : `${rule.label} must be at least ${rule.min} characters`;
  }
  if (value.length > rule.max) {
    const column = PARAMETER_RULES[api] as { maxLength?: number };
    const cut = column.maxLength !== undefined && value.length > column.maxLength ? ": VICIdial would cut off the rest" : "";
    return `${rule.label} can be at most ${rule.max} characters${cut}`;
  }
  if (rule.pattern && !rule.pattern.test.test(value)) return rule.pattern.message;
  return undefined;
}

/**
 * `pasted`: a value typed for something new, where a pasted phone number is cleaned to digits
 * first (lib/input). The pattern of an existing DID (update, delete) is taken exactly as given.
 */
function requiredText(api: ApiParameter, rule: LabeledRule, { pasted = false } = {}) {
  return z
    .string({ error: `${rule.label} is required` })
    .transform((value) => (pasted ? phoneNumberValue(api, value) : value))
    .superRefine((value, ctx) => {
    const problem = value === "" ? `${rule.label} is required` : fieldProblem(api, value, rule);
    if (problem) ctx.addIssue(problem);
  });
}

/** Empty or absent means "not sent". */
function optionalText(api: ApiParameter, rule: LabeledRule) {
  return z
    .string({ error: `${rule.label} must be text` })
    .optional()
    .superRefine((value, ctx) => {
      if (!value) return;
      const problem = fieldProblem(api, value, rule);
      if (problem) ctx.addIssue(problem);
    })
    .transform((value) => value || undefined);
}

function optionalYesNo(label: string) {
  return z.boolean({ error: `${label} must be yes or no` }).optional();
}

function optionalChoice<const V extends readonly [string, ...string[]]>(label: string, values: V, labels: Record<V[number], string>) {
  const words = values.map((v) => labels[v as V[number]]).join(", ");
  return z
    .union([z.literal(""), z.enum(values)], { error: `Choose the ${label.toLowerCase()} from the list (${words})` })
    .optional()
    .transform((value) => (value ? (value as V[number]) : undefined));
}

export const DID_PATTERN_RULE: LabeledRule = { label: "DID pattern", min: 2, max: 50 };
const DESCRIPTION_RULE: LabeledRule = { label: DID_FIELD_TABLE.description.label, ...DID_FIELD_TABLE.description.rule };

const didPattern = requiredText("did_pattern", DID_PATTERN_RULE);
const newDidPattern = requiredText("did_pattern", DID_PATTERN_RULE, { pasted: true });

/** A field's schema from its rule: empty or absent means "not sent". */
type RuleSchema<S extends FieldSpec> = S["rule"] extends { kind: "yesNo" }
  ? ReturnType<typeof optionalYesNo>
  : S["rule"] extends { kind: "choice"; values: infer V extends readonly [string, ...string[]] }
    ? ReturnType<typeof optionalChoice<V>>
    : ReturnType<typeof optionalText>;

function ruleSchema(spec: FieldSpec) {
  const { rule, label, api } = spec;
  if (rule.kind === "yesNo") return optionalYesNo(label);
  if (rule.kind === "choice") return optionalChoice(label, rule.values, rule.labels);
  return optionalText(api, { label, ...rule });
}

/** The fields add_did and update_did share (2.6 table), keyed by form field name. */
const fieldsShape = Object.fromEntries(DID_FIELDS.map((field) => [field, ruleSchema(DID_FIELD_TABLE[field])])) as {
  [K in DidField]: RuleSchema<(typeof DID_FIELD_TABLE)[K]>;
};

export type DidFields = { [K in DidField]?: NonNullable<z.output<(typeof fieldsShape)[K]>> };
/** What the form holds: strings ("" = not set) and a boolean for active. */
export type DidFormValues = { [K in DidField]?: z.input<(typeof fieldsShape)[K]> };



/** A route needs its target: a DID routed to IN_GROUP without an in-group sends calls nowhere. */
function requireRouteTargets(values: DidFields, ctx: z.RefinementCtx) {
  // Also runs when other fields failed (see ALWAYS), so the route may still be unchecked text.
  if (!values.didRoute || !(DID_ROUTES as readonly string[]).includes(values.didRoute)) return;
  for (const field of ROUTE_FIELDS[values.didRoute].required) {
    if (values[field] === undefined || values[field] === "") {
      ctx.addIssue({ code: "custom", path: [field], message: `${didFieldLabel(field)} is required for the ${ROUTE_LABELS[values.didRoute]} route` });
    }
  }
}

/** Report a missing route target together with the other fields' errors, not after they are fixed. */
const ALWAYS = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

/** Fields of other routes are dropped: the form keeps them while the route is switched back and forth. */
function onlyRouteFields<T extends DidFields>(values: T): T {
  if (!values.didRoute) return values;
  const keep = new Set<string>(fieldsForRoute(values.didRoute));
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => value !== undefined && (!DID_FIELDS.includes(key as DidField) || keep.has(key)))) as T;
}

// ---------------------------------------------------------------------------------------------
// Operations

export const addDidSchema = z
  .object({ didPattern: newDidPattern, ...fieldsShape, didRoute: z.enum(DID_ROUTES, { error: "Choose a route" }) })
  .superRefine(requireRouteTargets, ALWAYS)
  .transform(onlyRouteFields);
export type AddDidInput = z.input<typeof addDidSchema>;
export type AddDid = z.output<typeof addDidSchema>;

/**
 * A change: only the fields given are sent. Changing the route must bring the new route's target
 * along (didChanges does that for the form). Nothing to send is an error before anything is sent.
 */
export const updateDidSchema = z
  .object({ didPattern, ...fieldsShape })
  .superRefine(requireRouteTargets, ALWAYS)
  .transform(onlyRouteFields)
  .superRefine((values, ctx) => {
    if (DID_FIELDS.every((field) => values[field] === undefined)) {
      ctx.addIssue({ code: "custom", path: [], message: NO_CHANGES });
    }
  });
export type UpdateDidInput = z.input<typeof updateDidSchema>;
export type UpdateDid = z.output<typeof updateDidSchema>;


export const deleteDidSchema = z.object({ didPattern });

/** "Add an existing DID to the list": its pattern alone. */
export const existingDidSchema = z.object({ didPattern });
export type DeleteDid = z.output<typeof deleteDidSchema>;

const NEW_DIDS_MAX = PARAMETER_RULES.new_dids.maxLength;

/** One pattern per line or comma-separated; blanks and surrounding spaces between entries are separators. */
export function splitDidList(text: string): string[] {
  return text
    .split(/[,\r\n]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/**
 * copy_did (2.7). VICIdial creates a DID with an empty pattern for an empty entry, truncates long
 * ones, and checks the description only once it reaches a new DID, possibly halfway through the
 * list: so empty entries are dropped and everything else is checked here, before sending.
 */
export const copyDidSchema = z
  .object({
    sourceDidPattern: requiredText("source_did_pattern", { label: "Source DID", min: 2, max: 50 }, { pasted: true }),
    newDids: z.union([z.string(), z.array(z.string())], { error: "List the new DIDs" }).transform((value, ctx) => {
      const listed = typeof value === "string" ? splitDidList(value) : value.map((entry) => entry.trim()).filter((entry) => entry !== "");
      const entries = listed.map((entry) => phoneNumberValue("new_dids", entry));
      if (entries.length === 0) {
        ctx.addIssue("List at least one new DID");
        return z.NEVER;
      }
      const problems = entries.flatMap((entry) => {
        const problem = fieldProblem("did_pattern", entry, { ...DID_PATTERN_RULE, label: `“${entry}”` });
        return problem ? [problem] : [];
      });
      const seen = new Set<string>();
      const repeated = entries.filter((entry) => (seen.has(entry) ? true : (seen.add(entry), false)));
      if (repeated.length > 0) problems.push(`Listed more than once: ${[...new Set(repeated)].join(", ")}`);
      const joined = entries.join(",");
      if (NEW_DIDS_MAX !== undefined && joined.length > NEW_DIDS_MAX) {
        problems.push(`The list is ${joined.length} characters with commas; VICIdial takes at most ${NEW_DIDS_MAX}. Copy in smaller batches`);
      }
      if (problems.length > 0) {
        ctx.addIssue(problems.join("\n"));
        return z.NEVER;
      }
      return entries;
    }),
    description: optionalText("did_description", { ...DESCRIPTION_RULE, label: "Description of the new DIDs" }),
  })
  .superRefine((values, ctx) => {
    if (values.newDids.includes(values.sourceDidPattern)) {
      ctx.addIssue({ code: "custom", path: ["newDids"], message: `${values.sourceDidPattern} is the DID being copied` });
    }
  });
export type CopyDidInput = z.input<typeof copyDidSchema>;
export type CopyDid = z.output<typeof copyDidSchema>;

/** VICIdial parameter names → form fields, so a VICIdial field error lands beside its field. */
export const DID_FIELD_FOR_PARAMETER: Record<string, string> = {
  did_pattern: "didPattern",
  ...Object.fromEntries(DID_FIELDS.map((field) => [DID_FIELD_TABLE[field].api, field])),
  source_did_pattern: "sourceDidPattern",
  new_dids: "newDids",
};

/** What VICIdial stores for a field add_did was not given (2.6, "Omitted fields take the column defaults"). */
export const ADD_DID_DEFAULTS = Object.fromEntries(
  DID_FIELDS.flatMap((field) => {
    const spec: FieldSpec = DID_FIELD_TABLE[field];
    return spec.added === undefined ? [] : [[field, spec.added]];
  }),
) as DidFields;
