import fc from "fast-check";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import type { CurrentUser } from "@/lib/auth/session";
import { addAliasSchema, deleteAliasSchema, updateAliasSchema } from "@/lib/aliases/schemas";
import { lookupCallSchema } from "@/lib/calls/schemas";
import { addCidEntrySchema, addCidGroupSchema, deleteCidEntriesSchema, updateCidEntriesSchema } from "@/lib/cid-groups/schemas";
import { addDidSchema, copyDidSchema, deleteDidSchema, updateDidSchema } from "@/lib/dids/schemas";
import { addPhoneSchema, deletePhoneSchema, updatePhoneSchema } from "@/lib/phones/schemas";
import { startSimulator, type ReceivedRequest, type RunningSimulator } from "@/lib/simulator";
import { createVicidialClient } from "@/lib/vicidial/client";
import { phoneNumberValue } from "@/lib/input/phone-number";
import { PARAMETER_RULES, type ApiParameter } from "@/lib/vicidial/parameters";
import { rawRequest } from "@/lib/vicidial/test-support";
import { useTestDatabase } from "@/lib/testing/db";
import { configureVicidial } from "@/lib/vicidial/default-client";
import type { HttpMethod } from "@/lib/vicidial/transport";
import { testSession } from "@/lib/testing/session";
import * as dids from "./dids/actions";
import * as phones from "./phones/actions";
import * as aliases from "./aliases/actions";
import * as cid from "./cid-groups/actions";
import * as calls from "./calls/actions";

/**
 * Nothing a user types can add or change a VICIdial parameter (DESIGN, issue 19). Generated
 * inputs, hostile strings among them, are checked at three depths:
 * - every operation's schema (lib/<resource>/schemas.ts), many cases, no I/O: it refuses the input, or its
 *   output is what the user typed;
 * - the client's encoding and transport, below the schemas: any parameter values given to it
 *   arrive at the simulator, over a real socket, exactly, in order, nothing added;
 * - every operation from the form to VICIdial: the server action (session, role, schema), the
 *   typed client function, its encoding, HTTP, the simulator, which reports what it received.
 *   The outcome is one of two: refused before anything was sent, with an error the form shows;
 *   or every request carries exactly the parameters the user gave, each with the value the user
 *   saw: nothing added, dropped, split or altered.
 * "The value the user saw" allows only the forms' documented clean-ups: surrounding spaces are
 * trimmed (phones, aliases, CID groups), a pasted phone number loses its formatting (new DIDs,
 * outbound CIDs: lib/input), a pasted call ID loses quotes and spaces around it, a
 * time zone is sent in VICIdial's `-5.00` form, a list is sent comma-joined. An apostrophe, which
 * makes a real VICIdial answer HTTP 500 (contract 4), is never sent: it is a field error.
 *
 * Seeded and reproducible: HOSTILE_INPUT_SEED=<seed> reruns a failing run (the seed is printed
 * on failure, with fast-check's path to the smallest failing input). HOSTILE_INPUT_RUNS scales
 * the number of cases (1 = the default).
 */

const session = testSession();

const ADMIN: CurrentUser = { id: 1, username: "prop.tester", displayName: "Property tester", role: "admin", mustChangePassword: false };
const API = { user: "6666", pass: "1234" };
/** The parameters every authenticated request carries besides the operation's own. */
const BASE = { source: "proptester", user: API.user, pass: API.pass };

const SEED = process.env.HOSTILE_INPUT_SEED ? Number(process.env.HOSTILE_INPUT_SEED) : Date.now() % 2 ** 31;
const SCALE = Number(process.env.HOSTILE_INPUT_RUNS ?? 1);
/** Seconds on an idle machine; the bound is for a CI runner shared with other work. */
const PROPERTY_TIMEOUT_MS = 180_000;

// ---------------------------------------------------------------------------------------------
// What users type

/** Characters that have broken URL-encoding, PHP's parameter parsing or SQL somewhere. */
const NASTY = [..."+#&=%;?'\"\\ \t\r\n\0,:./@*-_|<>`$[]{}()~^!"];
const UNICODE = ["é", "ß", "€", "😀", "\u200B", "\uFEFF", "\u00A0", "Ａ", "\u0301", "\uD800"];
/** Values with a meaning to VICIdial or to a URL, typed literally. */
const MAGIC = ["--BLANK--", "---ALL---", "Y", "YES", "%2B", "%23", "%", "%%", "a&function=version", "x&pass=", "&user=7777", "1+1", "+17275550100", "#1", "O'Brien", "a=b", "[]", "pass[]=1"];

const nastyChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.constantFrom(..."abcXYZ0189") },
  { weight: 1, arbitrary: fc.constantFrom(...UNICODE) },
);
/** Any string a user could paste into a field. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: nastyChar, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...MAGIC) },
  { weight: 2, arbitrary: fc.tuple(fc.stringMatching(/^[0-9A-Za-z]{1,10}$/), fc.constantFrom(...NASTY), fc.stringMatching(/^[0-9A-Za-z]{0,10}$/)).map((p) => p.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: nastyChar, minLength: 40, maxLength: 120 }) },
);

const matching = (pattern: RegExp) => fc.stringMatching(pattern);
/** An optional form field: left empty, never touched, or filled in. */
const optionalOf = <T,>(value: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), fc.constant("" as T), value);

// ---------------------------------------------------------------------------------------------
// What VICIdial must receive for a value the dashboard accepted (undefined: not sent)

type Expect = (value: unknown) => string | undefined;

const asText = (trim: boolean): Expect => (value) => {
  if (value === undefined || value === null) return undefined;
  const text = trim ? String(value).trim() : String(value);
  return text === "" ? undefined : text;
};
const exact = asText(false);
const trimmed = asText(true);
const flag: Expect = (value) => (value === undefined ? undefined : value === true ? "Y" : value === false ? "N" : String(value));
const clearable: Expect = (value) => (value === null ? "--BLANK--" : trimmed(value));
const listOf = (value: unknown) => (Array.isArray(value) ? value.map((item) => String(item).trim()).join(",") : undefined);
/** A pasted phone number loses its formatting (lib/input): `(415) 555-0100` is sent as 4155550100. */
const pastedNumber =
  (api: ApiParameter, base: Expect): Expect =>
  (value) => {
    const text = base(value);
    return text === undefined ? undefined : phoneNumberValue(api, text);
  };
const didList: Expect = (value) =>
  typeof value === "string"
    ? value
        .split(/[,\r\n]+/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== "")
        .map((entry) => phoneNumberValue("new_dids", entry))
        .join(",")
    : listOf(value);
/** VICIdial stores local_gmt verbatim, so the form sends the canonical `-5.00` of the offset chosen. */
const timeZone: Expect = (value) => {
  const text = trimmed(value);
  if (text === undefined) return undefined;
  const hours = Number(text.replace(/^\+/, ""));
  return Number.isFinite(hours) ? (hours === 0 ? 0 : hours).toFixed(2) : text;
};
/** A pasted call ID loses zero-width characters and the spaces and quotes around it. */
const callId: Expect = (value) => {
  const quotes = `"'\`“”‘’„«»`;
  const cleaned = String(value)
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(new RegExp(`^[\\s${quotes}]+|[\\s${quotes}]+$`, "g"), "");
  return cleaned === "" ? undefined : cleaned;
};

// ---------------------------------------------------------------------------------------------
// The operations

interface Field {
  api: string;
  /** What a user would usually enter. */
  typical: fc.Arbitrary<unknown>;
  expect: Expect;
  /** A list field: hostile values arrive as list items. */
  list?: boolean;
}

interface Operation {
  name: string;
  /** The operation's schema (lib/<resource>/schemas.ts), as the form and the action use it. */
  schema: z.ZodType;
  run: (input: Record<string, unknown>) => Promise<ActionResult<unknown>>;
  fields: Record<string, Field>;
  /** The write's own fixed parameters (function, stage, delete flags). */
  write: Record<string, string>;
  /** Reads that may precede the write (CID's INFO), by their fixed parameters. */
  reads?: Record<string, string>[];
  /** Fields the operation deliberately does not send for this input (a DID route's other fields). */
  unused?: (input: Record<string, unknown>) => readonly string[];
  /** Adjusts a generated input (a whole-group delete repeats the group id to confirm). */
  prepare?: (input: Record<string, unknown>) => Record<string, unknown>;
}

const DID_ROUTES = ["EXTEN", "VOICEMAIL", "VMAIL_NO_INST", "PHONE", "IN_GROUP", "CALLMENU", "AGENT"];
/** Which fields each DID route sends besides the common ones (lib/dids/schemas ROUTE_FIELDS, as the form shows them). */
const DID_ROUTE_FIELDS: Record<string, string[]> = {
  EXTEN: ["extension", "extenContext"],
  VOICEMAIL: ["voicemailExt"],
  VMAIL_NO_INST: ["voicemailExt"],
  PHONE: ["phoneExtension", "serverIp"],
  IN_GROUP: ["group", "callHandleMethod", "agentSearchMethod", "listId", "entryListId", "campaignId", "phoneCode"],
  CALLMENU: ["menuId"],
  AGENT: [],
};
const DID_COMMON = ["description", "active", "didRoute", "recordCall", "filterCleanCidNumber"];

