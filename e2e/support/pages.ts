import type { Permission } from "../../lib/auth/permissions";
import { CALL_PAGES } from "./pages/calls";
import { CID_GROUP_PAGES } from "./pages/cid-groups";
import { DID_PAGES } from "./pages/dids";
import { JOB_PAGES } from "./pages/jobs";
import { PHONE_PAGES } from "./pages/phones";

/**
 * Every dashboard page, for the page role matrix (e2e/role-matrix.spec.ts): the path, the heading
 * it shows (its h1), and the permission it needs (null: any signed-in user). Each resource keeps
 * its pages in e2e/support/pages/<resource>.ts and adds them to DASHBOARD_PAGES below.
 */
export interface DashboardPage {
  path: string;
  heading: string;
  permission: Permission | null;
  /** An address with no page: answered with the not-found page (heading in the browser only). */
  notFound?: true;
}

const SHELL_PAGES: DashboardPage[] = [
  { path: "/", heading: "Overview", permission: null },
  { path: "/account", heading: "Account", permission: null },
  // An address with no page: the not-found page inside the shell, for every role.
  { path: "/no-such-page", heading: "Page not found", permission: null, notFound: true },
];

const AUDIT_AND_USER_PAGES: DashboardPage[] = [
  { path: "/audit", heading: "Audit log", permission: "audit.view.own" },
  { path: "/users", heading: "Users", permission: "users.manage" },
  { path: "/settings", heading: "Settings", permission: "settings.manage" },
];

export const DASHBOARD_PAGES: DashboardPage[] = [...SHELL_PAGES, ...DID_PAGES, ...PHONE_PAGES, ...CID_GROUP_PAGES, ...CALL_PAGES, ...JOB_PAGES, ...AUDIT_AND_USER_PAGES];

/** The 403 page's heading (app/forbidden.tsx). */
export const FORBIDDEN_HEADING = "You do not have access to this page";
