/**
 * Signing in over HTTP as a browser does (next-auth's CSRF token, then the credentials callback),
 * keeping the cookies by hand so one session can be carried from one instance to another.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, ...value] = pair!.split("=");
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value.join("=") === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  copy(): CookieJar {
    const jar = new CookieJar();
    for (const [name, value] of this.cookies) jar.cookies.set(name, value);
    return jar;
  }
}

export const SESSION_COOKIE = "next-auth.session-token";

async function csrf(base: string, jar: CookieJar): Promise<string> {
  const res = await fetch(`${base}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.take(res);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** Signs in on `base`; the outcome is the error the login form would show, or null when signed in. */
export async function signIn(base: string, jar: CookieJar, username: string, password: string): Promise<string | null> {
  const csrfToken = await csrf(base, jar);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: base },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/`, json: "true" }),
  });
  jar.take(res);
  const location = res.headers.get("location") ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
  const error = new URL(location, base).searchParams.get("error");
  if (error) return error;
  return jar.get(SESSION_COOKIE) ? null : `no session cookie (status ${res.status})`;
}

export async function signOut(base: string, jar: CookieJar): Promise<void> {
  const csrfToken = await csrf(base, jar);
  const res = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), origin: base },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${base}/login`, json: "true" }),
  });
  jar.take(res);
}

/** GET with the jar's cookies; redirects are not followed (a redirect to /login means "signed out"). */
export async function get(base: string, jar: CookieJar, pathname: string): Promise<Response> {
  return fetch(`${base}${pathname}`, { redirect: "manual", headers: { cookie: jar.header() } });
}

/** Whether the jar's session opens a signed-in page on `base`. */
export async function signedIn(base: string, jar: CookieJar): Promise<boolean> {
  const res = await get(base, jar, "/dids");
  await res.arrayBuffer();
  if (res.status === 200) return true;
  if (res.status >= 300 && res.status < 400 && /\/login/.test(res.headers.get("location") ?? "")) return false;
  throw new Error(`unexpected answer to /dids: ${res.status} ${res.headers.get("location") ?? ""}`);
}
