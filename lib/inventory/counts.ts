import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { cidGroups, dids, phoneAliases, phones } from "@/lib/db/schema";

export interface InventoryCounts {
  dids: number;
  phones: number;
  aliases: number;
  cidGroups: number;
}

/** How many objects of each kind the dashboard knows, for the overview. One round trip. */
export async function inventoryCounts(): Promise<InventoryCounts> {
  const db = await getDb();
  const count = (table: typeof dids | typeof phones | typeof phoneAliases | typeof cidGroups) => sql<number>`(select count(*)::int from ${table})`;
  const [row] = await db
    .select({ dids: count(dids), phones: count(phones), aliases: count(phoneAliases), cidGroups: count(cidGroups) })
    .from(sql`(select 1) as one`);
  return row ?? { dids: 0, phones: 0, aliases: 0, cidGroups: 0 };
}
