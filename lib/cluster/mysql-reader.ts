import type { ClusterReader } from "./types";

/** Placeholder replaced by its implementation on its branch (cluster reads, issue 13). */
export function createMysqlReader(url: string): ClusterReader {
  throw new Error(`createMysqlReader is not built yet (${url.length})`);
}
