import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { loginUrl } from "./callback-url";
import { can, type Permission } from "./permissions";
import { REQUEST_PATH_HEADER } from "./request-path";
import { getCurrentUser, type CurrentUser } from "./session";


async function requestedPath(): Promise<string> {
  return (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
}

/**
 * For pages: the signed-in user, or a redirect to the login page (and back here afterwards).
 * A user still holding a one-time password is sent to the account page first.
 */
export async function requireUser({ allowPendingPasswordChange = false }: { allowPendingPasswordChange?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginUrl(await requestedPath()));
  if (user.mustChangePassword && !allowPendingPasswordChange) {
    redirect(`/account?${new URLSearchParams({ callbackUrl: await requestedPath() })}`);
  }
  return user;
}

/** For pages: as requireUser, and the 403 page (app/forbidden.tsx) when the role lacks the permission. */
export async function requirePermission(permission: Permission): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) forbidden();
  return user;
}
