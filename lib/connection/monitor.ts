import type { ClusterReader } from "@/lib/cluster/types";
import type { VicidialClient } from "@/lib/vicidial/client";
import { checkReachable, credentialsOf, probeRights, type ConnectionCheck, type RightsCheck } from "@/lib/vicidial/connection";
import { LOCKOUT_PAUSE_MS } from "@/lib/vicidial/lockout-guard";
import { rightsFromDatabase } from "@/lib/vicidial/rights";

/**
 * The probe round (connection.ts) leaves an ERROR row per function in VICIdial's API log (issue
 * 13). So: with VICIdial's database readable, the API user's rights are read there and nothing is
 * probed; without it, a round is sent at start, when the configuration changes (a new client),
 * on "Check again" (`fresh`), and otherwise at most hourly (every 15 minutes while VICIdial
 * reports the account locked, the time its lock lasts). In between, the `version` call alone,
 * answered before any login, says whether VICIdial is up.
 */
export const PROBE_INTERVAL_MS = 60 * 60 * 1000;

export type RightsSource = "database" | "probe";

export interface MonitorDependencies {
  now(): number;
  /** The configured client; a different object means the configuration changed. */
  client(): VicidialClient;
  /** VICIdial's database, when the dashboard can read it. */
  reader(): ClusterReader | null;
}

export interface MonitoredCheck extends ConnectionCheck {
  /** Where the API user's rights came from: its vicidial_users row, or the probe round. */
  rightsFrom?: RightsSource;
}

export function createConnectionMonitor(deps: MonitorDependencies) {
  let lastProbe: { at: number; client: VicidialClient; rights: RightsCheck } | undefined;

  function probeDue(client: VicidialClient, fresh: boolean): boolean {
    if (fresh || !lastProbe || lastProbe.client !== client) return true;
    const interval = lastProbe.rights.credentials === "locked" ? LOCKOUT_PAUSE_MS : PROBE_INTERVAL_MS;
    return deps.now() - lastProbe.at >= interval;
  }

  async function fromDatabase(reader: ClusterReader, client: VicidialClient): Promise<RightsCheck | null> {
    try {
      const rights = rightsFromDatabase(client.endpoint.user, await reader.apiUser(client.endpoint.user));
      // A login VICIdial refused lately says more than the row can: the password is wrong, or locked.
      const refused = client.loginRefused();
      return refused ? { ...rights, credentials: credentialsOf(refused), error: { code: refused.code, message: refused.message } } : rights;
    } catch (error) {
      // The probe is the fallback; a database that cannot be read must not hide what the API user may do.
      console.error("reading the API user's rights from VICIdial's database failed", error);
      return null;
    }
  }

  return {
    async check(options: { fresh?: boolean } = {}): Promise<MonitoredCheck> {
      const client = deps.client();
      const reachable = await checkReachable(client);
      if (!reachable.reachable) return reachable;
      const reader = deps.reader();
      const read = reader ? await fromDatabase(reader, client) : null;
      if (read) return { ...reachable, ...read, rightsFrom: "database" };
      if (probeDue(client, options.fresh ?? false)) lastProbe = { at: deps.now(), client, rights: await probeRights(client) };
      return { ...reachable, ...lastProbe!.rights, rightsFrom: "probe" };
    },
  };
}
