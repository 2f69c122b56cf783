import "server-only";
import { charactersVicidialDrops } from "./parameters";
import type { HttpMethod } from "./transport";

export interface VicidialConfig {
  /** Full URL of non_agent_api.php, without a query string. */
  url: string;
  /** API user: level 7+, "API access" on, the rights of the functions used. */
  user: string;
  pass: string;
  /** POST (default) sends an urlencoded body to the bare URL; GET puts everything in the query. */
  method?: HttpMethod;
  /** Per request, from sending to the end of the answer. Default 10 000. */
  timeoutMs?: number;
  /** Requests in flight at once per client; more wait their turn. Default 4. */
  maxInFlight?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_IN_FLIGHT = 4;

export interface ResolvedConfig {
  url: URL;
  method: HttpMethod;
  timeoutMs: number;
  maxInFlight: number;
}

/** Defaults applied and the URL checked; a configuration that cannot work throws at start-up. */
export function resolveConfig(config: VicidialConfig): ResolvedConfig {
  return {
    url: parseEndpoint(config.url),
    method: config.method ?? "POST",
    timeoutMs: positive(config.timeoutMs, DEFAULT_TIMEOUT_MS, "timeoutMs"),
    maxInFlight: positive(config.maxInFlight, DEFAULT_MAX_IN_FLIGHT, "maxInFlight"),
  };
}

export function sameConfig(a: VicidialConfig, b: VicidialConfig): boolean {
  return (
    a.url === b.url &&
    a.user === b.user &&
    a.pass === b.pass &&
    (a.method ?? "POST") === (b.method ?? "POST") &&
    (a.timeoutMs ?? DEFAULT_TIMEOUT_MS) === (b.timeoutMs ?? DEFAULT_TIMEOUT_MS) &&
    (a.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT) === (b.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT)
  );
}

function parseEndpoint(raw: string): URL {
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError("The VICIdial URL must be http or https");
  // A key in the query string beats the same key in a POST body, even when empty (1.1).
  if (url.search || url.hash) throw new TypeError("The VICIdial URL must not contain a query string or fragment");
  return url;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`VICIdial ${name} must be a positive whole number`);
  return value;
}

/**
 * Credentials VICIdial can never accept are refused here: each attempt would still count toward
 * the account lockout (contract 3, "Passwords may contain only [A-Za-z0-9_-]").
 */
export function credentialsProblem(user: string, pass: string): string | undefined {
  if (user === "" || pass === "") return "The VICIdial API user name or password is not configured; nothing was sent";
  if (charactersVicidialDrops("user", user).length > 0 || charactersVicidialDrops("pass", pass).length > 0) {
    return "The configured VICIdial API user name or password contains characters VICIdial removes, so it can never log in; nothing was sent";
  }
  return undefined;
}