const didPattern: Field = { api: "did_pattern", typical: matching(/^\+?[0-9]{4,15}$/), expect: exact };
/** A new DID's pattern is pasted; an existing one's is taken exactly (lib/dids/schemas). */
const newDidPattern: Field = { ...didPattern, expect: pastedNumber("did_pattern", exact) };
const didSettings: Record<string, Field> = {
  description: { api: "did_description", typical: optionalOf(matching(/^[A-Za-z0-9][A-Za-z0-9 .,_-]{5,30}$/)), expect: exact },
  active: { api: "active", typical: fc.option(fc.boolean(), { nil: undefined }), expect: flag },
  recordCall: { api: "record_call", typical: optionalOf(fc.constantFrom("N", "Y", "Y_QUEUESTOP")), expect: exact },
  extension: { api: "extension", typical: optionalOf(matching(/^[0-9A-Za-z_-]{1,12}$/)), expect: exact },
  extenContext: { api: "exten_context", typical: optionalOf(matching(/^[a-z_-]{1,12}$/)), expect: exact },
  voicemailExt: { api: "voicemail_ext", typical: optionalOf(matching(/^[0-9]{1,8}$/)), expect: exact },
  phoneExtension: { api: "phone_extension", typical: optionalOf(matching(/^[0-9A-Za-z_-]{1,12}$/)), expect: exact },
  serverIp: { api: "server_ip", typical: optionalOf(fc.oneof(fc.constant("10.10.10.15"), fc.ipV4())), expect: exact },
  group: { api: "group", typical: optionalOf(matching(/^[A-Z_]{2,12}$/)), expect: exact },
  menuId: { api: "menu_id", typical: optionalOf(matching(/^[A-Z0-9_]{2,12}$/)), expect: exact },
  filterCleanCidNumber: { api: "filter_clean_cid_number", typical: optionalOf(matching(/^[0-9A-Za-z .,_-]{1,12}$/)), expect: exact },
  callHandleMethod: { api: "call_handle_method", typical: optionalOf(fc.constantFrom("CID", "CIDLOOKUP", "ANI", "CLOSER")), expect: exact },
  agentSearchMethod: { api: "agent_search_method", typical: optionalOf(fc.constantFrom("LB", "LO", "SO")), expect: exact },
  listId: { api: "list_id", typical: optionalOf(matching(/^[0-9]{3,8}$/)), expect: exact },
  entryListId: { api: "entry_list_id", typical: optionalOf(matching(/^[0-9]{1,8}$/)), expect: exact },
  campaignId: { api: "campaign_id", typical: optionalOf(matching(/^[A-Z0-9]{2,8}$/)), expect: exact },
  phoneCode: { api: "phone_code", typical: optionalOf(matching(/^[0-9]{1,3}$/)), expect: exact },
};
/** A DID's fields outside its route are kept by the form while the route is switched, but not sent. */
function outsideRoute(input: Record<string, unknown>): string[] {
  const route = input.didRoute;
  if (typeof route !== "string" || !DID_ROUTES.includes(route)) return [];
  const used = new Set([...DID_COMMON, ...DID_ROUTE_FIELDS[route]!]);
  return Object.keys(didSettings).filter((field) => !used.has(field));
}

const ip = { api: "server_ip", typical: fc.constant("10.10.10.15"), expect: trimmed };
const extension = { api: "extension", typical: matching(/^[A-Za-z0-9]{2,10}$/), expect: trimmed };
const yesNo = (api: string, values = ["Y", "N"]) => ({ api, typical: optionalOf(fc.constantFrom(...values)), expect: trimmed });
const phoneOptional = {
  phoneContext: { api: "phone_context", typical: optionalOf(matching(/^[a-z_-]{2,15}$/)), expect: trimmed },
  email: { api: "email", typical: optionalOf(matching(/^[a-z0-9._%-]{1,10}@[a-z0-9.-]{1,10}$/)), expect: trimmed },
  isWebphone: yesNo("is_webphone", ["Y", "N", "Y_API_LAUNCH"]),
  webphoneAutoAnswer: yesNo("webphone_auto_answer"),
  useExternalServerIp: yesNo("use_external_server_ip"),
  onHookAgent: yesNo("on_hook_agent"),
};
const timeZones = fc.constantFrom("-5.00", "0.00", "5.75", "-3.5", "+2", "1", " 9.5 ");
const clearableOf = (api: string, typical: fc.Arbitrary<string>): Field => ({ api, typical: fc.oneof(fc.constant(undefined), fc.constant(null), typical), expect: clearable });
const logins = fc.uniqueArray(matching(/^[a-z0-9]{2,8}$/), { minLength: 1, maxLength: 4 });
const cidGroupId: Field = { api: "cid_group_id", typical: fc.oneof(fc.constantFrom("US_SALES", "EMPTY_GRP"), matching(/^[A-Z_]{2,10}$/)), expect: trimmed };
const areacode: Field = { api: "areacode", typical: matching(/^[0-9]{3}$/), expect: trimmed };
/** update_cid_group_entry at one stage; the entry changes read the entries (INFO) first. */
const cidStage = (stage: string) => ({ function: "update_cid_group_entry", stage });

