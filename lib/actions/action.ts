import "server-only";
import type { z } from "zod";
import { ACCESS_MESSAGES } from "@/lib/actions/access-messages";
import { fail, type ActionResult } from "@/lib/actions/result";
import { outcomeOf } from "@/lib/audit/outcome";
import { recordAudit, type AuditDraft, type AuditEntry } from "@/lib/audit/record";
import { runHandler } from "./action-runner";
import { formDataToObject } from "./form-data";
import { can, type Permission, type Role } from "../auth/permissions";
import { clientInfo } from "../auth/request-info";
import { getCurrentUser } from "../auth/session";
import { vicidialSource } from "../auth/source";

export interface ActionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

export interface ActionContext {
  user: ActionUser;
  /** VICIdial's `source` parameter: who made the change, as VICIdial's own logs will show it. */
  source: string;
  audit: AuditDraft;
}

export interface ActionDefinition<S extends z.ZodType> {
  permission: Permission;
  schema: S;
  /** The audit action name (`did.add`); without it the action writes no audit entry. */
  audit?: string;
}

export type ServerAction<S extends z.ZodType, T> = (prev: unknown, input: FormData | z.input<S>) => Promise<ActionResult<T>>;

const DEFINITION = Symbol.for("vicidash.actionDefinition");

/** The definition an action was declared with (the role-matrix test checks it against its table). */
export function actionDefinition(fn: unknown): ActionDefinition<z.ZodType> | undefined {
  return typeof fn === "function" ? (fn as unknown as Record<symbol, ActionDefinition<z.ZodType> | undefined>)[DEFINITION] : undefined;
}

const messages = {
  ...ACCESS_MESSAGES,
  validation: "Some fields need attention.",
  crashed: "Something went wrong on the server; the change may not have been made. Check the audit log before trying again.",
};

/** Field errors keyed by the field's path (`name`, or `entries.0.pattern` inside lists). */
function fieldErrorsOf(error: z.ZodError): { fieldErrors: Record<string, string[]>; formErrors: string[] } {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    if (!key) formErrors.push(issue.message);
    else (fieldErrors[key] ??= []).push(issue.message);
  }
  return { fieldErrors, formErrors };
}

/** Next's redirect()/notFound() travel as thrown errors carrying a digest; they must pass through. */
function isNavigationSignal(error: unknown): error is Error & { digest: string } {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}

/**
 * Declares a server action. Every call runs the same way, whoever sends it: session (none:
 * `unauthorized`), permission (`forbidden`), schema (`validation`, field by field), and only then
 * the handler. One audit entry is written after the handler returns or throws; a throw becomes a
 * generic error result, never the exception's text. Usable from `useActionState`
 * (prev, FormData) and from react-hook-form (undefined, values).
 */
export function action<S extends z.ZodType, T>(
  def: ActionDefinition<S>,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<ActionResult<T>>,
): ServerAction<S, T> {
  const run: ServerAction<S, T> = async (_prev, input) => {
    const started = performance.now();
    let user;
    try {
      user = await getCurrentUser();
    } catch (error) {
      console.error("session check failed", error);
      return fail("internal", messages.sessionCheck);
    }
    if (!user) return fail("unauthorized", messages.unauthorized);

    const actor = { id: user.id, username: user.username, role: user.role };
    const write = async (entry: Omit<AuditEntry, "actor" | "action" | "ip" | "userAgent" | "durationMs">) => {
      if (!def.audit) return;
      try {
        await recordAudit({ actor, action: def.audit, ...entry, ...(await clientInfo()), durationMs: performance.now() - started });
      } catch (error) {
        // The change itself is done (or refused); a lost audit entry must not turn it into an error.
        console.error(`audit entry for ${def.audit} not written`, error);
      }
    };

    if (!can(user.role, def.permission)) {
      await write({ outcome: "failed", message: `Refused: the ${user.role} role lacks ${def.permission}` });
      return fail("forbidden", messages.forbidden);
    }
    if (user.mustChangePassword && def.permission !== "account.self") return fail("forbidden", messages.passwordFirst);

    const parsed = def.schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
    if (!parsed.success) {
      const { fieldErrors, formErrors } = fieldErrorsOf(parsed.error);
      return fail("validation", formErrors[0] ?? messages.validation, { fieldErrors });
    }

    const ctx: ActionContext = {
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
      source: vicidialSource(user.username),
      audit: {},
    };
    const draft = () => ({ target: ctx.audit.target, params: ctx.audit.params ?? parsed.data, before: ctx.audit.before, after: ctx.audit.after, raw: ctx.audit.raw, undoOf: ctx.audit.undoOf });

    let result: ActionResult<T>;
    try {
      result = await runHandler(handler, parsed.data, ctx);
    } catch (error) {
      if (isNavigationSignal(error)) {
        await write({ ...draft(), outcome: error.digest.startsWith("NEXT_REDIRECT") ? "success" : "failed", message: ctx.audit.message });
        throw error;
      }
      console.error(`action ${def.audit ?? def.permission} threw`, error);
      await write({ ...draft(), outcome: "failed", message: ctx.audit.message ?? `Error: ${error instanceof Error ? error.message : String(error)}` });
      return fail("internal", messages.crashed);
    }
    await write({ ...draft(), outcome: outcomeOf(result), message: ctx.audit.message ?? (result.ok ? result.message : result.error.message), raw: ctx.audit.raw ?? (result.ok ? undefined : result.error.raw) });
    return result;
  };
  return Object.assign(run, { [DEFINITION]: def });
}
