import type { AnswerErrorCode } from "./errors";
import type { ResultLine } from "./parse";

/**
 * Which failure a VICIdial ERROR/NOTICE line means, by the start of its reason text (contract
 * section 2, per function). One table for every function: the same sentence means the same
 * thing wherever it appears, and the function word in front of it is ignored (add_did's bad
 * menu error really says `update_did`, 2.6).
 */
export interface Classification {
  code: AnswerErrorCode;
  /** The API parameter at fault, for INVALID_FIELD and a few others a form can point at. */
  field?: string;
  /** Plain-English sentence for INVALID_FIELD. */
  fieldMessage?: string;
}

type Rule = readonly [reasonStart: string, code: AnswerErrorCode, field?: string, fieldMessage?: string];

const RULES: readonly Rule[] = [
  // Authentication and gating (1.2, 1.4).
  ["Login incorrect", "LOGIN_INCORRECT"],
  ["Too many login attempts", "LOCKED_OUT"],
  ["Your IP Address is not allowed", "IP_BLOCKED"],
  ["Invalid Source", "INVALID_SOURCE"],
  ["NO FUNCTION SPECIFIED", "UNSUPPORTED_FUNCTION"],
  ["USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION", "FUNCTION_NOT_ALLOWED"],
  ["USER DOES NOT HAVE PERMISSION TO DELETE", "DELETE_NOT_ALLOWED"],
  ["USER DOES NOT HAVE PERMISSION TO", "PERMISSION_DENIED"],
  ["YOU MUST USE ALL REQUIRED FIELDS", "REQUIRED_FIELDS"],

  // Existence.
  ["DID ALREADY EXISTS", "DID_EXISTS"],
  ["PHONE ALREADY EXISTS ON THIS SERVER", "PHONE_EXISTS"],
  ["PHONE LOGIN ALREADY EXISTS", "LOGIN_EXISTS", "phone_login"],
  ["LOGIN ALREADY EXISTS", "LOGIN_EXISTS", "phone_login"],
  ["PHONE ALIAS ALREADY EXISTS", "ALIAS_EXISTS"],
  ["THIS CID GROUP ENTRY ALREADY EXISTS", "ENTRY_EXISTS"],
  ["DID DOES NOT EXIST", "NOT_FOUND"],
  ["SOURCE DID DOES NOT EXIST", "SOURCE_NOT_FOUND", "source_did_pattern"],
  ["PHONE DOES NOT EXIST ON THIS SERVER", "NOT_FOUND"],
  // In the alias functions: one login of phone_logins has no phone (2.4, 2.5).
  ["PHONE DOES NOT EXIST", "PHONE_LOGIN_NOT_FOUND", "phone_logins"],
  ["PHONE ALIAS DOES NOT EXIST", "NOT_FOUND"],
  ["SERVER DOES NOT EXIST", "SERVER_NOT_FOUND", "server_ip"],
  ["CID GROUP DOES NOT EXIST", "NOT_FOUND"],
  ["THIS CID GROUP HAS NO ENTRIES", "NO_ENTRIES"],
  ["CALL NOT FOUND", "NOT_FOUND"],
  ["CALL LOG NOT FOUND", "CALL_LOG_NOT_FOUND"],
  ["NO UPDATES", "NO_UPDATES"],
  ["NO DIDS ADDED", "NO_DIDS_ADDED"],

  // Field checks of add_did / update_did / copy_did (2.6-2.8).
  ["DID DESCRIPTION MUST BE", "INVALID_FIELD", "did_description", "The DID description must be 6 to 50 characters"],
  ["ACTIVE MUST BE Y OR N", "INVALID_FIELD", "active", "Active must be Y or N"],
  ["DID ROUTE IS NOT VALID", "INVALID_FIELD", "did_route", "The DID route is not one VICIdial knows"],
  ["RECORD CALL MUST BE", "INVALID_FIELD", "record_call", "Call recording must be Y, N or Y_QUEUESTOP"],
  ["EXTENSION MUST BE", "INVALID_FIELD", "extension", "The extension must be 1 to 50 characters"],
  ["EXTENSION CONTEXT MUST BE", "INVALID_FIELD", "exten_context", "The extension context must be 1 to 50 characters"],
  ["VOICEMAIL EXTENSION MUST BE", "INVALID_FIELD", "voicemail_ext", "The voicemail extension must be 1 to 10 characters"],
  ["PHONE EXTENSION MUST BE", "INVALID_FIELD", "phone_extension", "The phone extension must be 1 to 100 characters"],
  ["SERVER IP MUST BE", "INVALID_FIELD", "server_ip", "VICIdial has no server with this IP address"],
  ["GROUP ID MUST BE", "INVALID_FIELD", "group", "VICIdial has no in-group with this ID"],
  ["MENU ID MUST BE", "INVALID_FIELD", "menu_id", "VICIdial has no call menu with this ID"],
  ["CLEAN CID NUMBER MUST BE", "INVALID_FIELD", "filter_clean_cid_number", "The clean CID number filter must be 1 to 20 characters"],
  ["CALL HANDLE METHOD MUST BE", "INVALID_FIELD", "call_handle_method", "The call handle method must be 3 to 20 characters"],
  ["AGENT SEARCH METHOD MUST BE", "INVALID_FIELD", "agent_search_method", "The agent search method must be 2 characters"],
  ["LIST ID MUST BE", "INVALID_FIELD", "list_id", "The list ID must be 3 to 14 digits"],
  ["ENTRY LIST ID MUST BE", "INVALID_FIELD", "entry_list_id", "The entry list ID must be 1 to 14 digits"],
  ["CAMPAIGN MUST BE", "INVALID_FIELD", "campaign_id", "The campaign must be 1 to 8 characters"],
  ["PHONE CODE MUST BE", "INVALID_FIELD", "phone_code", "The phone code must be 1 to 10 digits"],

  // Field checks of add_phone / update_phone (2.2, 2.3).
  ["YOU MUST USE A VALID TIMEZONE", "INVALID_FIELD", "local_gmt", "The time zone is not one VICIdial accepts"],
  ["YOU MUST USE A VALID EMAIL", "INVALID_FIELD", "email", "The email must be 5 to 300 characters"],
  ["YOU MUST USE A VALID PHONE CONTEXT", "INVALID_FIELD", "phone_context", "The phone context must be 2 to 30 characters"],
  ["YOU MUST USE A VALID PHONE NAME", "INVALID_FIELD", "phone_full_name", "The phone name must be 2 to 30 characters"],
  [
    "YOU MUST USE A VALID REGISTRATION PASSWORD",
    "INVALID_FIELD",
    "registration_password",
    "The registration password must be 2 to 30 characters",
  ],
  ["YOU MUST USE A VALID PROTOCOL", "INVALID_FIELD", "protocol", "The protocol must be SIP, IAX2, Zap or EXTERNAL"],
  ["YOU MUST USE A VALID PHONE PASSWORD", "INVALID_FIELD", "phone_pass", "The phone password must be 2 to 30 characters"],
  ["YOU MUST USE A VALID VOICEMAIL NUMBER", "INVALID_FIELD", "voicemail_id", "The voicemail box must be 2 to 30 characters"],
  ["YOU MUST USE A VALID DIALPLAN NUMBER", "INVALID_FIELD", "dialplan_number", "The dial plan number must be 3 to 30 characters"],
  ["OUTBOUND CID MUST BE", "INVALID_FIELD", "outbound_cid", "The outbound caller ID must be 6 to 18 digits"],
  ["USER GROUP MUST BE", "INVALID_FIELD", "admin_user_group", "The admin user group must be 2 to 20 characters"],
  ["OUTBOUND ALT CID MUST BE", "INVALID_FIELD", "outbound_alt_cid", "The alternate caller ID must be 6 to 18 digits"],
  // The line echoes outbound_alt_cid, but the rule is about the ring timeout (2.3).
  ["PHONE RING TIMEOUT MUST BE", "INVALID_FIELD", "phone_ring_timeout", "The ring timeout must be 2 to 180 seconds"],
  [
    "DELETE VOICEMAIL AFTER EMAIL MUST BE",
    "INVALID_FIELD",
    "delete_vm_after_email",
    "Delete voicemail after email must be Y or N",
  ],
  ["TEMPLATE ID DOES NOT EXIST", "INVALID_FIELD", "template_id", "VICIdial has no phone template with this ID"],

  // Field checks of the alias, CID group and call functions (2.5, 2.9, 2.10).
  ["YOU MUST USE A VALID ALIAS NAME", "INVALID_FIELD", "alias_name", "The alias name must be 2 to 50 characters"],
  ["YOU MUST DEFINE AN AREACODE", "INVALID_FIELD", "areacode", "An entry needs a real area code, not ---ALL---"],
  ["YOU MUST DEFINE A CID NUMBER", "INVALID_FIELD", "outbound_cid", "An entry needs a caller ID of at least 4 digits"],
  ["INVALID SEARCH PARAMETERS", "INVALID_FIELD", "call_id", "This is not a VICIdial call ID"],
];

// Longest first, so "PHONE DOES NOT EXIST ON THIS SERVER" wins over "PHONE DOES NOT EXIST".
const BY_SPECIFICITY = [...RULES].sort((a, b) => b[0].length - a[0].length);

export function classify(line: ResultLine): Classification | undefined {
  const rule = BY_SPECIFICITY.find(([start]) => line.reason.startsWith(start));
  if (!rule) return undefined;
  const [, code, field, fieldMessage] = rule;
  return { code, field, fieldMessage };
}

/** The authentication outcomes that make the lockout guard stop sending (contract 1.4, 3). */
export function isCredentialFailure(code: AnswerErrorCode): code is "LOGIN_INCORRECT" | "LOCKED_OUT" {
  return code === "LOGIN_INCORRECT" || code === "LOCKED_OUT";
}