const OPERATIONS: Operation[] = [
  {
    name: "add DID",
    schema: addDidSchema,
    run: (input) => dids.addDidAction(undefined, input as never),
    fields: { didPattern: newDidPattern, didRoute: { api: "did_route", typical: fc.constantFrom(...DID_ROUTES), expect: exact }, ...didSettings },
    write: { function: "add_did" },
    unused: outsideRoute,
  },
  {
    name: "change DID",
    schema: updateDidSchema,
    run: (input) => dids.updateDidAction(undefined, input as never),
    fields: { didPattern, didRoute: { api: "did_route", typical: optionalOf(fc.constantFrom(...DID_ROUTES)), expect: exact }, ...didSettings },
    write: { function: "update_did" },
    unused: outsideRoute,
  },
  {
    name: "delete DID",
    schema: deleteDidSchema,
    run: (input) => dids.deleteDidAction(undefined, input as never),
    fields: { didPattern },
    write: { function: "update_did", delete_did: "Y" },
  },
  {
    name: "copy DID",
    schema: copyDidSchema,
    run: (input) => dids.copyDidAction(undefined, input as never),
    fields: {
      sourceDidPattern: { api: "source_did_pattern", typical: fc.constantFrom("7275551111", "+17275550100", "DEFAULT"), expect: pastedNumber("source_did_pattern", exact) },
      newDids: {
        api: "new_dids",
        typical: fc
          .tuple(fc.uniqueArray(matching(/^[0-9]{6,12}$/), { minLength: 1, maxLength: 5 }), fc.constantFrom(",", "\n", ", ", "\r\n"))
          .map(([entries, separator]) => entries.join(separator)),
        expect: didList,
      },
      description: { api: "did_description", typical: optionalOf(matching(/^[A-Za-z][A-Za-z0-9 .,_-]{5,30}$/)), expect: exact },
    },
    write: { function: "copy_did" },
  },
  {
    name: "add phone",
    schema: addPhoneSchema,
    run: (input) => phones.addPhoneAction(undefined, input as never),
    fields: {
      extension,
      dialplanNumber: { api: "dialplan_number", typical: matching(/^[0-9]{2,10}$/), expect: trimmed },
      voicemailId: { api: "voicemail_id", typical: matching(/^[0-9]{1,10}$/), expect: trimmed },
      phoneLogin: { api: "phone_login", typical: matching(/^[a-z0-9]{1,12}$/), expect: trimmed },
      phonePass: { api: "phone_pass", typical: matching(/^[A-Za-z0-9_-]{1,20}$/), expect: trimmed },
      serverIp: ip,
      protocol: { api: "protocol", typical: fc.constantFrom("SIP", "IAX2", "Zap", "EXTERNAL"), expect: exact },
      registrationPassword: { api: "registration_password", typical: matching(/^[A-Za-z0-9_-]{1,20}$/), expect: trimmed },
      phoneFullName: { api: "phone_full_name", typical: matching(/^[A-Za-z0-9][A-Za-z0-9 +._-]{0,29}$/), expect: trimmed },
      localGmt: { api: "local_gmt", typical: timeZones, expect: timeZone },
      outboundCid: { api: "outbound_cid", typical: matching(/^[0-9]{1,15}$/), expect: pastedNumber("outbound_cid", trimmed) },
      adminUserGroup: { api: "admin_user_group", typical: optionalOf(fc.constantFrom("---ALL---", "ADMIN")), expect: trimmed },
      templateId: { api: "template_id", typical: optionalOf(matching(/^[A-Za-z_]{2,12}$/)), expect: trimmed },
      ...phoneOptional,
    },
    write: { function: "add_phone" },
  },
  {
    name: "change phone",
    schema: updatePhoneSchema,
    run: (input) => phones.updatePhoneAction(undefined, input as never),
    fields: {
      extension,
      serverIp: ip,
      localGmt: { api: "local_gmt", typical: fc.option(timeZones, { nil: undefined }), expect: timeZone },
      email: clearableOf("email", matching(/^[a-z0-9._%-]{3,10}@[a-z0-9.-]{1,10}$/)),
      phoneContext: clearableOf("phone_context", matching(/^[a-z_-]{2,15}$/)),
      phoneFullName: clearableOf("phone_full_name", matching(/^[A-Za-z0-9][A-Za-z0-9 +._-]{1,20}$/)),
      registrationPassword: clearableOf("registration_password", matching(/^[A-Za-z0-9_-]{2,20}$/)),
      templateId: clearableOf("template_id", matching(/^[A-Za-z_]{2,12}$/)),
      protocol: { api: "protocol", typical: fc.option(fc.constantFrom("SIP", "IAX2"), { nil: undefined }), expect: exact },
      phonePass: { api: "phone_pass", typical: fc.option(matching(/^[A-Za-z0-9_-]{2,20}$/), { nil: undefined }), expect: trimmed },
      phoneLogin: { api: "phone_login", typical: fc.option(matching(/^[a-z0-9]{1,12}$/), { nil: undefined }), expect: trimmed },
      voicemailId: { api: "voicemail_id", typical: fc.option(matching(/^[0-9]{2,10}$/), { nil: undefined }), expect: trimmed },
      dialplanNumber: { api: "dialplan_number", typical: fc.option(matching(/^[0-9]{3,10}$/), { nil: undefined }), expect: trimmed },
      active: { api: "active", typical: fc.option(fc.constantFrom("Y", "N"), { nil: undefined }), expect: exact },
      outboundCid: { api: "outbound_cid", typical: fc.option(matching(/^[0-9]{6,18}$/), { nil: undefined }), expect: pastedNumber("outbound_cid", trimmed) },
      adminUserGroup: { api: "admin_user_group", typical: fc.option(fc.constantFrom("---ALL---", "ADMIN"), { nil: undefined }), expect: trimmed },
      isWebphone: { api: "is_webphone", typical: fc.option(fc.constantFrom("Y", "N", "Y_API_LAUNCH"), { nil: undefined }), expect: exact },
      webphoneAutoAnswer: { api: "webphone_auto_answer", typical: fc.option(fc.constantFrom("Y", "N"), { nil: undefined }), expect: exact },
      useExternalServerIp: { api: "use_external_server_ip", typical: fc.option(fc.constantFrom("Y", "N"), { nil: undefined }), expect: exact },
      onHookAgent: { api: "on_hook_agent", typical: fc.option(fc.constantFrom("Y", "N"), { nil: undefined }), expect: exact },
    },
    write: { function: "update_phone" },
  },
  {
    name: "delete phone",
    schema: deletePhoneSchema,
    run: (input) => phones.deletePhoneAction(undefined, input as never),
    fields: { extension, serverIp: ip },
    write: { function: "update_phone", delete_phone: "Y" },
  },
  {
    name: "add alias",
    schema: addAliasSchema,
    run: (input) => aliases.addAliasAction(undefined, input as never),
    fields: {
      aliasId: { api: "alias_id", typical: matching(/^[A-Za-z0-9_-]{2,12}$/), expect: trimmed },
      aliasName: { api: "alias_name", typical: matching(/^[A-Za-z0-9][A-Za-z0-9 +.:/@_-]{0,29}$/), expect: trimmed },
      phoneLogins: { api: "phone_logins", typical: logins, expect: listOf, list: true },
    },
    write: { function: "add_phone_alias" },
  },
  {
    name: "change alias",
    schema: updateAliasSchema,
    run: (input) => aliases.updateAliasAction(undefined, input as never),
    fields: {
      aliasId: { api: "alias_id", typical: matching(/^[A-Za-z0-9_-]{2,12}$/), expect: trimmed },
      aliasName: { api: "alias_name", typical: fc.option(matching(/^[A-Za-z0-9][A-Za-z0-9 +.:/@_-]{1,29}$/), { nil: undefined }), expect: trimmed },
      phoneLogins: { api: "phone_logins", typical: fc.option(logins, { nil: undefined }), expect: listOf, list: true },
    },
    write: { function: "update_phone_alias" },
  },
  {
    name: "delete alias",
    schema: deleteAliasSchema,
    run: (input) => aliases.deleteAliasAction(undefined, input as never),
    fields: { aliasId: { api: "alias_id", typical: matching(/^[A-Za-z0-9_-]{2,12}$/), expect: trimmed } },
    write: { function: "update_phone_alias", delete_alias: "Y" },
  },
  {
    name: "list a CID group",
    schema: addCidGroupSchema,
    run: (input) => cid.addCidGroupAction(undefined, input as never),
    fields: { groupId: cidGroupId },
    // Reading a whole group asks for every area code (lib/vicidial/cid-groups).
    write: { ...cidStage("INFO"), areacode: "---ALL---" },
  },
  {
    name: "add CID entry",
    schema: addCidEntrySchema,
    run: (input) => cid.addCidEntryAction(undefined, input as never),
    fields: {
      groupId: cidGroupId,
      areacode,
      outboundCid: { api: "outbound_cid", typical: matching(/^[0-9]{4,12}$/), expect: pastedNumber("outbound_cid", trimmed) },
      description: { api: "cid_description", typical: fc.oneof(fc.constant(""), matching(/^[A-Za-z0-9 .,_-]{1,20}$/)), expect: trimmed },
      active: { api: "active", typical: fc.boolean(), expect: flag },
    },
    reads: [cidStage("INFO")],
    write: cidStage("ADD"),
  },
  {
    name: "change CID entries",
    schema: updateCidEntriesSchema,
    run: (input) => cid.updateCidEntriesAction(undefined, input as never),
    fields: {
      groupId: cidGroupId,
      areacode,
      outboundCid: { api: "outbound_cid", typical: fc.oneof(fc.constant("---ALL---"), matching(/^[0-9]{4,12}$/)), expect: pastedNumber("outbound_cid", trimmed) },
      description: { api: "cid_description", typical: fc.option(matching(/^[A-Za-z0-9][A-Za-z0-9 .,_-]{0,20}$/), { nil: undefined }), expect: trimmed },
      active: { api: "active", typical: fc.option(fc.boolean(), { nil: undefined }), expect: flag },
    },
    reads: [cidStage("INFO")],
    write: cidStage("UPDATE"),
  },
  {
    name: "delete CID entries",
    schema: deleteCidEntriesSchema,
    run: (input) => cid.deleteCidEntriesAction(undefined, input as never),
    fields: {
      groupId: cidGroupId,
      areacode: { api: "areacode", typical: fc.oneof(fc.constant("---ALL---"), matching(/^[0-9]{3}$/)), expect: trimmed },
      outboundCid: { api: "outbound_cid", typical: fc.option(matching(/^[0-9]{4,12}$/), { nil: undefined }), expect: pastedNumber("outbound_cid", trimmed) },
    },
    reads: [cidStage("INFO")],
    write: cidStage("DELETE"),
    // The whole-group delete needs the group id typed again; the check of that is the schema's.
    prepare: (input) => ({ ...input, confirmGroupId: input.groupId }),
  },
  {
    name: "look up a call",
    schema: lookupCallSchema,
    run: (input) => calls.lookupCallAction(undefined, input as never),
    fields: {
      callId: {
        api: "call_id",
        typical: fc.oneof(matching(/^(M|V|Y|DC|LP)[0-9]{17,24}$/), fc.constantFrom('  "M2151015000000012345"\n', "M2151015000000012345")),
        expect: callId,
      },
    },
    write: { function: "callid_info", detail: "YES", header: "YES", stage: "pipe" },
  },
];

