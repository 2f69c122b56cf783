import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as proxyModule from "@/proxy";
import { crossSiteRefusal } from "./same-origin";

const DASHBOARD = "http://dash.example:3000";
const UNSAFE = ["POST", "PUT", "PATCH", "DELETE"] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** The URL of an app/ folder: route groups dropped, dynamic segments filled in. */
function urlOf(dir: string): string {
  const segments = path
    .relative("app", dir)
    .split(path.sep)
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment))
    .map((segment) => (segment.startsWith("[...") ? "signout" : segment.startsWith("[") ? "1" : segment));
  return `/${segments.join("/")}`;
}

/**
 * Everything in app/ that changes state on a POST: route handlers exporting an unsafe method
 * (found in the source, so a new one is covered the day it is added) and the pages whose folder
 * has server actions.
 */
function stateChangingEndpoints(): { url: string; methods: string[]; what: string }[] {
  const files = filesUnder("app");
  const handlers = files
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => {
      const source = readFileSync(file, "utf8");
      const methods = UNSAFE.filter((method) => new RegExp(`export (async )?function ${method}\\b|as ${method}\\b|export const ${method}\\b`).test(source));
      return { url: urlOf(path.dirname(file)), methods: [...methods], what: file };
    })
    .filter((endpoint) => endpoint.methods.length > 0);
  const actions = files
    .filter((file) => path.basename(file) === "actions.ts" && readFileSync(file, "utf8").startsWith('"use server"'))
    .map((file) => ({ url: urlOf(path.dirname(file)), methods: ["POST"], what: file }));
  return [...handlers, ...actions];
}

const send = (url: string, method: string, headers: Record<string, string>) => proxyModule.proxy(new NextRequest(`${DASHBOARD}${url}`, { method, headers }));

describe("cross-site requests", () => {
  beforeEach(() => {
    process.env.AUTH_SECRET = "x".repeat(40);
    delete process.env.NEXTAUTH_URL;
  });
  afterEach(() => {
    delete process.env.AUTH_SECRET;
    delete process.env.NEXTAUTH_URL;
  });

  const endpoints = stateChangingEndpoints();

  it("finds the state-changing endpoints: next-auth's handler and the server actions", () => {
    expect(endpoints.map((e) => e.url)).toEqual(expect.arrayContaining(["/api/auth/signout", "/dids", "/phones", "/aliases", "/cid-groups", "/calls", "/jobs", "/users", "/account", "/"]));
  });

  it("the proxy sees every path: it has no matcher that could leave a route out", () => {
    expect((proxyModule as { config?: unknown }).config).toBeUndefined();
  });

  for (const endpoint of endpoints) {
    for (const method of endpoint.methods) {
      it(`refuses a ${method} to ${endpoint.url} from another site, or with no Origin (${endpoint.what})`, async () => {
        for (const origin of ["https://evil.example", "http://dash.example.evil.example:3000", "http://sub.dash.example:3000", "null"]) {
          const refused = await send(endpoint.url, method, { origin, "content-type": "application/x-www-form-urlencoded", "next-action": "abc" });
          expect(refused.status, origin).toBe(403);
          expect(await refused.json()).toEqual({ error: expect.stringMatching(/^Refused: the request (came from another site|does not say which site sent it)$/) });
        }
        const anonymous = await send(endpoint.url, method, { "content-type": "application/x-www-form-urlencoded" });
        expect(anonymous.status).toBe(403);
        // The dashboard's own pages are let through (to the sign-in check and the handler).
        const own = await send(endpoint.url, method, { origin: DASHBOARD });
        expect(own.status).not.toBe(403);
      });
    }
  }

  it("accepts the public URL's origin behind a proxy, and the forwarded host", async () => {
    process.env.NEXTAUTH_URL = "https://dash.example.com";
    expect((await send("/dids", "POST", { origin: "https://dash.example.com" })).status).not.toBe(403);
    delete process.env.NEXTAUTH_URL;
    expect((await send("/dids", "POST", { origin: "https://public.example", "x-forwarded-host": "public.example" })).status).not.toBe(403);
  });

  it("leaves reads alone: a link from another site still opens a page", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(crossSiteRefusal(new Request(`${DASHBOARD}/calls/M1`, { method, headers: { origin: "https://tickets.example" } }))).toBeUndefined();
    }
  });
});
