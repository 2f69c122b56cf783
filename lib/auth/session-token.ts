import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";

/**
 * Reading the session cookie. It is an encrypted JWT (next-auth's JWE: a key derivation and an
 * AES-GCM decryption to open), read by proxy.ts and again by the page on every request. The same
 * cookie comes with every request of a session, so what a cookie decrypted to is kept: a hit
 * needs the byte-identical cookie and the same secret, which only a successful decryption put
 * there, so nothing can be forged through it. Expiry is checked again on every hit, as jose does.
 */

/** next-auth's cookie name, which it prefixes when the site is served over HTTPS. */
export const sessionCookieName = (https: boolean) => `${https ? "__Secure-" : ""}next-auth.session-token`;

/** Enough for every session of a busy day in one process; the oldest entry goes first. */
const MAX_ENTRIES = 2_000;
/** Seconds of clock skew next-auth allows when it checks `exp`. */
const CLOCK_TOLERANCE_S = 15;

const holder = globalThis as typeof globalThis & { __vicidashSessionTokens?: Map<string, { secret: string; payload: JWT }> };
// On globalThis: proxy.ts and the pages are separate bundles in one process.
const decoded = (holder.__vicidashSessionTokens ??= new Map());

function expired(payload: JWT, now = Math.floor(Date.now() / 1000)): boolean {
  return typeof payload.exp === "number" && payload.exp <= now - CLOCK_TOLERANCE_S;
}

/** next-auth's `decode`, remembering what each cookie decrypted to. Throws on a bad token, as `decode` does. */
export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt } = params;
  if (!token || salt || typeof secret !== "string") return decode(params);
  const known = decoded.get(token);
  if (known && known.secret === secret) {
    if (expired(known.payload)) {
      decoded.delete(token);
      return null;
    }
    return known.payload;
  }
  const payload = await decode(params);
  if (!payload) return null;
  if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { secret, payload });
  return payload;
}

/**
 * The session token in these cookies, or null (no cookie, a token that does not decrypt or has
 * expired). Cookies only: a bearer token in an Authorization header is not a session here.
 */
export function readSessionToken(cookies: { getAll(): { name: string; value: string }[] }, options: { secret: string; https: boolean }): Promise<JWT | null> {
  return getToken({ req: { cookies, headers: {} } as never, secret: options.secret, secureCookie: options.https, decode: decodeSessionToken });
}
