import { encode, getToken, type JWT } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { loginUrl } from "@/lib/auth/callback-url";
import { sessionClaimsSchema, type SessionClaims } from "@/lib/auth/claims";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";
import { isPublicPath, isStaticAsset } from "@/lib/auth/public-paths";
import { crossSiteRefusal } from "@/lib/auth/same-origin";
import { decodeSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { activityToRecord, countsAsActivity, sessionExpired, sessionLimits } from "@/lib/auth/session-lifetime";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/auth/security-headers";

/**
 * Runs before every request (no matcher: every path). It refuses cross-site requests that could
 * change something (lib/auth/same-origin), sends anonymous visitors to the login page and sets the
 * security headers (a fresh script nonce per request). It only reads the session cookie: whether the
 * account is still enabled is checked by each page and action against the database, and every
 * action checks its permission itself, so nothing relies on this file alone.
 */

/** The same rule next-auth uses to name and secure its cookie: NEXTAUTH_URL if set, else the request. */
function servedOverHttps(request: NextRequest): boolean {
  const configured = process.env.NEXTAUTH_URL;
  return configured ? configured.startsWith("https://") : request.nextUrl.protocol === "https:";
}

const secret = () => process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;

/** The session in the cookie, unless there is none or it is over (idle or past its lifetime). */
async function readSession(request: NextRequest, https: boolean): Promise<{ token: JWT; claims: SessionClaims } | undefined> {
  const key = secret();
  if (!key) return undefined;
  const token = await getToken({ req: request, secret: key, secureCookie: https, decode: decodeSessionToken });
  const claims = sessionClaimsSchema.safeParse(token);
  if (!token || !claims.success || sessionExpired(claims.data, new Date())) return undefined;
  return { token, claims: claims.data };
}

/** Records the user's request as their last activity in the session cookie (idle expiry counts from it). */
async function recordActivity(response: NextResponse, session: { token: JWT; claims: SessionClaims }, https: boolean): Promise<void> {
  const now = new Date();
  if (!activityToRecord(session.claims, now)) return;
  const seconds = Math.floor(now.getTime() / 1000);
  // The renewed cookie still ends with the session's absolute lifetime, never later.
  const maxAge = Math.max(1, sessionLimits().maxAgeSeconds - (seconds - session.claims.signedInAt));
  const value = await encode({ token: { ...session.token, activeAt: seconds }, secret: secret()!, maxAge });
  response.cookies.set(sessionCookieName(https), value, { httpOnly: true, sameSite: "lax", path: "/", secure: https, maxAge });
}

function withHeaders<R extends Response>(response: R, csp?: string): R {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (csp) response.headers.set("Content-Security-Policy", csp);
  return response;
}

/** The page asked for, minus Next's cache-busting parameter, to come back to after sign-in. */
function returnPath(request: NextRequest): string {
  const search = new URLSearchParams(request.nextUrl.search);
  search.delete("_rsc");
  const query = search.toString();
  return `${request.nextUrl.pathname}${query ? `?${query}` : ""}`;
}

export async function proxy(request: NextRequest) {
  // Before anything else, on every path: a cross-site POST reaches no route handler, action or sign-in endpoint.
  const refusal = crossSiteRefusal(request);
  if (refusal) return withHeaders(NextResponse.json({ error: refusal }, { status: 403 }));

  const { pathname } = request.nextUrl;
  if (isStaticAsset(pathname)) return withHeaders(NextResponse.next());

  const https = servedOverHttps(request);
  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });

  const session = await readSession(request, https);
  if (!isPublicPath(pathname) && !session) {
    if (pathname.startsWith("/api/")) return withHeaders(NextResponse.json({ error: "Sign in first" }, { status: 401 }), csp);
    // Only page loads are redirected; a server action answers "unauthorized" itself, as a result the form can show.
    if (request.method === "GET" || request.method === "HEAD") {
      return withHeaders(NextResponse.redirect(new URL(loginUrl(returnPath(request)), request.url)), csp);
    }
  }

  const forwarded = new Headers(request.headers);
  // Next reads the nonce from the request's CSP header and puts it on its script tags.
  forwarded.set("Content-Security-Policy", csp);
  forwarded.set("x-nonce", nonce);
  forwarded.set(REQUEST_PATH_HEADER, returnPath(request));
  const response = NextResponse.next({ request: { headers: forwarded } });
  if (session && countsAsActivity(pathname, request.headers)) await recordActivity(response, session, https);
  return withHeaders(response, csp);
}
