/**
 * What anonymous visitors may reach: the login page, next-auth's own endpoints, Next's build
 * output and the files in public/. Everything else needs a session (and checks it again itself).
 */
const PUBLIC_PAGES = new Set(["/login"]);
const PUBLIC_PREFIXES = ["/api/auth/"];
/** Load balancers probe this without a session. */
const PUBLIC_API = new Set(["/api/health"]);

const ASSET = /\.(?:ico|png|svg|jpe?g|gif|webp|avif|txt|xml|webmanifest|css|js|map|woff2?)$/i;

export function isStaticAsset(pathname: string): boolean {
  return pathname.startsWith("/_next/static/") || pathname.startsWith("/_next/image") || ASSET.test(pathname);
}

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PAGES.has(pathname) || PUBLIC_API.has(pathname) || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p)) || isStaticAsset(pathname);
}
