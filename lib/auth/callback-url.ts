/**
 * Where to go after signing in. Only a path on this site is accepted: anything else (another
 * origin, a protocol-relative `//host`, a backslash trick) falls back to the overview, so the login
 * page cannot be used to bounce people to a look-alike site.
 */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/"): string {
  if (!value || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  // Control characters and whitespace never appear in our own paths; browsers strip some of them.
  if (/[\u0000-\u001f\u007f\s]/.test(value)) return fallback;
  try {
    const parsed = new URL(value, "http://dashboard.invalid");
    if (parsed.origin !== "http://dashboard.invalid") return fallback;
    if (parsed.pathname === "/login" || parsed.pathname.startsWith("/api/")) return fallback;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return fallback;
  }
}

/** `/login`, with the page to come back to unless that is the overview. */
export function loginUrl(returnTo: string): string {
  const target = safeCallbackUrl(returnTo);
  return target === "/" ? "/login" : `/login?${new URLSearchParams({ callbackUrl: target })}`;
}
