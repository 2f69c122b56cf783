import { ACCESS_MESSAGES } from "./access-messages";
import type { ActionError, ActionErrorKind } from "./result";

/**
 * The one error body every route handler answers with: `error` is the sentence to show; the rest
 * of an ActionError (kind, code, VICIdial's raw line) rides along when there is one. Shared by
 * the server (route()) and the browser code that reads these routes.
 */
export type RouteErrorBody = { error: string } & Partial<Omit<ActionError, "message">>;

export function routeErrorBody(error: ActionError | string): RouteErrorBody {
  if (typeof error === "string") return { error };
  const { message, ...rest } = error;
  return { error: message, ...rest };
}

const KIND_BY_STATUS: Record<number, ActionErrorKind> = { 400: "validation", 401: "unauthorized", 403: "forbidden", 404: "vicidial", 503: "unavailable" };

/** A route's refusal as an ActionError, from its body (or its status when the body says nothing). */
export function routeErrorOf(status: number, body: unknown): ActionError {
  const said = body as Partial<RouteErrorBody> | null | undefined;
  const kind = said?.kind ?? KIND_BY_STATUS[status] ?? "internal";
  // Whichever layer refused (proxy.ts or the route), an ended session is said the same way.
  if (status === 401) return { kind: "unauthorized", message: ACCESS_MESSAGES.unauthorized };
  if (typeof said?.error === "string") {
    const { error, ...rest } = said as RouteErrorBody;
    return { ...rest, kind, message: error };
  }
  return { kind, message: `The dashboard answered HTTP ${status}; try again.` };
}
