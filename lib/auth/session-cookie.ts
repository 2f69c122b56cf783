import "server-only";
import { cookies, headers } from "next/headers";
import { sessionClaimsSchema, type SessionClaims } from "./claims";
import { authSecret } from "./options";
import { readSessionToken } from "./session-token";

/**
 * next-auth's rule for whether its cookie carries the __Secure- prefix: NEXTAUTH_URL when set,
 * else the forwarded protocol (Next sets it from the socket when no proxy in front did).
 */
async function servedOverHttps(): Promise<boolean> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return configured.startsWith("https://");
  return (await headers()).get("x-forwarded-proto") !== "http";
}

/**
 * The claims in this request's session cookie, or null. What next-auth's getServerSession
 * returned through our session callback, read directly: getServerSession also ran its whole
 * request handler and encrypted a renewed token that a page cannot send, on every request.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const token = await readSessionToken(await cookies(), { secret: authSecret(), https: await servedOverHttps() });
  const claims = sessionClaimsSchema.safeParse(token);
  return claims.success ? claims.data : null;
}
