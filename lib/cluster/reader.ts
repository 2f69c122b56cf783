import "server-only";
import { parseEnv } from "@/lib/config/env";
import { createMysqlReader } from "./mysql-reader";
import { createSimulatorReader } from "./simulator-reader";
import type { ClusterReader } from "./types";

const holder = globalThis as typeof globalThis & { __vicidashClusterReader?: { key: string; reader: ClusterReader } };

/**
 * The reader of VICIdial's database this process uses: MySQL/MariaDB when VICIDIAL_DB_URL is set,
 * the built-in simulator's own state in demo mode, none otherwise (the dashboard then knows
 * what it made and what it was told to add). One per process, replaced when the setting changes.
 */
export function clusterReader(): ClusterReader | null {
  const env = parseEnv();
  const key = env.VICIDIAL_DB_URL ? `mysql ${env.VICIDIAL_DB_URL}` : env.VICIDIAL_SIMULATED && env.VICIDIAL_URL ? `sim ${env.VICIDIAL_URL}` : "";
  if (!key) return null;
  if (holder.__vicidashClusterReader?.key !== key) {
    void holder.__vicidashClusterReader?.reader.close();
    const reader = env.VICIDIAL_DB_URL ? createMysqlReader(env.VICIDIAL_DB_URL) : createSimulatorReader(env.VICIDIAL_URL!);
    holder.__vicidashClusterReader = { key, reader };
  }
  return holder.__vicidashClusterReader.reader;
}

export function clusterReadsEnabled(): boolean {
  return clusterReader() !== null;
}
