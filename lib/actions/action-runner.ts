import type { ActionResult } from "@/lib/actions/result";

/**
 * The one point where the action wrapper hands control to a handler. The role-matrix test
 * replaces this module to see exactly which calls get this far, without running the handlers.
 */
export function runHandler<I, C, T>(handler: (input: I, ctx: C) => Promise<ActionResult<T>>, input: I, ctx: C): Promise<ActionResult<T>> {
  return handler(input, ctx);
}
