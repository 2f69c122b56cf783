import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { dids, phones } from "@/lib/db/schema/inventory";

export interface DidToInactivePhone {
  didPattern: string;
  description: string | null;
  phoneExtension: string;
  serverIp: string | null;
}

/**
 * DIDs whose route rings a phone the dashboard knows as inactive. Phones are the only route
 * target whose state the dashboard holds; in-groups, call menus and voicemail boxes live only
 * in VICIdial's database (see unknownTargetRoutes).
 */
export async function didsRoutedToInactivePhones(limit = 20): Promise<DidToInactivePhone[]> {
  const db = await getDb();
  return db
    .select({ didPattern: dids.didPattern, description: dids.description, phoneExtension: sql<string>`${dids.phoneExtension}`, serverIp: dids.serverIp })
    .from(dids)
    .innerJoin(phones, and(eq(phones.extension, dids.phoneExtension), sql`(${dids.serverIp} is null or ${phones.serverIp} = ${dids.serverIp})`))
    .where(and(eq(dids.route, "PHONE"), eq(phones.active, "N")))
    .orderBy(asc(dids.didPattern))
    .limit(limit);
}

/** How many DIDs route to targets whose state only VICIdial's database knows, per route. */
export async function unknownTargetRoutes(): Promise<{ route: string; n: number }[]> {
  const db = await getDb();
  return db
    .select({ route: sql<string>`${dids.route}`, n: count() })
    .from(dids)
    .where(sql`${dids.route} in ('IN_GROUP', 'CALLMENU', 'VOICEMAIL', 'VMAIL_NO_INST', 'EXTEN', 'AGENT')`)
    .groupBy(dids.route)
    .orderBy(asc(dids.route));
}
