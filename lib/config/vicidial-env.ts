import "server-only";
import { env } from "@/lib/config/env";
import type { VicidialConfig } from "@/lib/vicidial/config";

/** The VICIdial client's configuration, read from the validated environment on every use. */
export function vicidialConfigFromEnv(): VicidialConfig {
  const e = env();
  return {
    url: e.VICIDIAL_URL ?? "",
    user: e.VICIDIAL_API_USER ?? "",
    pass: e.VICIDIAL_API_PASS ?? "",
    method: e.VICIDIAL_HTTP_METHOD,
    timeoutMs: e.VICIDIAL_TIMEOUT_MS,
    maxInFlight: e.VICIDIAL_MAX_IN_FLIGHT,
  };
}
