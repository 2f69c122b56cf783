import "server-only";
import type { VicidialClient } from "./client";
import { getVicidialClient } from "./default-client";
import type { VicidialErrorCode, VicidialFailure } from "./errors";
import { defineOperation, perform, type CallContext } from "./operation";
import { version } from "./version";

export type CredentialsStatus = "ok" | "incorrect" | "locked" | "ip_blocked" | "unknown";

export interface Capability {
  key: string;
  label: string;
  allowed: boolean;
  reason?: string;
}

export interface ConnectionCheck {
  reachable: boolean;
  error?: { code: VicidialErrorCode; message: string };
  version?: string;
  build?: string;
  /** VICIdial's server time zone (`TZ`, such as `-5.00`). */
  timeZone?: string;
  /** The web server's clock, `YYYY-MM-DD HH:MM:SS`. */
  serverTime?: string;
  credentials: CredentialsStatus;
  capabilities: Capability[];
}

/**
 * Each capability is probed by calling its function with the required fields left out: VICIdial
 * checks login, allowed functions and the user's rights first (1.2 step 8), then answers
 * REQUIRED FIELDS (or INVALID SEARCH PARAMETERS for callid_info), so nothing changes.
 *
 * Delete rights cannot be probed that way: VICIdial looks the record up before checking the
 * delete right (2.3, 2.5, 2.8), so without a real target it answers "does not exist" first.
 * They are reported allowed, "checked when used", unless the function itself is refused.
 */
export const CAPABILITIES = [
  { key: "dids.add", label: "may add DIDs", apiFunction: "add_did" },
  { key: "dids.update", label: "may change DIDs", apiFunction: "update_did" },
  { key: "dids.delete", label: "may delete DIDs", apiFunction: "update_did", deleteRight: true },
  { key: "dids.copy", label: "may copy DIDs", apiFunction: "copy_did" },
  { key: "phones.add", label: "may add phones", apiFunction: "add_phone" },
  { key: "phones.update", label: "may change phones", apiFunction: "update_phone" },
  { key: "phones.delete", label: "may delete phones", apiFunction: "update_phone", deleteRight: true },
  { key: "aliases.add", label: "may add phone aliases", apiFunction: "add_phone_alias" },
  { key: "aliases.update", label: "may change phone aliases", apiFunction: "update_phone_alias" },
  { key: "aliases.delete", label: "may delete phone aliases", apiFunction: "update_phone_alias", deleteRight: true },
  { key: "cid.modify", label: "may view and change CID group entries", apiFunction: "update_cid_group_entry" },
  { key: "calls.lookup", label: "may look up calls", apiFunction: "callid_info" },
] as const;

export type CapabilityKey = (typeof CAPABILITIES)[number]["key"];

const CONTEXT: CallContext = { source: "dashboard" };
const DELETE_CHECKED_WHEN_USED = "checked when used: VICIdial checks the delete right only on an existing record";

type ProbeOutcome = { allowed: true } | { allowed: false; reason: string } | { credentials: VicidialFailure };

/** A call with no parameters; no answer counts as success, so every answer is a classified failure. */
function probeOperation(apiFunction: string) {
  return defineOperation<never>({
    apiFunction,
    subject: { thing: "record", things: "records", right: "use this function", changesData: false },
    read: true,
    verdict: "first",
    success: () => undefined,
  });
}

async function probe(apiFunction: string, client: VicidialClient): Promise<ProbeOutcome> {
  const result = await perform(probeOperation(apiFunction), [], CONTEXT, { client });
  if (result.ok) return { allowed: true };
  switch (result.code) {
    case "LOGIN_INCORRECT":
    case "LOCKED_OUT":
    case "IP_BLOCKED":
      return { credentials: result };
    case "PERMISSION_DENIED":
      return { allowed: false, reason: "the API user lacks the right in VICIdial" };
    case "FUNCTION_NOT_ALLOWED":
      return { allowed: false, reason: `${apiFunction} is not in the API user's allowed functions` };
    case "UNSUPPORTED_FUNCTION":
      return { allowed: false, reason: `this VICIdial version has no ${apiFunction}` };
    case "REQUIRED_FIELDS":
    case "INVALID_FIELD":
    case "NOT_FOUND":
    case "NO_ENTRIES":
      return { allowed: true };
    default:
      return { allowed: false, reason: `could not be checked: ${result.message}` };
  }
}

export function credentialsOf(failure: VicidialFailure): CredentialsStatus {
  if (failure.code === "LOGIN_INCORRECT") return "incorrect";
  if (failure.code === "LOCKED_OUT") return "locked";
  return "ip_blocked";
}

export function notChecked(reason: string): Capability[] {
  return CAPABILITIES.map(({ key, label }) => ({ key, label, allowed: false, reason: `not checked: ${reason}` }));
}

/** What the API user may do, and whether its login works. */
export type RightsCheck = Pick<ConnectionCheck, "credentials" | "capabilities" | "error">;

/** `version` alone: answered before authentication (2.1), so it never costs a login or an error row. */
export async function checkReachable(client: VicidialClient = getVicidialClient()): Promise<ConnectionCheck> {
  const info = await version(CONTEXT, client);
  if (!info.ok) {
    return {
      reachable: false,
      error: { code: info.code, message: info.message },
      credentials: "unknown",
      capabilities: notChecked("VICIdial is not reachable"),
    };
  }
  return {
    reachable: true,
    version: info.data.version,
    build: info.data.build,
    timeZone: info.data.timeZone,
    serverTime: info.data.serverTime,
    credentials: "unknown",
    capabilities: [],
  };
}

/**
 * The probe round: one call per function with the required fields left out. Each is an ERROR row
 * in VICIdial's API log, so callers send it rarely (lib/connection/monitor.ts).
 */
export async function probeRights(client: VicidialClient = getVicidialClient()): Promise<RightsCheck> {
  // One probe first: if the credentials are wrong, it is the only attempt that reaches VICIdial.
  const functions = [...new Set(CAPABILITIES.map((capability) => capability.apiFunction))];
  const [firstFunction, ...otherFunctions] = functions;
  const first = await probe(firstFunction!, client);
  if ("credentials" in first) {
    const { code, message } = first.credentials;
    return { error: { code, message }, credentials: credentialsOf(first.credentials), capabilities: notChecked(message) };
  }
  const outcomes = new Map<string, ProbeOutcome>([[firstFunction!, first]]);
  const others = await Promise.all(otherFunctions.map(async (apiFunction) => [apiFunction, await probe(apiFunction, client)] as const));
  for (const [apiFunction, outcome] of others) outcomes.set(apiFunction, outcome);

  const capabilities = CAPABILITIES.map(({ key, label, apiFunction, ...rest }): Capability => {
    const outcome = outcomes.get(apiFunction);
    if (!outcome || "credentials" in outcome) {
      return { key, label, allowed: false, reason: `not checked: ${outcome ? outcome.credentials.message : "no answer"}` };
    }
    if (!outcome.allowed) return { key, label, allowed: false, reason: outcome.reason };
    return "deleteRight" in rest ? { key, label, allowed: true, reason: DELETE_CHECKED_WHEN_USED } : { key, label, allowed: true };
  });
  return { credentials: "ok", capabilities };
}

/**
 * Is VICIdial reachable, which version, do the credentials work, and what may the API user do.
 * Changes nothing; a wrong password costs one failed login, then the lockout guard holds.
 */
export async function checkConnection(client: VicidialClient = getVicidialClient()): Promise<ConnectionCheck> {
  const reachable = await checkReachable(client);
  if (!reachable.reachable) return reachable;
  return { ...reachable, ...(await probeRights(client)) };
}
