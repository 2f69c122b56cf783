import "server-only";
import { clusterReader } from "@/lib/cluster/reader";
import { env, isDemoMode } from "@/lib/config/env";
import { getVicidialClient } from "@/lib/vicidial";
import { createConnectionMonitor } from "./monitor";
import type { ConnectionSummary } from "./summary";

const TTL_MS = 30_000;
const holder = globalThis as typeof globalThis & {
  __vicidashConnection?: { at: number; value: Promise<ConnectionSummary> };
  __vicidashConnectionMonitor?: ReturnType<typeof createConnectionMonitor>;
};

function monitor() {
  holder.__vicidashConnectionMonitor ??= createConnectionMonitor({ now: Date.now, client: () => getVicidialClient(), reader: clusterReader });
  return holder.__vicidashConnectionMonitor;
}

function endpointOf(url: string | undefined): string {
  if (!url) return "not configured";
  const u = new URL(url);
  return `${u.host}${u.pathname}`;
}

/**
 * The connection check, shared for 30 s by every page and every header badge in this process,
 * so opening ten tabs does not send ten checks to VICIdial. `fresh` ("Check again") also probes
 * the API user's rights again when they are not read from VICIdial's database.
 */
export function connectionStatus(options: { fresh?: boolean } = {}): Promise<ConnectionSummary> {
  const cached = holder.__vicidashConnection;
  if (!options.fresh && cached && Date.now() - cached.at < TTL_MS) return cached.value;
  const value = monitor().check({ fresh: options.fresh }).then(
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
