import "server-only";
import { aliasProbe } from "./aliases";
import { didProbe } from "./dids";
import type { VicidialFailure } from "./errors";
import { defineOperation, perform, type CallContext, type Read } from "./operation";
import { exists } from "./reconcile";
import type { VicidialClient } from "./client";

/**
 * Whether VICIdial holds a record, asked with a request that changes nothing: true, false, or
 * the failure that kept the question from being answered. DIDs and aliases: an update with
 * nothing to change (NO UPDATES DEFINED when it exists, DOES NOT EXIST when not; 2.5, 2.8).
 */
export type Existence = boolean | VicidialFailure;

const readWith =
  (context: CallContext, client?: VicidialClient): Read =>
  (operation, parameters) =>
    perform(operation, parameters, context, { client });

export function didExists(didPattern: string, context: CallContext, client?: VicidialClient): Promise<Existence> {
  return exists(readWith(context, client), didProbe, [["did_pattern", didPattern]]);
}

export function aliasExists(aliasId: string, context: CallContext, client?: VicidialClient): Promise<Existence> {
  return exists(readWith(context, client), aliasProbe, [["alias_id", aliasId]]);
}

/**
 * Phones have no such answer: an update_phone with nothing to change still runs an UPDATE (it
 * blanks install_directory) and answers SUCCESS (2.3). What changes nothing is a time zone no
 * server has: update_phone checks the server, then the phone, and only then the fields, the first
 * bad field ending the request unwritten. So "YOU MUST USE A VALID TIMEZONE" means the phone
 * exists, "PHONE (or SERVER) DOES NOT EXIST" that it does not.
 */
const IMPOSSIBLE_TIME_ZONE = "99";
const phoneProbe = defineOperation<never>({
  apiFunction: "update_phone",
  subject: { thing: "phone", things: "phones", right: "read phones", changesData: false },
  read: true,
  fixed: [["local_gmt", IMPOSSIBLE_TIME_ZONE]],
  verdict: "first",
  success: () => undefined,
});

export async function phoneExists(phone: { extension: string; serverIp: string }, context: CallContext, client?: VicidialClient): Promise<Existence> {
  const result = await perform(
    phoneProbe,
    [
      ["extension", phone.extension],
      ["server_ip", phone.serverIp],
    ],
    context,
    { client },
  );
  if (result.ok) return true;
  if (result.code === "INVALID_FIELD" && result.field === "local_gmt") return true;
  if (result.code === "NOT_FOUND" || result.code === "SERVER_NOT_FOUND") return false;
  return result;
}
