// The built-in simulator's database, read over HTTP: each ClusterReader method is forwarded as
// `POST /__simulator/cluster-db { method, args }` to the simulator serving `apiUrl` (it answers
// loopback clients only). A simulator that stops answering fails the read after `timeoutMs`
// rather than holding a sync pass open.
import type { ClusterReader } from "./types";

export interface SimulatorReaderOptions {
  /** How long one read may take; default 10 s (VICIDIAL_TIMEOUT_MS's default). */
  timeoutMs?: number;
}

export function createSimulatorReader(apiUrl: string, options: SimulatorReaderOptions = {}): ClusterReader {
  const endpoint = new URL("/__simulator/cluster-db", apiUrl);
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function read<T>(method: string, ...args: unknown[]): Promise<T> {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ method, args }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = (error as Error).name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (error as Error).message;
      throw new Error(`The simulator's database did not answer ${method}: ${reason}`, { cause: error });
    }
    const text = await response.text();
    const parsed = (() => {
      try {
        return JSON.parse(text) as { result?: T; error?: string };
      } catch {
        return { error: `not JSON (HTTP ${response.status})` };
      }
    })();
    if (!response.ok || parsed.error !== undefined) {
      throw new Error(`The simulator's database refused ${method}: ${parsed.error ?? `HTTP ${response.status}`}`);
    }
    return parsed.result as T;
  }

  return {
    kind: "simulator",
    dids: (afterDidId, limit) => read("dids", afterDidId, limit),
    didsById: (ids) => read("didsById", ids),
    didsByPattern: (patterns) => read("didsByPattern", patterns),
    phones: (after, limit) => read("phones", after, limit),
    phonesByExtension: (extensions) => read("phonesByExtension", extensions),
    aliases: (afterAliasId, limit) => read("aliases", afterAliasId, limit),
    aliasesById: (ids) => read("aliasesById", ids),
    cidGroups: (afterGroupId, limit) => read("cidGroups", afterGroupId, limit),
    cidGroupsById: (ids) => read("cidGroupsById", ids),
    cidEntries: (groupId) => read("cidEntries", groupId),
    references: (kind, afterId, limit) => read("references", kind, afterId, limit),
    adminLogAfter: (afterId, limit) => read("adminLogAfter", afterId, limit),
    adminLogHead: () => read("adminLogHead"),
    apiLogBetween: (user, from, to) => read("apiLogBetween", user, from, to),
    apiUser: (user) => read("apiUser", user),
    canWrite: () => read("canWrite"),
    close: async () => {},
  };
}