// ---------------------------------------------------------------------------------------------
// The property

/** An input a user could submit: typical values, with up to two fields holding hostile strings. */
function inputs(op: Operation): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(op.fields);
  const typical = fc.record(Object.fromEntries(names.map((name) => [name, op.fields[name]!.typical])));
  const hostileValue = (name: string) =>
    op.fields[name]!.list
      ? fc.oneof(fc.array(hostileString, { minLength: 1, maxLength: 4 }), fc.tuple(logins, hostileString).map(([list, bad]) => [...list, bad]))
      : hostileString;
  const hostile = fc.uniqueArray(fc.constantFrom(...names), { maxLength: Math.min(2, names.length) }).chain((chosen) =>
    fc.tuple(...chosen.map((name) => hostileValue(name).map((value) => [name, value] as const))),
  );
  return fc.tuple(typical, hostile).map(([values, replaced]) => {
    const input: Record<string, unknown> = { ...values };
    for (const [name, value] of replaced) input[name] = value;
    for (const name of names) if (input[name] === undefined) delete input[name];
    return op.prepare ? op.prepare(input) : input;
  });
}

/** The pairs a request carried, refusing parameters sent both ways (GET beats POST, contract 1.1). */
function pairsOf(request: ReceivedRequest, method: HttpMethod): [string, string][] {
  const [used, unused] = method === "POST" ? [request.body, request.query] : [request.query, request.body];
  expect(unused, "parameters sent the other way").toEqual([]);
  expect(request.method).toBe(method);
  return used;
}

