import { RECORD_CALL_LABELS, ROUTE_LABELS } from "@/lib/dids/fields";
import { PHONE_COLUMN_OF, PHONE_LISTED_FIELDS, phoneFieldLabel, type PhoneField } from "@/lib/phones/fields";
import { actionLabel } from "./actions";

/**
 * What an audit entry changed, in words: the field-by-field diff of its before and after
 * snapshots (the inventory rows, or a CID area code's entries), and the one-line summary the
 * list shows ("Route: In-group TEST_IN → Extension 8300"). Pure: the pages and tests call it.
 */

export interface FieldChange {
  /** A stable key (the column, or "area code/CID: column" for CID entries). */
  key: string;
  label: string;
  before: string | null;
  after: string | null;
}

type Snapshot = Record<string, unknown>;
type Format = (value: unknown, row: Snapshot) => string | null;

const text: Format = (value) => (value === null || value === undefined || value === "" ? null : String(value));
const yesNo: Format = (value) => (value === "Y" || value === true ? "Yes" : value === "N" || value === false ? "No" : text(value, {}));
const choice =
  (labels: Record<string, string>): Format =>
  (value) =>
    typeof value === "string" ? (labels[value] ?? value) : text(value, {});

/** Where a DID route sends calls: the route's word and its target, as one value. */
const ROUTE_TARGET: Record<string, string> = {
  EXTEN: "extension",
  VOICEMAIL: "voicemailExt",
  VMAIL_NO_INST: "voicemailExt",
  PHONE: "phoneExtension",
  IN_GROUP: "groupId",
  CALLMENU: "menuId",
};
const didRoute: Format = (value, row) => {
  if (typeof value !== "string" || value === "") return null;
  const target = text(row[ROUTE_TARGET[value] ?? ""], row);
  const word = ROUTE_LABELS[value as keyof typeof ROUTE_LABELS] ?? value;
  return target ? `${word} ${target}` : word;
};

interface FieldInfo {
  label: string;
  format?: Format;
  /** Shown as part of another field (a DID's route target is part of "Route"). */
  within?: string;
}

const DID_FIELDS: Record<string, FieldInfo> = {
  route: { label: "Route", format: didRoute },
  extension: { label: "Extension", within: "route" },
  voicemailExt: { label: "Voicemail box", within: "route" },
  phoneExtension: { label: "Phone extension", within: "route" },
  groupId: { label: "In-group", within: "route" },
  menuId: { label: "Call menu", within: "route" },
  description: { label: "Description" },
  active: { label: "Active", format: yesNo },
  extenContext: { label: "Extension context" },
  serverIp: { label: "Server IP" },
  recordCall: { label: "Record calls", format: choice(RECORD_CALL_LABELS) },
  filterCleanCidNumber: { label: "Clean CID number filter" },
  callHandleMethod: { label: "Call handle method" },
  agentSearchMethod: { label: "Agent search method" },
  listId: { label: "List ID" },
  entryListId: { label: "Entry list ID" },
  campaignId: { label: "Campaign" },
  phoneCode: { label: "Phone code" },
  didId: { label: "VICIdial DID ID" },
};

/** How the phone settings that are choices read; every label is the phone field table's. */
const PHONE_FORMATS: Partial<Record<PhoneField, Format>> = {
  isWebphone: choice({ Y: "Yes", N: "No", Y_API_LAUNCH: "Yes, launched through the API" }),
  webphoneAutoAnswer: yesNo,
  useExternalServerIp: yesNo,
  onHookAgent: yesNo,
  active: yesNo,
};

/** By inventory column, as a phone's snapshot holds it. */
const PHONE_FIELDS: Record<string, FieldInfo> = Object.fromEntries(
  PHONE_LISTED_FIELDS.map((field) => {
    const format = PHONE_FORMATS[field];
    return [PHONE_COLUMN_OF[field], format ? { label: phoneFieldLabel(field), format } : { label: phoneFieldLabel(field) }];
  }),
);

const ALIAS_FIELDS: Record<string, FieldInfo> = {
  aliasId: { label: "Alias ID" },
  aliasName: { label: "Alias name" },
  phoneLogins: { label: "Phone logins", format: (value) => (typeof value === "string" ? value.split(",").join(", ") : text(value, {})) },
};

const CID_ENTRY_FIELDS: Record<string, FieldInfo> = {
  active: { label: "Active", format: yesNo },
  description: { label: "Description" },
};

const FIELDS_BY_RESOURCE: Record<string, Record<string, FieldInfo>> = { did: DID_FIELDS, phone: PHONE_FIELDS, alias: ALIAS_FIELDS };

/** Bookkeeping columns that say nothing about the object. */
const IGNORED = new Set(["updatedAt", "updatedBy", "target", "searchText", "callCountToday", "createdAt"]);

const asSnapshot = (value: unknown): Snapshot | null => (value && typeof value === "object" && !Array.isArray(value) ? (value as Snapshot) : null);

