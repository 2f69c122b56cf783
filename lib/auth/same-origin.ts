/**
 * Cross-site request refusal for every request that can change something. Browsers attach the
 * session cookie (SameSite=Lax) to some cross-site requests and to every request from a sibling
 * subdomain, so a page elsewhere could otherwise submit to our route handlers and actions. Next
 * checks the Origin of server actions itself; this check covers everything else too (route
 * handlers, next-auth's endpoints) and runs once, in proxy.ts, for every path.
 *
 * Browsers send Origin with every POST, PUT, PATCH and DELETE, same-origin ones included, so a
 * missing Origin is refused as well: only a non-browser client omits it, and it needs no cookie
 * from us.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The host the browser addressed: a proxy's X-Forwarded-Host, else Host (as Next checks server actions). */
function addressedHost(request: Request): string | undefined {
  const { headers } = request;
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || hostOf(request.url);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** Why `request` is refused as cross-site, or undefined when it may proceed. */
export function crossSiteRefusal(request: Request): string | undefined {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return "Refused: the request does not say which site sent it";
  const from = hostOf(origin);
  const allowed = [addressedHost(request), hostOf(process.env.NEXTAUTH_URL)].filter(Boolean);
  if (from && allowed.includes(from)) return undefined;
  return "Refused: the request came from another site";
}
