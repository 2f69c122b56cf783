import type { Permission } from "../../lib/auth/permissions";

/**
 * Every dashboard page, for the page role matrix (e2e/role-matrix.spec.ts): the path, the heading
 * it shows (its h1), and the permission it needs (null: any signed-in user). Issues that add a
 * page add it here.
 */
export interface DashboardPage {
  path: string;
  heading: string;
  permission: Permission | null;
}

export const DASHBOARD_PAGES: DashboardPage[] = [
  { path: "/", heading: "Overview", permission: null },
  { path: "/account", heading: "Account", permission: null },
  { path: "/dids", heading: "DIDs", permission: "dids.view" },
  { path: "/phones", heading: "Phones", permission: "phones.view" },
  { path: "/aliases", heading: "Phone aliases", permission: "phones.view" },
  { path: "/cid-groups", heading: "CID groups", permission: "cid.view" },
  { path: "/calls", heading: "Call lookup", permission: "calls.lookup" },
  { path: "/audit", heading: "Audit log", permission: "audit.view.own" },
  { path: "/users", heading: "Users", permission: "users.manage" },
];

/** The 403 page's heading (app/forbidden.tsx). */
export const FORBIDDEN_HEADING = "You do not have access to this page";
