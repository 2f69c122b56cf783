import { and, asc, eq, ilike, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { pagePosition, sortKeys, tablePage, tableRows, type KeysetPage, type ListTotal, type PagePosition, type SortDirection, type TableList } from "@/lib/db/paging";
import { escapeLike } from "@/lib/db/search";
import { getDb } from "@/lib/db";
import { phones } from "@/lib/db/schema";
import { PHONE_COLUMN_OF, PHONE_SETTING_FIELDS } from "@/lib/phones/fields";
import { NOT_REGISTERED } from "@/lib/phones/sip-status";
import type { PhoneKey } from "@/lib/phones/schemas";

/**
 * The phones the dashboard knows. VICIdial's API cannot list phones, so a row is written only
 * after VICIdial confirmed an add or a change, and removed only after it confirmed a delete.
 * Passwords are never stored. VICIdial compares extension and server without regard to case
 * (MySQL collation), and so do the lookups here.
 */
export type PhoneRow = typeof phones.$inferSelect;
/** Everything but the timestamp, which the database sets. */
export type PhoneRecord = Omit<typeof phones.$inferInsert, "updatedAt">;

export const PHONE_SORTS = ["extension", "server", "login", "protocol", "name", "voicemail", "cid", "active", "updated"] as const;
export type PhoneSort = (typeof PHONE_SORTS)[number];

export interface PhoneListQuery {
  /** Part of the extension, login, full name or outbound CID. */
  q?: string;
  server?: string;
  protocol?: string;
  /** "not_registered": phones whose SIP registration VICIdial reports as anything but working (on phones_peer_status_idx). */
  sip?: string;
  sort?: PhoneSort;
  dir?: SortDirection;
  /** The URL's keyset position (lib/db/paging.ts): cursors are phoneCursor's `server/extension`. */
  position?: PagePosition;
  pageSize?: number;
}

export const PHONE_PAGE_SIZE = 25;

/** The list's SIP filter value (URL `sip=not_registered`). */
export const SIP_FILTER_NOT_REGISTERED = "not_registered";

/**
 * Each sort's keys, the phone's key (extension, then server) last as tie-breaker; each has an
 * index on exactly these keys (lib/db/schema/inventory.ts), so any page is an index walk.
 */
const PHONE_KEY = [sql`${phones.extension}`, sql`${phones.serverIp}`];
const PHONE_SORT_KEYS = {
  extension: PHONE_KEY,
  server: [sql`${phones.serverIp}`, sql`${phones.extension}`],
  login: [...sortKeys(phones.login, false), ...PHONE_KEY],
  protocol: [...sortKeys(phones.protocol, false), ...PHONE_KEY],
  name: [...sortKeys(phones.fullName, true), ...PHONE_KEY],
  voicemail: [...sortKeys(phones.voicemailId, true), ...PHONE_KEY],
  cid: [...sortKeys(phones.outboundCid, true), ...PHONE_KEY],
  active: [...sortKeys(phones.active, true), ...PHONE_KEY],
  updated: [...sortKeys(phones.updatedAt, false), ...PHONE_KEY],
} satisfies Record<PhoneSort, SQL[]>;

export function isPhoneSort(value: string | undefined): value is PhoneSort {
  return (PHONE_SORTS as readonly string[]).includes(value ?? "");
}

/** A list view as the URL holds it (the page and its export); anything unknown falls back to the default. */
export function phoneListQuery(params: Record<string, string | undefined>): PhoneListQuery {
  const sort = isPhoneSort(params.sort) ? params.sort : "extension";
  return { q: params.q, server: params.server, protocol: params.protocol, sip: params.sip, sort, dir: params.dir === "desc" ? "desc" : "asc", position: pagePosition(params) };
}

const sameKey = (key: PhoneKey): SQL =>
  and(sql`lower(${phones.serverIp}) = lower(${key.serverIp})`, sql`lower(${phones.extension}) = lower(${key.extension})`)!;

/** A phone's list cursor: `server/extension` (a server is an IPv4 address, so the first slash splits). */
export function phoneCursor(phone: PhoneKey): string {
  return `${phone.serverIp}/${phone.extension}`;
}

/** The row a cursor names, exactly as stored (the primary key); none for a cursor without a slash. */
function cursorRow(cursor: string): SQL {
  const slash = cursor.indexOf("/");
  if (slash < 0) return sql`false`;
  return and(eq(phones.serverIp, cursor.slice(0, slash)), eq(phones.extension, cursor.slice(slash + 1)))!;
}

function phoneList(query: PhoneListQuery): TableList<typeof phones> {
  const q = query.q?.trim();
  const pattern = q ? `%${escapeLike(q)}%` : "";
  const where = and(
    query.server ? eq(phones.serverIp, query.server) : undefined,
    query.protocol ? eq(phones.protocol, query.protocol) : undefined,
    query.sip === SIP_FILTER_NOT_REGISTERED ? inArray(phones.peerStatus, [...NOT_REGISTERED]) : undefined,
    q ? or(ilike(phones.extension, pattern), ilike(phones.login, pattern), ilike(phones.fullName, pattern), ilike(phones.outboundCid, pattern)) : undefined,
  );
  return { table: phones, where, keys: PHONE_SORT_KEYS[query.sort ?? "extension"], cursorRow };
}

/** One page of phones, searched, filtered and sorted in the database, at the URL's keyset position, with the capped count. */
export async function listPhones(query: PhoneListQuery = {}): Promise<KeysetPage<PhoneRow> & { total: ListTotal }> {
  return tablePage(await getDb(), phoneList(query), { position: query.position ?? {}, dir: query.dir ?? "asc", size: query.pageSize ?? PHONE_PAGE_SIZE, keyOf: phoneCursor });
}

/** The `limit` phones of the view that follow `after` (from the start without), for an export. */
export async function phonesAfter(query: PhoneListQuery, after: PhoneKey | undefined, limit: number): Promise<PhoneRow[]> {
  return tableRows(await getDb(), phoneList(query), after && phoneCursor(after), query.dir ?? "asc", limit);
}

export async function getPhone(key: PhoneKey): Promise<PhoneRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(phones).where(sameKey(key)).limit(1);
  return row ?? null;
}

