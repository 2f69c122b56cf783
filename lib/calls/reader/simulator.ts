import { callRowOf, recordingRowOf } from "./rows";
import type { CallDetails, CallsReader } from "./types";

/** How long one read of the simulator may take: it answers from memory. */
const TIMEOUT_MS = 5_000;

type Raw = Record<string, unknown>;

/**
 * Calls from the built-in simulator's own state (demo mode), over its HTTP read endpoint: the
 * same answers the MySQL reader gets from VICIdial's tables.
 */
export function createSimulatorCallsReader(apiUrl: string): CallsReader {
  const origin = new URL(apiUrl).origin;
  async function read<T>(op: string, input: unknown): Promise<T> {
    const response = await fetch(`${origin}/__simulator/calls/${op}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`The simulator answered HTTP ${response.status} to the ${op} read`);
    return (await response.json()) as T;
  }
  return {
    kind: "simulator",
    serverNow: async () => (await read<{ now: string }>("now", {})).now,
    search: async (search) => {
      const page = await read<{ rows: Raw[]; more: boolean }>("search", search);
      return { rows: page.rows.map(callRowOf), more: page.more };
    },
    call: async (direction, key) => {
      const { details } = await read<{ details: (Omit<CallDetails, "call"> & { call: Raw }) | null }>("call", { direction, key });
      return details ? { ...details, call: callRowOf(details.call) } : null;
    },
    recordings: async (vicidialId, fallback) => (await read<{ rows: Raw[] }>("recordings", { vicidialId, fallback })).rows.map(recordingRowOf),
    recording: async (recordingId) => {
      const { row } = await read<{ row: Raw | null }>("recording", { recordingId });
      return row ? recordingRowOf(row) : null;
    },
    close: async () => {},
  };
}
