import "server-only";
import { parseEnv } from "@/lib/config/env";
import { createMysqlCallsReader } from "./mysql";
import { createSimulatorCallsReader } from "./simulator";
import type { CallsReader } from "./types";

const holder = globalThis as typeof globalThis & { __vicidashCallsReader?: { key: string; reader: CallsReader } };

/**
 * The calls reader this process uses, chosen as clusterReader() chooses: VICIdial's database when
 * VICIDIAL_DB_URL is set, the built-in simulator in demo mode, none otherwise (the calls page is
 * then the call-ID lookup through the API).
 */
export function callsReader(): CallsReader | null {
  const env = parseEnv();
  const key = env.VICIDIAL_DB_URL ? `mysql ${env.VICIDIAL_DB_URL}` : env.VICIDIAL_SIMULATED && env.VICIDIAL_URL ? `sim ${env.VICIDIAL_URL}` : "";
  if (!key) return null;
  if (holder.__vicidashCallsReader?.key !== key) {
    void holder.__vicidashCallsReader?.reader.close();
    const reader = env.VICIDIAL_DB_URL ? createMysqlCallsReader(env.VICIDIAL_DB_URL) : createSimulatorCallsReader(env.VICIDIAL_URL!);
    holder.__vicidashCallsReader = { key, reader };
  }
  return holder.__vicidashCallsReader.reader;
}
