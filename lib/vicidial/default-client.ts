import "server-only";
import { createVicidialClient, type VicidialClient } from "./client";
import type { VicidialConfig } from "./config";

/**
 * The process-wide client, built from whatever configuration the app wires in. Kept on
 * globalThis because Next may load this module more than once per process (dev reloads, several
 * bundles); one client means one lockout guard and one in-flight limit per process.
 */
interface DefaultClientState {
  getConfig?: () => VicidialConfig;
  client?: VicidialClient;
}

const STATE_KEY = Symbol.for("vicidash.vicidial.defaultClient");
const holder = globalThis as typeof globalThis & { [STATE_KEY]?: DefaultClientState };

function state(): DefaultClientState {
  holder[STATE_KEY] ??= {};
  return holder[STATE_KEY];
}

/** The app calls this once at start-up with a reader of its validated environment. */
export function configureVicidial(getConfig: () => VicidialConfig): void {
  state().getConfig = getConfig;
}

/** The client for the current configuration, rebuilt (fresh lockout guard) when it changes. */
export function getVicidialClient(): VicidialClient {
  const current = state();
  if (!current.getConfig) {
    throw new Error("VICIdial is not configured: call configureVicidial() at start-up");
  }
  const config = current.getConfig();
  if (current.client?.matches(config)) return current.client;
  void current.client?.close();
  current.client = createVicidialClient(config);
  return current.client;
}
