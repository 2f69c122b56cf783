import type { ClusterReader } from "./types";

/** Placeholder replaced by its implementation on its branch (cluster reads, issue 13). */
export function createSimulatorReader(apiUrl: string): ClusterReader {
  throw new Error(`createSimulatorReader is not built yet (${apiUrl.length})`);
}
