import { asc, count, ilike, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { phoneAliases } from "@/lib/db/schema";

/**
 * The phone aliases the dashboard knows, written only after VICIdial confirmed an add or a
 * change and removed only after it confirmed a delete. The logins are kept comma-joined in
 * VICIdial's order. Alias IDs compare without regard to case, as in VICIdial's MySQL.
 */
export type AliasRow = typeof phoneAliases.$inferSelect;

export const ALIAS_SORTS = ["id", "name", "logins", "updated"] as const;
export type AliasSort = (typeof ALIAS_SORTS)[number];

export interface AliasListQuery {
  /** Part of the alias ID, the name or a login. */
  q?: string;
  sort?: AliasSort;
  dir?: "asc" | "desc";
  page?: number;
  pageSize?: number;
}

export const ALIAS_PAGE_SIZE = 25;

const sortColumns = {
  id: phoneAliases.aliasId,
  name: phoneAliases.aliasName,
  logins: phoneAliases.phoneLogins,
  updated: phoneAliases.updatedAt,
} as const;

export function isAliasSort(value: string | undefined): value is AliasSort {
  return (ALIAS_SORTS as readonly string[]).includes(value ?? "");
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const sameId = (id: string): SQL => sql`lower(${phoneAliases.aliasId}) = lower(${id})`;

export async function listAliases(query: AliasListQuery = {}): Promise<{ rows: AliasRow[]; total: number }> {
  const db = await getDb();
  const pageSize = query.pageSize ?? ALIAS_PAGE_SIZE;
  const page = Math.max(1, query.page ?? 1);
  const q = query.q?.trim();
  const pattern = q ? `%${escapeLike(q)}%` : "";
  const where = q ? or(ilike(phoneAliases.aliasId, pattern), ilike(phoneAliases.aliasName, pattern), ilike(phoneAliases.phoneLogins, pattern)) : undefined;
  const column = sortColumns[query.sort ?? "id"];
  const order = query.dir === "desc" ? sql`${column} desc` : sql`${column} asc`;
  const [rows, [totalRow]] = await Promise.all([
    db
      .select()
      .from(phoneAliases)
      .where(where)
      .orderBy(order, asc(phoneAliases.aliasId))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(phoneAliases).where(where),
  ]);
  return { rows, total: totalRow?.n ?? 0 };
}

export async function getAlias(id: string): Promise<AliasRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(phoneAliases).where(sameId(id)).limit(1);
  return row ?? null;
}

/** After VICIdial confirmed an add or a change; an existing row keeps its ID's spelling. */
export async function upsertAlias(record: { aliasId: string; aliasName: string; phoneLogins: string; updatedBy: string }): Promise<AliasRow> {
  const db = await getDb();
  const existing = await getAlias(record.aliasId);
  const values = { ...record, aliasId: existing?.aliasId ?? record.aliasId, updatedAt: new Date() };
  const [saved] = await db.insert(phoneAliases).values(values).onConflictDoUpdate({ target: phoneAliases.aliasId, set: values }).returning();
  if (!saved) throw new Error(`Alias ${record.aliasId} was not saved`);
  return saved;
}

/** After VICIdial confirmed the delete. Returns the removed row. */
export async function removeAlias(id: string): Promise<AliasRow | null> {
  const db = await getDb();
  const [removed] = await db.delete(phoneAliases).where(sameId(id)).returning();
  return removed ?? null;
}

/** Known aliases that list `login`, so a phone's page can say which aliases ring it. */
export async function aliasesWithLogin(login: string): Promise<AliasRow[]> {
  const db = await getDb();
  return db
    .select()
    .from(phoneAliases)
    .where(sql`lower(',' || ${phoneAliases.phoneLogins} || ',') like ${`%,${escapeLike(login.toLowerCase())},%`}`)
    .orderBy(asc(phoneAliases.aliasId));
}
