// Contract 1.3: every parameter passes a whitelist; other characters are deleted silently.
// Fields marked † in the contract swap a-zA-Z for any Unicode letter when use_non_latin=1.
import { readParam, type RequestParams } from "./params";

type Sanitizer = (value: string, nonLatin: boolean) => string;

/** Keeps digits, ASCII letters (or \p{L} for † fields under use_non_latin) and `extra`. */
function keepAlnum(extra: string, nonLatinAware: boolean): Sanitizer {
  const ascii = new RegExp(`[^${extra}0-9a-zA-Z]`, "g");
  const unicode = new RegExp(`[^${extra}0-9\\p{L}]`, "gu");
  return (value, nonLatin) => value.replace(nonLatinAware && nonLatin ? unicode : ascii, "");
}

function keepOnly(characterClass: string): Sanitizer {
  const pattern = new RegExp(`[^${characterClass}]`, "g");
  return (value) => value.replace(pattern, "");
}

function andThen(first: Sanitizer, second: Sanitizer): Sanitizer {
  return (value, nonLatin) => second(first(value, nonLatin), nonLatin);
}

/** outbound_cid and areacode: a second, narrower pass unless the value is exactly ---ALL---. */
function unlessAll(narrow: Sanitizer): Sanitizer {
  return (value, nonLatin) => (value === "---ALL---" ? value : narrow(value, nonLatin));
}

const alnum = keepAlnum("", false);
const alnumDashUnderscore = keepAlnum("\\-_", false);
const upperOnly = keepOnly("A-Z");
const digitsOnly = keepOnly("0-9");

/** The † sets of 1.3 that use_non_latin widens. */
const L = {
  alnum: keepAlnum("", true),
  dashUnderscore: keepAlnum("\\-_", true),
  didPattern: keepAlnum(":+*#._", true),
  description: keepAlnum(" \\-.,_", true),
};

const SANITIZERS = {
  user: L.dashUnderscore,
  pass: L.dashUnderscore,
  function: alnumDashUnderscore,
  format: alnum,
  source: L.alnum,
  stage: alnumDashUnderscore,
  header: alnum,
  detail: upperOnly,
  active: upperOnly,
  delete_phone: upperOnly,
  delete_alias: upperOnly,
  delete_did: L.alnum,
  extension: L.dashUnderscore,
  dialplan_number: keepAlnum("*#", true),
  voicemail_id: L.alnum,
  phone_login: L.dashUnderscore,
  phone_pass: L.dashUnderscore,
  registration_password: L.dashUnderscore,
  phone_context: L.dashUnderscore,
  admin_user_group: L.dashUnderscore,
  template_id: L.dashUnderscore,
  is_webphone: L.dashUnderscore,
  webphone_auto_answer: L.dashUnderscore,
  use_external_server_ip: L.dashUnderscore,
  on_hook_agent: L.dashUnderscore,
  phone_full_name: keepAlnum(" \\-+._", true),
  // The only field in scope that turns `+` into a space, after the filter kept it.
  email: andThen(keepAlnum(" \\-'+.:/@%_", true), (value) => value.replace(/\+/g, " ")),
  server_ip: keepAlnum("\\-.:_", false),
  protocol: alnum,
  local_gmt: keepOnly("0-9\\-."),
  outbound_cid: andThen(L.dashUnderscore, unlessAll(digitsOnly)),
  outbound_alt_cid: L.alnum,
  phone_ring_timeout: digitsOnly,
  delete_vm_after_email: keepOnly("a-zA-Z"),
  alias_id: L.dashUnderscore,
  phone_logins: keepAlnum("\\-,_", true),
  alias_name: keepAlnum(" \\-+.:/@_", true),
  did_pattern: L.didPattern,
  source_did_pattern: L.didPattern,
  new_dids: keepAlnum(":+*#._,", true),
  did_description: L.description,
  filter_clean_cid_number: L.description,
  cid_description: L.description,
  did_route: L.dashUnderscore,
  record_call: L.dashUnderscore,
  exten_context: L.dashUnderscore,
  menu_id: L.dashUnderscore,
  phone_extension: L.dashUnderscore,
  cid_group_id: L.dashUnderscore,
  voicemail_ext: keepAlnum("*#._", true),
  group: keepAlnum("\\-|_", true),
  campaign_id: L.dashUnderscore,
  list_id: alnumDashUnderscore,
  entry_list_id: digitsOnly,
  phone_code: digitsOnly,
  call_handle_method: keepAlnum("_", false),
  agent_search_method: keepAlnum("_", false),
  areacode: andThen(L.dashUnderscore, unlessAll(L.alnum)),
  call_id: L.alnum,
  // Echoed by callid_info's not-found errors; a real server strips it to letters and digits
  // (contract 4: `agent'01` comes back as `agent01`), although 2.10 reads it as raw.
  agent_user: L.alnum,
} satisfies Record<string, Sanitizer>;

export type SanitizedName = keyof typeof SANITIZERS;

/** The parameters after 1.3 (and agent_user, contract 4). */
export type ApiParams = Record<SanitizedName, string>;

export function sanitizeParams(request: RequestParams, nonLatin: boolean): ApiParams {
  return Object.fromEntries(
    Object.entries(SANITIZERS).map(([name, sanitize]) => [name, sanitize(readParam(request, name), nonLatin)]),
  ) as ApiParams;
}
