import "server-only";
import { connectionStatus } from "@/lib/connection/status";

export interface ApiCapability {
  allowed: boolean;
  /** Why not, in plain words, for the tooltip/notice next to a greyed-out action. */
  reason?: string;
}

/**
 * Whether VICIdial's API user may do `key` (capability keys of checkConnection: dids.add,
 * phones.delete, cid.modify, ...). Unknown (VICIdial unreachable) counts as allowed: the action
 * itself will then report what VICIdial says, instead of the page hiding it on a guess.
 */
export async function apiCapability(key: string): Promise<ApiCapability> {
  const status = await connectionStatus();
  const found = status.capabilities.find((c) => c.key === key);
  if (!found) return { allowed: true };
  return found.allowed ? { allowed: true } : { allowed: false, reason: found.reason ?? found.label };
}

export async function apiCapabilities(keys: string[]): Promise<Record<string, ApiCapability>> {
  return Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await apiCapability(k)] as const)));
}