/**
 * After VICIdial confirmed an add or a change: writes `record` whole (an existing row keeps its
 * key's spelling). Refuses anything that looks like a password rather than storing it.
 */
export async function upsertPhone(record: PhoneRecord): Promise<PhoneRow> {
  if ("phonePass" in record || "registrationPassword" in record) throw new Error("Phone passwords are never stored in the inventory");
  const db = await getDb();
  const existing = await getPhone(record);
  const values = { ...record, ...(existing ? { serverIp: existing.serverIp, extension: existing.extension } : {}), updatedAt: new Date() };
  const [saved] = await db
    .insert(phones)
    .values(values)
    .onConflictDoUpdate({ target: [phones.serverIp, phones.extension], set: values })
    .returning();
  if (!saved) throw new Error(`Phone ${record.serverIp}/${record.extension} was not saved`);
  return saved;
}

/** After VICIdial confirmed the delete. Returns the removed row. */
export async function removePhone(key: PhoneKey): Promise<PhoneRow | null> {
  const db = await getDb();
  const [removed] = await db.delete(phones).where(sameKey(key)).returning();
  return removed ?? null;
}

/** The server IPs of known phones, for the list filter and the add form's suggestions. */
export async function knownPhoneServers(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.selectDistinct({ serverIp: phones.serverIp }).from(phones).orderBy(asc(phones.serverIp));
  return rows.map((row) => row.serverIp);
}

export interface PhoneLoginOption {
  login: string;
  extension: string;
  serverIp: string;
  fullName: string | null;
}

/** Known phones whose login, extension or name contains `q`, for the alias login picker. */
export async function searchPhoneLogins(q: string, limit = 20): Promise<PhoneLoginOption[]> {
  const db = await getDb();
  const text = q.trim();
  const pattern = `%${escapeLike(text)}%`;
  return db
    .select({ login: phones.login, extension: phones.extension, serverIp: phones.serverIp, fullName: phones.fullName })
    .from(phones)
    .where(text ? or(ilike(phones.login, pattern), ilike(phones.extension, pattern), ilike(phones.fullName, pattern)) : undefined)
    .orderBy(asc(phones.login), asc(phones.serverIp))
    .limit(limit);
}

/** The known phone (if any) behind each login, for showing names beside an alias's logins. */
export async function phonesByLogin(logins: readonly string[]): Promise<Map<string, PhoneLoginOption>> {
  if (logins.length === 0) return new Map();
  const db = await getDb();
  const lowered = logins.map((login) => login.toLowerCase());
  const rows = await db
    .select({ login: phones.login, extension: phones.extension, serverIp: phones.serverIp, fullName: phones.fullName })
    .from(phones)
    .where(inArray(sql`lower(${phones.login})`, lowered));
  const byLogin = new Map<string, PhoneLoginOption>();
  for (const login of logins) {
    const row = rows.find((r) => r.login.toLowerCase() === login.toLowerCase());
    if (row) byLogin.set(login, row);
  }
  return byLogin;
}

/** Whether any phone's SIP status was ever read from VICIdial (only its database has it). */
export async function anySipStatusKnown(): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ one: sql<number>`1` }).from(phones).where(isNotNull(phones.peerStatus)).limit(1);
  return !!row;
}

/** The edit form's starting values: the phone's key and every setting as text ("" where unknown). */
export function phoneFormValues(row: PhoneRow): PhoneKey & Record<(typeof PHONE_SETTING_FIELDS)[number], string> {
  const settings = Object.fromEntries(PHONE_SETTING_FIELDS.map((field) => [field, row[PHONE_COLUMN_OF[field]] ?? ""]));
  return { serverIp: row.serverIp, extension: row.extension, ...settings } as PhoneKey & Record<(typeof PHONE_SETTING_FIELDS)[number], string>;
}