function matches(pairs: [string, string][], fixed: Record<string, string>): boolean {
  return Object.entries(fixed).every(([name, value]) => pairs.some(([n, v]) => n === name && v === value));
}

function checkOutcome(op: Operation, input: Record<string, unknown>, result: ActionResult<unknown>, sent: ReceivedRequest[], method: HttpMethod): void {
  if (sent.length === 0) {
    // Refused before sending: a message the form shows beside a field, or above the form.
    expect(result.ok, "nothing was sent, yet the action reports success").toBe(false);
    if (!result.ok) {
      expect(result.error.message).not.toBe("");
      expect(["validation", "conflict"]).toContain(result.error.kind);
    }
    return;
  }
  // What each field must arrive as; fields the operation does not send for this input must not arrive.
  const expected = expectedParameters(op, input);
  const fixedNames = new Set([...Object.keys(BASE), ...Object.keys(op.write), ...(op.reads ?? []).flatMap((read) => Object.keys(read))]);

  let writes = 0;
  for (const request of sent) {
    const pairs = pairsOf(request, method);
    const names = pairs.map(([name]) => name);
    expect(new Set(names).size, `a parameter arrived twice: ${names.join(" ")}`).toBe(names.length);
    for (const [name, value] of pairs) {
      if (expected.has(name)) {
        expect(value, `${name} arrived altered`).toBe(expected.get(name));
      } else {
        expect(fixedNames.has(name), `${name} was added`).toBe(true);
      }
    }
    for (const [name, value] of Object.entries(BASE)) expect(pairs).toContainEqual([name, value]);
    if (!matches(pairs, op.write)) {
      expect(op.reads?.some((read) => matches(pairs, read)), `an unexpected request: ${names.join(" ")}`).toBe(true);
      continue;
    }
    writes += 1;
    // The write carries every field the user gave, and only those.
    const given = [...expected].filter(([, value]) => value !== undefined).map(([name]) => name);
    const wanted = [...Object.keys(BASE), ...Object.keys(op.write), ...given].sort();
    expect([...names].sort(), "the write's parameters").toEqual(wanted);
  }
  expect(writes, "more than one write").toBeLessThanOrEqual(1);
  if (writes === 0) expect(result.ok, "no write was sent, yet the action reports success").toBe(false);
}

