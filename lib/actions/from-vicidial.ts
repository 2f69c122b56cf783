import type { VicidialErrorCode, VicidialFailure } from "@/lib/vicidial/errors";
import { fail, type ActionErrorKind } from "./result";

const UNAVAILABLE: ReadonlySet<VicidialErrorCode> = new Set(["TIMEOUT", "UNREACHABLE", "HTTP_ERROR", "EMPTY_RESPONSE", "DATABASE_ERROR"]);
const CONFLICT: ReadonlySet<VicidialErrorCode> = new Set(["DID_EXISTS", "PHONE_EXISTS", "LOGIN_EXISTS", "ALIAS_EXISTS", "ENTRY_EXISTS"]);

export function kindOf(code: VicidialErrorCode): ActionErrorKind {
  if (UNAVAILABLE.has(code)) return "unavailable";
  if (CONFLICT.has(code)) return "conflict";
  return "vicidial";
}

/**
 * A VICIdial failure as an action error: plain words, the scrubbed raw line, and, when VICIdial
 * named a parameter, the error placed on the form field that holds it (`fieldFor` maps API
 * parameter names such as `did_description` to form field names).
 */
export function fromVicidial(failure: VicidialFailure, fieldFor: Record<string, string> = {}) {
  const field = failure.field ? (fieldFor[failure.field] ?? failure.field) : undefined;
  return fail(kindOf(failure.code), failure.message, {
    code: failure.code,
    raw: failure.raw,
    ...(failure.reconciled ? { reconciled: failure.reconciled } : {}),
    ...(field ? { fieldErrors: { [field]: [failure.message] } } : {}),
  });
}
