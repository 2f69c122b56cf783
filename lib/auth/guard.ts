import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { loginUrl } from "./callback-url";
import { pagePermission, permissionForPath, type PageRoute } from "./page-access";
import { can, type Permission } from "./permissions";
import { REQUEST_PATH_HEADER } from "./request-path";
import { getCurrentUser, type CurrentUser } from "./session";

/** The one page a user holding a one-time password may see: where they replace it. */
export const ACCOUNT_PATH = "/account";

async function requestedPath(): Promise<string> {
  return (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
}

/**
 * For layouts and pages: the signed-in user, or a redirect to the login page (and back here
 * afterwards). A user still holding a one-time password is sent to the account page first; their
 * actions are refused by the action wrapper as well, so this is guidance, not the only guard.
 */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  const path = await requestedPath();
  if (!user) redirect(loginUrl(path));
  if (user.mustChangePassword && !(path === ACCOUNT_PATH || path.startsWith(`${ACCOUNT_PATH}?`))) {
    redirect(`${ACCOUNT_PATH}?${new URLSearchParams({ callbackUrl: path })}`);
  }
  return user;
}

/** For pages: as requireUser, and the 403 page (app/forbidden.tsx) when the role lacks the permission. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** For pages: their permission from the one page table (lib/auth/page-access.ts). */
export async function requirePage(route: PageRoute, segment?: string): Promise<CurrentUser> {
  const permission = pagePermission(route, segment);
  return permission ? requirePermission(permission) : requireUser();
}

/**
 * For the dashboard layout: as requireUser, and the 403 page when the role lacks the requested
 * page's permission. It runs above every loading boundary, so the refusal is an HTTP 403; the
 * page's own check still guards navigations that do not render the layout again.
 */
export async function requireUserForRequestedPage(): Promise<CurrentUser> {
  const user = await requireUser();
  const permission = permissionForPath(await requestedPath());
  if (permission && !can(user.role, permission)) forbidden();
  return user;
}
