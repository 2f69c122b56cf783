import "server-only";
import { env, isDemoMode } from "@/lib/env";
import { checkConnection } from "@/lib/vicidial";
import type { ConnectionSummary } from "./connection-summary";

const TTL_MS = 30_000;
const holder = globalThis as typeof globalThis & {
  __vicidashConnection?: { at: number; value: Promise<ConnectionSummary> };
};

function endpointOf(url: string | undefined): string {
  if (!url) return "not configured";
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
}

/**
 * The connection check, shared for 30 s by every page and every header badge in this process,
 * so opening ten tabs does not send ten probes to VICIdial.
 */
export function connectionStatus(options: { fresh?: boolean } = {}): Promise<ConnectionSummary> {
  const cached = holder.__vicidashConnection;
  if (!options.fresh && cached && Date.now() - cached.at < TTL_MS) return cached.value;
  const value = checkConnection().then(
    (check): ConnectionSummary => ({
      ...check,
      simulated: isDemoMode(),
      endpoint: endpointOf(env().VICIDIAL_URL),
      checkedAt: new Date().toISOString(),
    }),
  );
  holder.__vicidashConnection = { at: Date.now(), value };
  return value;
}
