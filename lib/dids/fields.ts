import type { dids } from "@/lib/db/schema/inventory";
import type { ApiParameter } from "@/lib/vicidial/parameters";

/**
 * The DID's settings, one line each (contract 2.6 add_did, 2.8 update_did, in VICIdial's order):
 * the form field, VICIdial's parameter, the inventory column, the label, the CSV header names
 * that also mean it, the rule its value follows and what VICIdial stores when add_did is not
 * given it. The schemas, the API parameters, the inventory columns, the CSV columns and the
 * labels are derived from this table (lib/dids/schemas.ts, lib/vicidial/dids.ts,
 * lib/dids/inventory.ts, lib/jobs/prepare/dids.ts): a new setting is one line here plus its input.
 * No server code: the forms use it too.
 */

export const DID_ROUTES = ["EXTEN", "VOICEMAIL", "VMAIL_NO_INST", "PHONE", "IN_GROUP", "CALLMENU", "AGENT"] as const;
export type DidRoute = (typeof DID_ROUTES)[number];

export const RECORD_CALL_VALUES = ["N", "Y", "Y_QUEUESTOP"] as const;
export type RecordCall = (typeof RECORD_CALL_VALUES)[number];

/** The column is ENUM('LO','LB','SO'): anything else is stored as '' although the API accepts it (2.6 row 14). */
export const AGENT_SEARCH_METHODS = ["LB", "LO", "SO"] as const;
export type AgentSearchMethod = (typeof AGENT_SEARCH_METHODS)[number];

/** What the values mean, for selects and the detail page. */
export const ROUTE_LABELS: Record<DidRoute, string> = {
  EXTEN: "Extension",
  VOICEMAIL: "Voicemail",
  VMAIL_NO_INST: "Voicemail, no instructions",
  PHONE: "Phone",
  IN_GROUP: "In-group",
  CALLMENU: "Call menu",
  AGENT: "Agent",
};
export const RECORD_CALL_LABELS: Record<RecordCall, string> = {
  N: "No",
  Y: "Yes",
  Y_QUEUESTOP: "Yes, stop when the call leaves the queue",
};
export const AGENT_SEARCH_LABELS: Record<AgentSearchMethod, string> = {
  LB: "Load balanced (LB)",
  LO: "Load balanced, overflow (LO)",
  SO: "Server only (SO)",
};

/**
 * VICIdial checks call_handle_method only for length (2.6 row 13); these are the values its
 * admin screen offers, suggested in the form. Newer releases add more, so others are allowed.
 */
export const CALL_HANDLE_METHODS = [
  "CID",
  "CIDLOOKUP",
  "CIDLOOKUPRL",
  "CIDLOOKUPRC",
  "CIDLOOKUPALT",
  "CIDLOOKUPRLALT",
  "CIDLOOKUPRCALT",
  "CIDLOOKUPADDR3",
  "CIDLOOKUPRLADDR3",
  "CIDLOOKUPRCADDR3",
  "CIDLOOKUPALTADDR3",
  "CIDLOOKUPRLALTADDR3",
  "CIDLOOKUPRCALTADDR3",
  "ANI",
  "ANILOOKUP",
  "ANILOOKUPRL",
  "VIDPROMPT",
  "VIDPROMPTLOOKUP",
  "VIDPROMPTLOOKUPRL",
  "VIDPROMPTLOOKUPRC",
  "CLOSER",
  "3DIGITID",
  "4DIGITID",
  "5DIGITID",
  "10DIGITID",
] as const;

/** Free text: VICIdial's whitelist for `api` plus these lengths; `pattern` is a rule beyond the whitelist. */
export interface TextRule {
  kind: "text";
  min: number;
  max: number;
  pattern?: { test: RegExp; message: string };
}
export type FieldRule = TextRule | { kind: "yesNo" } | { kind: "choice"; values: readonly [string, ...string[]]; labels: Record<string, string> };

export interface FieldSpec {
  api: ApiParameter;
  column: keyof typeof dids.$inferSelect;
  label: string;
  /** Header names a CSV file may use for it, besides the field name and the label. */
  csv: readonly string[];
  rule: FieldRule;
  /** What VICIdial stores when add_did is not given it (2.6, "Omitted fields take the column defaults"). */
  added?: string | boolean;
}