/** A readable label for a column nobody listed: "voicemailExt" → "Voicemail ext". */
function fallbackLabel(column: string): string {
  const words = column.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A parameter's or column's name as the forms say it. */
export function fieldLabel(resource: string, column: string): string {
  return FIELDS_BY_RESOURCE[resource]?.[column]?.label ?? fallbackLabel(column);
}

function diffRows(before: Snapshot | null, after: Snapshot | null, fields: Record<string, FieldInfo>, prefix = ""): FieldChange[] {
  const was = before ?? {};
  const now = after ?? {};
  const listed = Object.keys(fields).filter((column) => !fields[column]!.within);
  const unlisted = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((column) => !(column in fields) && !IGNORED.has(column));
  return [...listed, ...unlisted].flatMap((column) => {
    const info = fields[column] ?? { label: fallbackLabel(column) };
    const format = info.format ?? text;
    const from = before ? format(was[column], was) : null;
    const to = after ? format(now[column], now) : null;
    if (from === to) return [];
    return [{ key: `${prefix}${column}`, label: `${prefix}${info.label}`, before: from, after: to }];
  });
}

interface CidEntry {
  areacode: string;
  outboundCid: string;
  [column: string]: unknown;
}
const asCidEntries = (value: unknown): CidEntry[] | null =>
  Array.isArray(value) ? value.filter((row): row is CidEntry => !!row && typeof row === "object" && "areacode" in row && "outboundCid" in row) : null;

/** CID snapshots are an area code's entries: matched by area code and caller ID, then diffed. */
function diffCidEntries(before: CidEntry[], after: CidEntry[], action: string): FieldChange[] {
  const key = (row: CidEntry) => `${row.areacode} ${row.outboundCid}`;
  const was = new Map(before.map((row) => [key(row), row]));
  const now = new Map(after.map((row) => [key(row), row]));
  // A delete's after is not recorded as a list: the entries it matched are gone.
  if (action === "cid.delete") for (const k of was.keys()) now.delete(k);
  const changes: FieldChange[] = [];
  for (const k of new Set([...was.keys(), ...now.keys()])) {
    const from = was.get(k);
    const to = now.get(k);
    const [areacode, cid] = k.split(" ");
    const prefix = `Area code ${areacode}, ${cid}: `;
    if (!from || !to) {
      const state = (row: CidEntry) => [yesNo(row.active, row) === "No" ? "inactive" : "active", text(row.description, row)].filter(Boolean).join(", ");
      changes.push({ key: `${k}:entry`, label: `${prefix}entry`, before: from ? state(from) : null, after: to ? state(to) : null });
      continue;
    }
    changes.push(...diffRows(from, to, CID_ENTRY_FIELDS, prefix));
  }
  return changes;
}

export interface ChangeSource {
  action: string;
  resource: string;
  before: unknown;
  after: unknown;
}

/** Every field that differs between the entry's before and after, in the field table's order. */
export function entryChanges(entry: ChangeSource): FieldChange[] {
  const cidBefore = asCidEntries(entry.before);
  const cidAfter = asCidEntries(entry.after);
  if (entry.resource === "cid" && (cidBefore || cidAfter)) return diffCidEntries(cidBefore ?? [], cidAfter ?? [], entry.action);
  const before = asSnapshot(entry.before);
  const after = asSnapshot(entry.after);
  if (!before && !after) return [];
  return diffRows(before, after, FIELDS_BY_RESOURCE[entry.resource] ?? {});
}

const shown = (value: string | null) => value ?? "—";

/** "Route: In-group TEST_IN → Extension 8300" for a change; "Route: Extension 8300" for a new value. */
export function changeLine(change: FieldChange): string {
  if (change.before === null) return `${change.label}: ${shown(change.after)}`;
  if (change.after === null) return `${change.label}: ${shown(change.before)} → removed`;
  return `${change.label}: ${change.before} → ${change.after}`;
}

const SUMMARY_LINES = 3;

/**
 * The list's line: what changed for a change; for an add or a delete, which fields it had is
 * less telling than the message, so the message stands (it names the object); otherwise the
 * action's words.
 */
export function entrySummary(entry: ChangeSource & { message?: string | null }): string[] {
  const isUpdate = entry.before != null && entry.after != null;
  if (isUpdate) {
    const changes = entryChanges(entry);
    if (changes.length > 0) {
      const lines = changes.slice(0, SUMMARY_LINES).map(changeLine);
      if (changes.length > SUMMARY_LINES) lines.push(`and ${changes.length - SUMMARY_LINES} more`);
      return lines;
    }
    return ["Nothing changed"];
  }
  return entry.message ? [entry.message] : [actionLabel(entry.action)];
}

/** What an entry did, in words, as every list and panel shows it: the action's name and the lines below it. */
export interface EntryDescription {
  label: string;
  /** What changed, or the message; empty when it would only repeat the label. */
  details: string[];
}

export function describeEntry(entry: ChangeSource & { message?: string | null }): EntryDescription {
  const lines = entrySummary(entry);
  const label = actionLabel(entry.action);
  return { label, details: lines.length === 1 && lines[0] === label ? [] : lines };
}
