/**
 * What VICIdial keeps of each parameter (contract 1.3) and how much of it the database stores
 * (contract 3, "Enforce column sizes"). The server deletes other characters and truncates long
 * values without telling anyone, so the client refuses such values before sending them.
 *
 * Pure data with no credentials: form schemas may import it too. ASCII sets only; a site with
 * `use_non_latin=1` would keep more letters, but refusing them is the safe side.
 */
import { ALL_VALUES as ALL } from "./all-values";

export interface ParameterRule {
  /** Plain-English name for messages shown to a supervisor. */
  label: string;
  /** One character that survives VICIdial's whitelist. */
  keeps: RegExp;
  /** Longest value the column stores without truncation. */
  maxLength?: number;
  /** Values accepted verbatim even though they contain other characters (`---ALL---`). */
  literals?: readonly string[];
}

const ALNUM = /[A-Za-z0-9]/;
const ALNUM_DASH_UNDERSCORE = /[A-Za-z0-9_-]/;
const DIGITS = /[0-9]/;
/** `detail`, `active` and the delete flags keep capitals only: `y` is deleted (contract 3). */
const UPPER = /[A-Z]/;
const DID_PATTERN = /[A-Za-z0-9:+*#._]/;
const DESCRIPTION = /[A-Za-z0-9 .,_-]/;
/** `+` would become a space and `'` breaks VICIdial's SQL, so neither is kept for email (1.3). */
const EMAIL = /[A-Za-z0-9 .:/@%_-]/;

export const PARAMETER_RULES = {
  user: { label: "API user", keeps: ALNUM_DASH_UNDERSCORE },
  pass: { label: "API password", keeps: ALNUM_DASH_UNDERSCORE },
  stage: { label: "stage", keeps: ALNUM_DASH_UNDERSCORE },
  header: { label: "header", keeps: ALNUM },
  detail: { label: "detail", keeps: UPPER },
  active: { label: "active", keeps: UPPER },

  extension: { label: "extension", keeps: ALNUM_DASH_UNDERSCORE, maxLength: 100 },
  dialplan_number: { label: "dial plan number", keeps: /[A-Za-z0-9*#]/, maxLength: 20 },
  voicemail_id: { label: "voicemail box", keeps: ALNUM, maxLength: 10 },
  phone_login: { label: "phone login", keeps: ALNUM_DASH_UNDERSCORE, maxLength: 15 },
  phone_pass: { label: "phone password", keeps: ALNUM_DASH_UNDERSCORE, maxLength: 100 },
  registration_password: { label: "registration password", keeps: ALNUM_DASH_UNDERSCORE, maxLength: 100 },
  phone_full_name: { label: "phone name", keeps: /[A-Za-z0-9 +._-]/, maxLength: 50 },
  phone_context: { label: "phone context", keeps: ALNUM_DASH_UNDERSCORE, maxLength: 20 },
  admin_user_group: { label: "admin user group", keeps: ALNUM_DASH_UNDERSCORE, maxLength: 20 },
  template_id: { label: "template", keeps: ALNUM_DASH_UNDERSCORE },
  protocol: { label: "protocol", keeps: ALNUM },
  local_gmt: { label: "time zone", keeps: /[0-9.-]/ },
  is_webphone: { label: "web phone", keeps: ALNUM_DASH_UNDERSCORE },
  webphone_auto_answer: { label: "web phone auto-answer", keeps: ALNUM_DASH_UNDERSCORE },
  use_external_server_ip: { label: "use external server IP", keeps: ALNUM_DASH_UNDERSCORE },
  on_hook_agent: { label: "on-hook agent", keeps: ALNUM_DASH_UNDERSCORE },
  phone_ring_timeout: { label: "ring timeout", keeps: DIGITS },
  delete_vm_after_email: { label: "delete voicemail after email", keeps: /[A-Za-z]/ },
  delete_phone: { label: "delete phone", keeps: UPPER },
  email: { label: "email", keeps: EMAIL, maxLength: 100 },
  server_ip: { label: "server IP", keeps: /[A-Za-z0-9.:_-]/, maxLength: 15 },
  outbound_cid: { label: "outbound caller ID", keeps: DIGITS, maxLength: 20, literals: [ALL] },
  outbound_alt_cid: { label: "alternate outbound caller ID", keeps: ALNUM, maxLength: 20 },

  alias_id: { label: "alias ID", keeps: ALNUM_DASH_UNDERSCORE, maxLength: 20 },
  alias_name: { label: "alias name", keeps: /[A-Za-z0-9 +.:/@_-]/, maxLength: 50 },
  phone_logins: { label: "phone logins", keeps: /[A-Za-z0-9,_-]/, maxLength: 255 },
  delete_alias: { label: "delete alias", keeps: UPPER },

  did_pattern: { label: "DID", keeps: DID_PATTERN, maxLength: 50 },
  source_did_pattern: { label: "source DID", keeps: DID_PATTERN, maxLength: 50 },
  new_dids: { label: "new DIDs", keeps: /[A-Za-z0-9:+*#._,]/, maxLength: 2000 },
  did_description: { label: "DID description", keeps: DESCRIPTION, maxLength: 50 },
  delete_did: { label: "delete DID", keeps: ALNUM },
  filter_clean_cid_number: { label: "clean CID number filter", keeps: DESCRIPTION, maxLength: 20 },
  did_route: { label: "DID route", keeps: ALNUM_DASH_UNDERSCORE },
  record_call: { label: "call recording", keeps: ALNUM_DASH_UNDERSCORE },
  exten_context: { label: "extension context", keeps: ALNUM_DASH_UNDERSCORE, maxLength: 50 },
  voicemail_ext: { label: "voicemail extension", keeps: /[A-Za-z0-9*#._]/, maxLength: 10 },
  phone_extension: { label: "phone extension", keeps: ALNUM_DASH_UNDERSCORE, maxLength: 100 },
  group: { label: "in-group", keeps: /[A-Za-z0-9|_-]/ },
  menu_id: { label: "call menu", keeps: ALNUM_DASH_UNDERSCORE },
  call_handle_method: { label: "call handle method", keeps: /[A-Za-z0-9_]/, maxLength: 20 },
  agent_search_method: { label: "agent search method", keeps: /[A-Za-z0-9_]/ },
  list_id: { label: "list ID", keeps: ALNUM_DASH_UNDERSCORE, maxLength: 14 },
  entry_list_id: { label: "entry list ID", keeps: DIGITS, maxLength: 14 },
  campaign_id: { label: "campaign", keeps: ALNUM_DASH_UNDERSCORE, maxLength: 8 },
  phone_code: { label: "phone code", keeps: DIGITS, maxLength: 10 },

  cid_group_id: { label: "CID group", keeps: ALNUM_DASH_UNDERSCORE, maxLength: 20 },
  areacode: { label: "area code", keeps: ALNUM, maxLength: 5, literals: [ALL] },
  cid_description: { label: "CID description", keeps: DESCRIPTION, maxLength: 50 },

  /** Findable only up to 30 characters: vicidial_log_extended.caller_code is VARCHAR(30). */
  call_id: { label: "call ID", keeps: ALNUM, maxLength: 30 },
} as const satisfies Record<string, ParameterRule>;

export type ApiParameter = keyof typeof PARAMETER_RULES;

export { ALL_VALUES } from "./all-values";

/** Characters of `value` that VICIdial would delete from `parameter`, each listed once. */
export function charactersVicidialDrops(parameter: ApiParameter, value: string): string[] {
  const rule: ParameterRule = PARAMETER_RULES[parameter];
  if (rule.literals?.includes(value)) return [];
  const dropped = new Set<string>();
  for (const character of value) if (!rule.keeps.test(character)) dropped.add(character);
  return [...dropped];
}

/** Characters named for a message: “/” and “-”, spaces, tabs, line breaks. Every message about dropped characters uses it. */
export function describeCharacters(characters: readonly string[]): string {
  const names = characters.map((c) => (c === " " ? "spaces" : c === "\t" ? "tabs" : c === "\n" || c === "\r" ? "line breaks" : `“${c}”`));
  const unique = [...new Set(names)];
  return unique.length === 1 ? unique[0]! : `${unique.slice(0, -1).join(", ")} and ${unique.at(-1)}`;
}

/** What VICIdial's whitelist leaves of `value` (what it echoes); used to predict answers in tests. */
export function asVicidialKeeps(parameter: ApiParameter, value: string): string {
  const rule: ParameterRule = PARAMETER_RULES[parameter];
  if (rule.literals?.includes(value)) return value;
  return [...value].filter((character) => rule.keeps.test(character)).join("");
}

/** What VICIdial stores for `value`: the whitelist, then the column size. */
export function asVicidialStores(parameter: ApiParameter, value: string): string {
  const rule: ParameterRule = PARAMETER_RULES[parameter];
  const kept = asVicidialKeeps(parameter, value);
  return rule.maxLength === undefined || rule.literals?.includes(value) ? kept : kept.slice(0, rule.maxLength);
}
