import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { cidGroups, dids, phoneAliases, phones } from "@/lib/db/schema";

const SEEDED_BY = "simulator seed";

/**
 * In demo mode the inventory starts with what the built-in simulator's seed holds (the fixture
 * state of shared/vicidial-transcripts), so the lists are not empty on first start. Runs only
 * when the inventory is empty: it never overwrites what a user changed.
 */
export async function seedDemoInventory(db: Db): Promise<boolean> {
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(dids);
  if (count > 0) return false;
  await db.insert(dids).values([
    { didPattern: "default", didId: 1, description: "Default DID", active: "Y", route: "EXTEN", extension: "9998811112", extenContext: "default", recordCall: "N", updatedBy: SEEDED_BY },
    { didPattern: "7275550100", didId: 2, description: "Seed DID routed to TEST_IN", active: "Y", route: "IN_GROUP", groupId: "TEST_IN", serverIp: "10.10.10.15", recordCall: "N", updatedBy: SEEDED_BY },
    { didPattern: "3125550000", didId: 3, description: "Seed DID for updates", active: "Y", route: "EXTEN", extension: "8300", extenContext: "default", recordCall: "N", updatedBy: SEEDED_BY },
  ]).onConflictDoNothing();
  const phone = (extension: string, protocol: string, fullName: string, voicemail: string) => ({
    serverIp: "10.10.10.15", extension, login: extension, protocol, fullName, voicemailId: voicemail, dialplanNumber: voicemail, localGmt: "-5.00", active: "Y", updatedBy: SEEDED_BY,
  });
  await db.insert(phones).values([
    phone("gs102", "SIP", "Test Admin Phone", "102"),
    phone("callin", "EXTERNAL", "Dial-in Agent Phone", "8300"),
    phone("1001", "SIP", "Seed Phone 1001", "1001"),
    phone("1002", "SIP", "Seed Phone 1002", "1002"),
  ]).onConflictDoNothing();
  await db.insert(phoneAliases).values({ aliasId: "SEEDALIAS", aliasName: "Seed alias", phoneLogins: "gs102,1001", updatedBy: SEEDED_BY }).onConflictDoNothing();
  await db.insert(cidGroups).values([
    { id: "US_SALES", entryCount: 3, updatedBy: SEEDED_BY },
    { id: "EMPTY_GRP", entryCount: 0, updatedBy: SEEDED_BY },
  ]).onConflictDoNothing();
  return true;
}
