import { isFileJobKind, JOB_KIND_INFO } from "@/lib/jobs/kinds";
import type { Permission } from "./permissions";

/** What a page needs: a permission, null for every signed-in user, or a rule on its one dynamic segment. */
type Access = Permission | null | ((segment: string) => Permission | undefined);

/**
 * Every dashboard page's route and the permission it needs, held once. The page checks it
 * (requirePage), and so does the dashboard layout, above every loading boundary: a page behind a
 * `loading.tsx` has already answered 200 by the time its own check runs, so without the layout's
 * check a refused page would be a 200 that draws the 403 page instead of an HTTP 403.
 */
export const PAGE_ACCESS = {
  "/": null,
  "/account": null,
  "/dids": "dids.view",
  "/dids/new": "dids.write",
  "/dids/[pattern]": "dids.view",
  "/phones": "phones.view",
  "/phones/new": "phones.write",
  "/phones/[server]/[extension]": "phones.view",
  "/aliases": "phones.view",
  "/aliases/new": "phones.write",
  "/aliases/[id]": "phones.view",
  "/cid-groups": "cid.view",
  "/cid-groups/[id]": "cid.view",
  "/calls": "calls.lookup",
  "/calls/batch": "calls.lookup",
  "/calls/flags": "calls.flags.view",
  "/calls/[callId]": "calls.lookup",
  "/calls/inbound/[key]": "calls.lookup",
  "/calls/outbound/[key]": "calls.lookup",
  "/jobs": "jobs.run",
  "/jobs/new": "jobs.run",
  // An unknown kind has no permission to check: the page answers it with the not-found page.
  "/jobs/new/[kind]": (kind) => (isFileJobKind(kind) ? JOB_KIND_INFO[kind].permission : undefined),
  "/jobs/[id]": "jobs.run",
  "/audit": "audit.view.own",
  "/audit/[id]": "audit.view.own",
  "/users": "users.manage",
  "/settings": "settings.manage",
} as const satisfies Record<string, Access>;

export type PageRoute = keyof typeof PAGE_ACCESS;

/** The permission `route` needs (`segment`: its dynamic segment's value, where the rule reads it). */
export function pagePermission(route: PageRoute, segment = ""): Permission | null | undefined {
  const access: Access = PAGE_ACCESS[route];
  return typeof access === "function" ? access(segment) : access;
}

interface RouteMatcher {
  route: PageRoute;
  pattern: RegExp;
}

/** Static routes before dynamic ones, as Next resolves them: /dids/new is not the DID "new". */
const MATCHERS: RouteMatcher[] = (Object.keys(PAGE_ACCESS) as PageRoute[])
  .map((route) => ({ route, pattern: new RegExp(`^${route.replace(/\[[^\]]+\]/g, "([^/]+)")}/?$`), dynamic: (route.match(/\[/g) ?? []).length }))
  .sort((a, b) => a.dynamic - b.dynamic)
  .map(({ route, pattern }) => ({ route, pattern }));

/**
 * The permission the page at `path` (a request path, query allowed) needs: null for every
 * signed-in user, undefined for an address that is no page or whose rule cannot tell.
 */
export function permissionForPath(path: string): Permission | null | undefined {
  const pathname = path.split("?")[0] ?? "/";
  for (const { route, pattern } of MATCHERS) {
    const match = pattern.exec(pathname);
    if (match) return pagePermission(route, match[1]);
  }
  return undefined;
}