const text = (min: number, max: number, pattern?: TextRule["pattern"]): TextRule => ({ kind: "text", min, max, ...(pattern ? { pattern } : {}) });
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export const DID_FIELD_TABLE = {
  description: { api: "did_description", column: "description", label: "Description", csv: ["did_description", "desc"], rule: text(6, 50) },
  active: { api: "active", column: "active", label: "Active", csv: ["did_active"], rule: { kind: "yesNo" }, added: true },
  didRoute: { api: "did_route", column: "route", label: "Route", csv: ["did_route", "route"], rule: { kind: "choice", values: DID_ROUTES, labels: ROUTE_LABELS }, added: "EXTEN" },
  recordCall: { api: "record_call", column: "recordCall", label: "Call recording", csv: ["record_call", "record", "recording"], rule: { kind: "choice", values: RECORD_CALL_VALUES, labels: RECORD_CALL_LABELS }, added: "N" },
  extension: { api: "extension", column: "extension", label: "Extension", csv: ["exten"], rule: text(1, 50), added: "9998811112" },
  extenContext: { api: "exten_context", column: "extenContext", label: "Extension context", csv: ["exten_context", "context"], rule: text(1, 50), added: "default" },
  voicemailExt: { api: "voicemail_ext", column: "voicemailExt", label: "Voicemail box", csv: ["voicemail_ext", "voicemail"], rule: text(1, 10) },
  phoneExtension: { api: "phone_extension", column: "phoneExtension", label: "Phone extension", csv: ["phone_extension", "phone"], rule: text(1, 100) },
  serverIp: { api: "server_ip", column: "serverIp", label: "Server IP", csv: ["server_ip", "server"], rule: text(7, 15, { test: IPV4, message: "Server IP must be an IPv4 address such as 10.10.10.15" }) },
  // VICIdial's admin screen allows 2-20 characters for in-group and 2-8 for campaign IDs.
  group: { api: "group", column: "groupId", label: "In-group", csv: ["group_id", "in_group", "ingroup"], rule: text(2, 20, { test: /^[A-Za-z0-9_-]+$/, message: "In-group IDs hold only letters, digits, - and _" }) },
  menuId: { api: "menu_id", column: "menuId", label: "Call menu", csv: ["menu_id", "call_menu", "menu"], rule: text(2, 50) },
  filterCleanCidNumber: { api: "filter_clean_cid_number", column: "filterCleanCidNumber", label: "Clean CID number filter", csv: ["filter_clean_cid_number"], rule: text(1, 20) },
  callHandleMethod: {
    api: "call_handle_method",
    column: "callHandleMethod",
    label: "Call handle method",
    csv: ["call_handle_method"],
    rule: text(3, 20, { test: /^[A-Z0-9_]+$/, message: "Call handle method is written in capital letters, such as CID or CIDLOOKUP" }),
    added: "CID",
  },
  agentSearchMethod: { api: "agent_search_method", column: "agentSearchMethod", label: "Agent search method", csv: ["agent_search_method"], rule: { kind: "choice", values: AGENT_SEARCH_METHODS, labels: AGENT_SEARCH_LABELS }, added: "LB" },
  // The column is BIGINT: letters would pass the API's length check and be stored as 0 (2.6 row 15).
  listId: { api: "list_id", column: "listId", label: "List ID", csv: ["list_id", "list"], rule: text(3, 14, { test: /^\d+$/, message: "List ID must be digits only" }), added: "999" },
  entryListId: { api: "entry_list_id", column: "entryListId", label: "Entry list ID", csv: ["entry_list_id"], rule: text(1, 14), added: "0" },
  campaignId: { api: "campaign_id", column: "campaignId", label: "Campaign", csv: ["campaign_id", "campaign"], rule: text(2, 8) },
  phoneCode: { api: "phone_code", column: "phoneCode", label: "Phone code", csv: ["phone_code"], rule: text(1, 10), added: "1" },
} as const satisfies Record<string, FieldSpec>;

export type DidField = keyof typeof DID_FIELD_TABLE;
export const DID_FIELDS = Object.keys(DID_FIELD_TABLE) as DidField[];

/** One property of every field, keyed by field: `fieldMap("column")`, `fieldMap("label")`. */
export function fieldMap<P extends "api" | "column" | "label" | "csv">(property: P): { [K in DidField]: (typeof DID_FIELD_TABLE)[K][P] } {
  return Object.fromEntries(DID_FIELDS.map((field) => [field, DID_FIELD_TABLE[field][property]])) as never;
}

export function didFieldLabel(field: DidField): string {
  return DID_FIELD_TABLE[field].label;
}
