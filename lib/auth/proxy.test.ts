import { decode, encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { sessionLimits } from "./session-lifetime";

const SECRET = "x".repeat(40);

async function sessionCookie(signedInAt = Math.floor(Date.now() / 1000), activeAt?: number): Promise<string> {
  const token = await encode({ secret: SECRET, token: { sub: "1", uid: 1, username: "admin", name: "Admin", role: "admin", sv: 1, signedInAt, ...(activeAt ? { activeAt } : {}) } });
  return `next-auth.session-token=${token}`;
}

/** A request as a browser on the dashboard's own pages sends it (Origin on every POST). */
const get = (path: string, init: { cookie?: string; method?: string } = {}) => {
  const headers: Record<string, string> = init.cookie ? { cookie: init.cookie } : {};
  if (init.method && init.method !== "GET") headers.origin = "http://dash.example:3000";
  return proxy(new NextRequest(`http://dash.example:3000${path}`, { method: init.method ?? "GET", headers }));
};

describe("proxy", () => {
  beforeEach(() => {
    process.env.AUTH_SECRET = SECRET;
    delete process.env.NEXTAUTH_URL;
  });
  afterEach(() => {
    delete process.env.AUTH_SECRET;
  });

  it("sends anonymous page visits to the login page with the way back, minus Next's _rsc parameter", async () => {
    const res = await get("/dids?q=1727&_rsc=abc");
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://dash.example:3000/login?callbackUrl=%2Fdids%3Fq%3D1727");
    expect((await get("/")).headers.get("location")).toBe("http://dash.example:3000/login");
  });

  it("answers anonymous API calls with 401 rather than a redirect, but leaves next-auth's endpoints open", async () => {
    const res = await get("/api/connection");
    expect(res.status).toBe(401);
    expect((await get("/api/auth/csrf")).headers.get("location")).toBeNull();
    expect((await get("/login")).status).toBe(200);
  });

  it("lets an anonymous server-action POST through: the action itself answers 'unauthorized'", async () => {
    expect((await get("/users", { method: "POST" })).headers.get("location")).toBeNull();
  });

  it("lets a valid session through and tells the page which path was asked for", async () => {
    const res = await get("/users?x=1", { cookie: await sessionCookie() });
    expect(res.headers.get("location")).toBeNull();
    // NextResponse.next forwards modified request headers as x-middleware-request-* headers.
    expect(res.headers.get("x-middleware-request-x-dashboard-path")).toBe("/users?x=1");
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(res.headers.get("content-security-policy"));
  });

  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const HOUR = 3600;

  it("treats a session past its absolute lifetime (12 hours), or signed with another secret, as none", async () => {
    // Active a minute ago, but signed in 12 hours ago.
    const old = await sessionCookie(nowSeconds() - sessionLimits().maxAgeSeconds - 10, nowSeconds() - 60);
    expect((await get("/users", { cookie: old })).status).toBe(307);
    const forged = await encode({ secret: "y".repeat(40), token: { uid: 1, username: "admin", name: "A", role: "admin", sv: 1, signedInAt: Date.now() / 1000 } });
    expect((await get("/users", { cookie: `next-auth.session-token=${forged}` })).status).toBe(307);
  });

  it("treats a session idle for more than 8 hours as none, and one idle for less as valid", async () => {
    const idle = await sessionCookie(nowSeconds() - 9 * HOUR, nowSeconds() - 8 * HOUR - 60);
    expect((await get("/users", { cookie: idle })).status).toBe(307);
    expect((await get("/api/connection", { cookie: idle })).status).toBe(401);
    const resting = await sessionCookie(nowSeconds() - 9 * HOUR, nowSeconds() - 7 * HOUR);
    expect((await get("/users", { cookie: resting })).headers.get("location")).toBeNull();
  });

  it("takes both limits from the environment", async () => {
    process.env.SESSION_IDLE_MINUTES = "15";
    process.env.SESSION_MAX_HOURS = "2";
    try {
      expect((await get("/users", { cookie: await sessionCookie(nowSeconds() - HOUR, nowSeconds() - 16 * 60) })).status).toBe(307);
      expect((await get("/users", { cookie: await sessionCookie(nowSeconds() - 2 * HOUR - 10, nowSeconds() - 60) })).status).toBe(307);
      expect((await get("/users", { cookie: await sessionCookie(nowSeconds() - HOUR, nowSeconds() - 14 * 60) })).status).toBe(200);
    } finally {
      delete process.env.SESSION_IDLE_MINUTES;
      delete process.env.SESSION_MAX_HOURS;
    }
  });

  it("records a page visit or action as activity in the cookie, but not the pages' own polling", async () => {
    const signedIn = nowSeconds() - 2 * HOUR;
    const cookie = await sessionCookie(signedIn, nowSeconds() - 30 * 60);
    for (const request of [get("/dids", { cookie }), get("/dids", { cookie, method: "POST" })]) {
      const renewed = (await request).cookies.get("next-auth.session-token");
      expect(renewed?.httpOnly).toBe(true);
      const token = await decode({ token: renewed?.value, secret: SECRET });
      expect(token).toMatchObject({ uid: 1, signedInAt: signedIn });
      expect(Number(token?.activeAt)).toBeGreaterThanOrEqual(nowSeconds() - 5);
      // Renewed, the cookie still ends when the session's absolute lifetime does.
      expect(renewed?.maxAge).toBeLessThanOrEqual(sessionLimits().maxAgeSeconds - 2 * HOUR);
    }
    expect((await get("/api/connection", { cookie })).cookies.get("next-auth.session-token")).toBeUndefined();
    const prefetch = await proxy(new NextRequest("http://dash.example:3000/dids", { headers: { cookie, "next-router-prefetch": "1" } }));
    expect(prefetch.cookies.get("next-auth.session-token")).toBeUndefined();
  });

  it("looks for the Secure cookie when NEXTAUTH_URL is https", async () => {
    process.env.NEXTAUTH_URL = "https://dash.example";
    expect((await get("/users", { cookie: await sessionCookie() })).status).toBe(307);
    const secure = (await sessionCookie()).replace("next-auth.session-token", "__Secure-next-auth.session-token");
    expect((await get("/users", { cookie: secure })).headers.get("location")).toBeNull();
  });

  it("sets the security headers, with a fresh nonce per request", async () => {
    const a = await get("/login");
    const b = await get("/login");
    const csp = a.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    expect(a.headers.get("x-frame-options")).toBe("DENY");
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect((await get("/users")).headers.get("x-frame-options")).toBe("DENY");
  });

  it("serves static assets without a session, still with the static headers", async () => {
    const res = await get("/_next/static/chunks/app.js");
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await get("/favicon.ico")).headers.get("location")).toBeNull();
  });
});
