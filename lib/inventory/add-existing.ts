import "server-only";
import { sql } from "drizzle-orm";
import type { CommandContext, CommandOutcome } from "@/lib/actions/command";
import type { AuditDraft } from "@/lib/audit/record";
import { fromVicidial } from "@/lib/actions/from-vicidial";
import { fail, ok } from "@/lib/actions/result";
import { clusterReadsConfigured } from "@/lib/cluster/status";
import { getDb } from "@/lib/db";
import { dids, phoneAliases, phones } from "@/lib/db/schema";
import { phoneTarget, type PhoneKey } from "@/lib/phones/schemas";
import { aliasExists, didExists, phoneExists, type Existence } from "@/lib/vicidial/existence";
import { getAlias } from "../aliases/inventory";
import { getPhone } from "../phones/inventory";

/**
 * "Add an existing … to the list", for dashboards without cluster reads: VICIdial is asked,
 * with a request that changes nothing, whether it holds the record; if it does, the record is
 * listed with its settings unknown (origin 'existing') until someone edits it. Nothing is
 * listed that VICIdial does not hold, and nothing already listed is listed twice.
 */

/** Marks a row as added by hand: known to exist, its settings not known. */
const EXISTING = { origin: "existing", settingsKnown: false } as const;

/** Only server actions call these, and an action's definition names its entry: no action here. */
type Outcome<T> = Pick<CommandOutcome<T>, "result"> & { audit: AuditDraft & { target: string } };

/** The answer of the probe as this command's result, or null when the record exists. */
function refusal<T>(existence: Existence, field: string, notThere: string, target: string): Outcome<T> | null {
  if (existence === true) return null;
  if (existence === false) {
    return { result: fail("vicidial", notThere, { code: "NOT_FOUND", fieldErrors: { [field]: [notThere] } }), audit: { target } };
  }
  return { result: fromVicidial(existence), audit: { target, raw: existence.raw } };
}

/** With cluster reads the sync lists every record VICIdial holds: adding one by hand has no place. */
function syncListsIt<T>(target: string): Outcome<T> | null {
  if (!clusterReadsConfigured()) return null;
  return { result: fail("conflict", "The cluster sync lists every record VICIdial holds; use Sync now on the overview to see new ones sooner."), audit: { target } };
}

function alreadyListed<T>(field: string, message: string, target: string): Outcome<T> {
  return { result: fail("conflict", message, { fieldErrors: { [field]: [message] } }), audit: { target } };
}

export async function addExistingDid(didPattern: string, context: CommandContext): Promise<Outcome<{ didPattern: string }>> {
  const bySync = syncListsIt<{ didPattern: string }>(didPattern);
  if (bySync) return bySync;
  const db = await getDb();
  const [listed] = await db.select({ didPattern: dids.didPattern }).from(dids).where(sql`lower(${dids.didPattern}) = lower(${didPattern})`).limit(1);
  if (listed) return alreadyListed("didPattern", `DID ${listed.didPattern} is already in the list`, didPattern);
  const refused = refusal<{ didPattern: string }>(await didExists(didPattern, context, context.client), "didPattern", `VICIdial has no DID ${didPattern}`, didPattern);
  if (refused) return refused;
  const [row] = await db
    .insert(dids)
    .values({ didPattern, updatedBy: context.username, ...EXISTING })
    .onConflictDoNothing()
    .returning({ didPattern: dids.didPattern });
  if (!row) return alreadyListed("didPattern", `DID ${didPattern} is already in the list`, didPattern);
  return { result: ok({ didPattern }, `DID ${didPattern} exists in VICIdial and is now in the list; its settings show as unknown until it is edited`), audit: { target: didPattern, after: { didPattern, ...EXISTING } } };
}

export async function addExistingPhone(key: PhoneKey, context: CommandContext): Promise<Outcome<PhoneKey>> {
  const target = phoneTarget(key);
  const bySync = syncListsIt<PhoneKey>(target);
  if (bySync) return bySync;
  const listed = await getPhone(key);
  if (listed) return alreadyListed("extension", `Phone ${listed.extension} on ${listed.serverIp} is already in the list`, target);
  const refused = refusal<PhoneKey>(await phoneExists(key, context, context.client), "extension", `VICIdial has no phone ${key.extension} on server ${key.serverIp}`, target);
  if (refused) return refused;
  const db = await getDb();
  // Login and protocol are required columns; "" stands for "not known" beside settings_known = false.
  const [row] = await db
    .insert(phones)
    .values({ serverIp: key.serverIp, extension: key.extension, login: "", protocol: "", updatedBy: context.username, ...EXISTING })
    .onConflictDoNothing()
    .returning({ serverIp: phones.serverIp });
  if (!row) return alreadyListed("extension", `Phone ${key.extension} on ${key.serverIp} is already in the list`, target);
  return {
    result: ok(key, `Phone ${key.extension} on ${key.serverIp} exists in VICIdial and is now in the list; its settings show as unknown until it is edited`),
    audit: { target, after: { ...key, ...EXISTING } },
  };
}

export async function addExistingAlias(aliasId: string, context: CommandContext): Promise<Outcome<{ aliasId: string }>> {
  const bySync = syncListsIt<{ aliasId: string }>(aliasId);
  if (bySync) return bySync;
  const listed = await getAlias(aliasId);
  if (listed) return alreadyListed("aliasId", `Phone alias ${listed.aliasId} is already in the list`, aliasId);
  const refused = refusal<{ aliasId: string }>(await aliasExists(aliasId, context, context.client), "aliasId", `VICIdial has no phone alias ${aliasId}`, aliasId);
  if (refused) return refused;
  const db = await getDb();
  const [row] = await db
    .insert(phoneAliases)
    .values({ aliasId, aliasName: "", phoneLogins: "", updatedBy: context.username, ...EXISTING })
    .onConflictDoNothing()
    .returning({ aliasId: phoneAliases.aliasId });
  if (!row) return alreadyListed("aliasId", `Phone alias ${aliasId} is already in the list`, aliasId);
  return {
    result: ok({ aliasId }, `Phone alias ${aliasId} exists in VICIdial and is now in the list; its name and logins show as unknown until it is edited`),
    audit: { target: aliasId, after: { aliasId, ...EXISTING } },
  };
}
