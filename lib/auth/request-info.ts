import "server-only";
import { headers } from "next/headers";

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/**
 * The client's address as the nearest proxy reports it (the first X-Forwarded-For entry; Next
 * fills the header from the socket when no proxy set it). Recorded for the audit log only, never
 * used to decide anything.
 */
export function clientInfoFrom(get: (name: string) => string | null | undefined): ClientInfo {
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || get("x-real-ip")?.trim() || null;
  return { ip: ip ? ip.replace(/^::ffff:/, "") : null, userAgent: get("user-agent") ?? null };
}

/** From the current request; outside one (a script, a unit test) both are null. */
export async function clientInfo(): Promise<ClientInfo> {
  try {
    const h = await headers();
    return clientInfoFrom((name) => h.get(name));
  } catch {
    return { ip: null, userAgent: null };
  }
}