function runsFor(base: number): number {
  return Math.max(1, Math.round(base * SCALE));
}

async function assertProperty<T>(name: string, property: fc.IAsyncProperty<[T]> | fc.IProperty<[T]>, numRuns: number) {
  try {
    await fc.assert(property, { seed: SEED, numRuns });
  } catch (error) {
    console.error(`hostile input: "${name}" failed with seed ${SEED}; rerun with HOSTILE_INPUT_SEED=${SEED}`);
    throw error;
  }
}

/** What the wire must carry for each field of `input`, per VICIdial parameter; undefined: not sent. */
function expectedParameters(op: Operation, input: Record<string, unknown>): Map<string, string | undefined> {
  const unused = new Set(op.unused?.(input) ?? []);
  return new Map(Object.entries(op.fields).map(([name, field]) => [field.api, unused.has(name) ? undefined : field.expect(input[name])]));
}

describe("every operation's schema keeps what the user typed, or refuses it", () => {
  // Pure and fast, so many cases: the schema's output, as the wire would carry it, is the input.
  for (const op of OPERATIONS) {
    it(op.name, async () => {
      const check = fc.property(inputs(op), (input) => {
        const parsed = op.schema.safeParse(input);
        if (!parsed.success) {
          expect(parsed.error.issues.every((issue) => issue.message !== "")).toBe(true);
          return;
        }
        const output = parsed.data as Record<string, unknown>;
        const wanted = expectedParameters(op, input);
        const got = expectedParameters(op, output);
        expect(Object.fromEntries(got), JSON.stringify(output)).toEqual(Object.fromEntries(wanted));
      });
      await assertProperty(`${op.name} (schema)`, check, runsFor(1000));
    }, PROPERTY_TIMEOUT_MS);
  }
});

