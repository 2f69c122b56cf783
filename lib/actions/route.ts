import "server-only";
import { ACCESS_MESSAGES } from "./access-messages";
import { can, type Permission } from "@/lib/auth/permissions";
import { crossSiteRefusal } from "@/lib/auth/same-origin";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { ActionError } from "./result";
import { routeErrorBody } from "./route-error";

/**
 * Who may call a route: a permission of the role table, any one of several, or a rule of its
 * own (the audit log's scope, a job kind's permission). "signed-in": anyone signed in.
 */
export type RouteAccess<P> = Permission | readonly Permission[] | "signed-in" | ((user: CurrentUser, params: P) => boolean);

export interface RouteDefinition<P> {
  access: RouteAccess<P>;
  /** Answers while the user still has to replace a one-time password (the shell's connection light). */
  duringPasswordChange?: boolean;
  /**
   * Said with a 503 when the session check or the handler throws: everything there reads the
   * dashboard's database, so a throw is the database being away. Without it a throw is a 500.
   */
  unavailable?: string;
}

export interface RouteContext<P> {
  user: CurrentUser;
  params: P;
}

type Segment<P> = { params: Promise<P> };

/** A JSON error answer in the one shape every route uses: `{ error, ...ActionError's other fields }`. */
export function routeError(status: number, error: ActionError | string, headers: Record<string, string> = {}): Response {
  return Response.json(routeErrorBody(error), { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** A JSON answer that no cache keeps (every route reads live state). */
export function routeJson(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

function allowed<P>(access: RouteAccess<P>, user: CurrentUser, params: P): boolean {
  if (access === "signed-in") return true;
  if (typeof access === "function") return access(user, params);
  const permissions: readonly Permission[] = typeof access === "string" ? [access] : access;
  return permissions.some((permission) => can(user.role, permission));
}

/**
 * Declares a route handler. Every request runs the same way, as every server action does:
 * session (none: 401), permission and a pending password change (403), the same-origin check for
 * a method that can change something (403; proxy.ts checks it too, this keeps a handler safe on
 * its own), and only then the handler.
 */
export function route<P = Record<string, never>>(def: RouteDefinition<P>, handler: (request: Request, ctx: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, segment?: Segment<P>): Promise<Response> => {
    const away = (error: unknown) => {
      console.error(`${new URL(request.url).pathname}: database unavailable`, error instanceof Error ? error.message : error);
      return routeError(503, def.unavailable ?? ACCESS_MESSAGES.sessionCheck);
    };
    let user: CurrentUser | null;
    try {
      user = await getCurrentUser();
    } catch (error) {
      return away(error);
    }
    if (!user) return routeError(401, { kind: "unauthorized", message: ACCESS_MESSAGES.unauthorized });
    const params = ((await segment?.params) ?? {}) as P;
    if (!allowed(def.access, user, params)) return routeError(403, { kind: "forbidden", message: ACCESS_MESSAGES.forbidden });
    if (user.mustChangePassword && !def.duringPasswordChange) return routeError(403, { kind: "forbidden", message: ACCESS_MESSAGES.passwordFirst });
    const refusal = crossSiteRefusal(request);
    if (refusal) return routeError(403, { kind: "forbidden", message: refusal });
    if (!def.unavailable) return handler(request, { user, params });
    try {
      return await handler(request, { user, params });
    } catch (error) {
      return away(error);
    }
  };
}