describe("hostile input reaches VICIdial exactly as typed, or not at all", () => {
  useTestDatabase("pglite");
  const received: ReceivedRequest[] = [];
  let sim: RunningSimulator;
  let method: HttpMethod = "POST";
  let casesSent = 0;
  let casesRefused = 0;

  beforeAll(async () => {
    // One simulator and one keep-alive client for thousands of requests.
    sim = await startSimulator({ port: 0, onRequest: (request) => received.push(request) });
    configureVicidial(() => ({ url: sim.url, ...API, method, timeoutMs: 5000 }));
    session.user = ADMIN;
  });
  afterAll(async () => {
    await sim.close();
    console.info(`hostile input: seed ${SEED}; ${casesSent} form inputs sent, ${casesRefused} refused before sending`);
  });

  /** Whatever the input, its audit entry is written (the action wrapper only logs a failed write). */
  function auditWritten<T>(run: () => Promise<T>): Promise<T> {
    const errors = vi.spyOn(console, "error");
    return run().finally(() => {
      const lost = errors.mock.calls.filter(([message]) => /audit entry .* not written/.test(String(message)));
      errors.mockRestore();
      expect(lost, "an audit entry was lost").toEqual([]);
    });
  }

  function property(op: Operation) {
    return fc.asyncProperty(inputs(op), async (input) => {
      const before = received.length;
      const result = await auditWritten(() => op.run(input));
      const sent = received.slice(before);
      if (sent.length === 0) casesRefused += 1;
      else casesSent += 1;
      checkOutcome(op, input, result, sent, method);
    });
  }

  /** Parameter names the client sends itself; the rest may be anything a caller passes. */
  const OWN = new Set(["source", "user", "pass", "function"]);
  const parameterName = fc.constantFrom(...Object.keys(PARAMETER_RULES).filter((name) => !OWN.has(name)), "did_pattern", "new_dids", "group");
  /** Browsers submit forms as well-formed Unicode: a lone surrogate cannot come from a form. */
  const wellFormed = hostileString.filter((value) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value));

  for (const [httpMethod, wire, forms] of [
    ["POST", 1000, 40],
    ["GET", 300, 12],
  ] as const) {
    describe(`sent as ${httpMethod}`, () => {
      beforeAll(() => {
        method = httpMethod;
      });

      it("the client's encoding and transport deliver any values as they were given", async () => {
        // Below the schemas: whatever reaches the client arrives byte for byte, in order.
        const client = createVicidialClient({ url: sim.url, ...API, method: httpMethod, timeoutMs: 5000 });
        const parameters = fc.uniqueArray(fc.tuple(parameterName, wellFormed), { maxLength: 8, selector: ([name]) => name });
        const delivered = fc.asyncProperty(fc.constantFrom("update_did", "add_phone", "update_cid_group_entry", "callid_info"), parameters, async (fn, params) => {
          const before = received.length;
          await client.call(rawRequest(fn, params.map(([name, value]) => [name, value])));
          const sent = received.slice(before);
          expect(sent).toHaveLength(1);
          expect(pairsOf(sent[0]!, httpMethod)).toEqual([["source", "contracttest"], ["user", API.user], ["pass", API.pass], ["function", fn], ...params]);
        });
        try {
          await assertProperty(`client encoding (${httpMethod})`, delivered as never, runsFor(wire));
        } finally {
          await client.close();
        }
      }, PROPERTY_TIMEOUT_MS);

      for (const op of OPERATIONS) {
        it(`${op.name}, from the form to VICIdial`, async () => {
          await assertProperty(`${op.name} (${httpMethod})`, property(op), runsFor(forms));
        }, PROPERTY_TIMEOUT_MS);
      }

      it("look up a batch of calls: each valid ID once, invalid ones never", async () => {
        const ids = fc.array(fc.oneof(OPERATIONS.at(-1)!.fields.callId!.typical as fc.Arbitrary<string>, hostileString), { minLength: 1, maxLength: 10 });
        const batch = fc.asyncProperty(ids, async (callIds) => {
          const before = received.length;
          const result = await auditWritten(() => calls.lookupCallBatchAction(undefined, { callIds }));
          const sent = received.slice(before).map((request) => pairsOf(request, method));
          if (!result.ok) {
            expect(sent).toEqual([]);
            expect(result.error.kind).toBe("validation");
            return;
          }
          const looked = result.data.rows.filter((row) => row.state !== "invalid").map((row) => row.callId);
          for (const id of looked) expect(callIds.map((pasted) => callId(pasted))).toContain(id);
          const sentIds = sent.map((pairs) => pairs.filter(([name]) => name === "call_id").map(([, value]) => value));
          for (const one of sentIds) expect(one).toHaveLength(1);
          expect(sentIds.flat().sort()).toEqual([...looked].sort());
          for (const pairs of sent) {
            expect(pairs.map(([name]) => name).sort()).toEqual(["call_id", "detail", "function", "header", "pass", "source", "stage", "user"]);
          }
        });
        await assertProperty(`call batch (${httpMethod})`, batch, runsFor(forms / 4));
      }, PROPERTY_TIMEOUT_MS);
    });
  }
});
