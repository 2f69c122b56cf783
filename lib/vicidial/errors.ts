/**
 * The closed list of outcomes the client reports, and the plain-English sentence for each.
 * Every message is written for a supervisor, not for a developer.
 */
export const VICIDIAL_ERROR_CODES = [
  "DID_EXISTS",
  "PHONE_EXISTS",
  "LOGIN_EXISTS",
  "ALIAS_EXISTS",
  "ENTRY_EXISTS",
  "NOT_FOUND",
  "SERVER_NOT_FOUND",
  "SOURCE_NOT_FOUND",
  "PHONE_LOGIN_NOT_FOUND",
  "CALL_LOG_NOT_FOUND",
  "NO_ENTRIES",
  "INVALID_FIELD",
  "REQUIRED_FIELDS",
  "PERMISSION_DENIED",
  "DELETE_NOT_ALLOWED",
  "FUNCTION_NOT_ALLOWED",
  /** `ERROR: NO FUNCTION SPECIFIED` after a good login: this VICIdial version lacks the function. */
  "UNSUPPORTED_FUNCTION",
  "INVALID_SOURCE",
  "LOGIN_INCORRECT",
  "LOCKED_OUT",
  "IP_BLOCKED",
  "NO_UPDATES",
  "NO_DIDS_ADDED",
  /** `MySQL connect ERROR:` (contract 1.1): VICIdial is up but cannot reach its database. */
  "DATABASE_ERROR",
  "EMPTY_RESPONSE",
  "UNKNOWN_RESPONSE",
  "TIMEOUT",
  "UNREACHABLE",
  "HTTP_ERROR",
] as const;

export type VicidialErrorCode = (typeof VICIDIAL_ERROR_CODES)[number];

/** Failures of the HTTP exchange itself, before any VICIdial answer could be read. */
export type TransportErrorCode = "TIMEOUT" | "UNREACHABLE" | "HTTP_ERROR";

/** Codes decided from a body VICIdial (or something at its URL) sent back. */
export type AnswerErrorCode = Exclude<VicidialErrorCode, TransportErrorCode>;

/**
 * What reading VICIdial back showed after an answer whose outcome is unknown (an HTTP 500, even
 * one carrying SUCCESS: contract 4). `done`: the change is in place. `not_done`: nothing was
 * changed; safe to try again. `exists`: the record exists, but the values sent cannot be read
 * back through the API. `unchecked`: it could not be read back.
 */
export interface Reconciliation {
  state: "done" | "not_done" | "exists" | "unchecked";
  /** A plain sentence for the user ("Checked afterwards: ..."). */
  message: string;
}

export type VicidialFailure = {
  ok: false;
  code: VicidialErrorCode;
  message: string;
  field?: string;
  raw: string;
  /** Only after an unknown outcome of a change; the sentence is also part of `message`. */
  reconciled?: Reconciliation;
};

export type VicidialResult<T> = { ok: true; data: T; raw: string } | VicidialFailure;

/** The nouns an operation's messages need ("may not add DIDs", "This DID does not exist"). */
export interface Subject {
  /** "DID", "phone", "phone alias", "CID group", "call". */
  thing: string;
  /** "DIDs", "phones"... */
  things: string;
  /** What the permission covers: "add DIDs", "change phones", "look up calls". */
  right: string;
  /** Whether a lost answer may have left a change behind (writes) or not (reads). */
  changesData: boolean;
}

export const OUTCOME_UNKNOWN = "VICIdial may or may not have made the change; check before trying again.";

export function failure(code: VicidialErrorCode, message: string, raw = "", field?: string): VicidialFailure {
  return field === undefined ? { ok: false, code, message, raw } : { ok: false, code, message, field, raw };
}

/** The sentence for a code VICIdial itself answered with (not transport codes). */
export function answerMessage(code: AnswerErrorCode, subject: Subject, detail: { apiFunction: string; fieldMessage?: string }): string {
  switch (code) {
    case "DID_EXISTS":
      return "This DID already exists in VICIdial";
    case "PHONE_EXISTS":
      return "A phone with this extension already exists on this server";
    case "LOGIN_EXISTS":
      return "Another phone already uses this phone login";
    case "ALIAS_EXISTS":
      return "This phone alias already exists in VICIdial";
    case "ENTRY_EXISTS":
      return "This CID group entry already exists";
    case "NOT_FOUND":
      return subject.thing === "call"
        ? "VICIdial has no call with this call ID"
        : `This ${subject.thing} does not exist in VICIdial, or the API user may not see it`;
    case "SERVER_NOT_FOUND":
      return "VICIdial has no server with this IP address";
    case "SOURCE_NOT_FOUND":
      return "The DID to copy from does not exist in VICIdial, or the API user may not see it";
    case "PHONE_LOGIN_NOT_FOUND":
      return "One of the phone logins does not belong to any phone in VICIdial";
    case "CALL_LOG_NOT_FOUND":
      return "VICIdial knows this call ID but has no call log for it";
    case "NO_ENTRIES":
      return "This CID group has no matching entries";
    case "INVALID_FIELD":
      return detail.fieldMessage ?? "VICIdial rejected one of the values";
    case "REQUIRED_FIELDS":
      return "VICIdial says a required value is missing or has the wrong length";
    case "PERMISSION_DENIED":
      return `The VICIdial API user may not ${subject.right}`;
    case "DELETE_NOT_ALLOWED":
      return `The VICIdial API user may not delete ${subject.things}; nothing was deleted`;
    case "FUNCTION_NOT_ALLOWED":
      return `The VICIdial API user may not use ${detail.apiFunction}: it is not in the user's allowed API functions`;
    case "UNSUPPORTED_FUNCTION":
      return `This VICIdial version does not offer ${detail.apiFunction}`;
    case "INVALID_SOURCE":
      return "VICIdial refused the source name of this request";
    case "LOGIN_INCORRECT":
      return "VICIdial refused the API user name or password (or the user is inactive, below level 7, or needs two-factor login)";
    case "LOCKED_OUT":
      return "The VICIdial API user is locked after too many failed logins; VICIdial refuses it for up to 15 minutes";
    case "IP_BLOCKED":
      return "VICIdial does not accept API calls from this dashboard's IP address";
    case "NO_UPDATES":
      return "Nothing to change: no values were given";
    case "NO_DIDS_ADDED":
      return "No DID was added: every one already exists (see the per-DID lines)";
    case "DATABASE_ERROR":
      return "VICIdial could not connect to its database; nothing was changed";
    case "EMPTY_RESPONSE":
      return subject.changesData ? `VICIdial sent an empty answer. ${OUTCOME_UNKNOWN}` : "VICIdial sent an empty answer";
    case "UNKNOWN_RESPONSE":
      return subject.changesData
        ? `VICIdial's answer could not be understood. ${OUTCOME_UNKNOWN}`
        : "VICIdial's answer could not be understood";
  }
}

/** Transport failures; `sent` says whether the request may have reached VICIdial. */
export function transportMessage(
  code: TransportErrorCode,
  subject: Subject,
  detail: { timeoutMs: number; sent: boolean; status?: number; cause?: string },
): string {
  const unknown = subject.changesData && detail.sent ? ` ${OUTCOME_UNKNOWN}` : "";
  switch (code) {
    case "TIMEOUT":
      return `VICIdial did not answer within ${formatSeconds(detail.timeoutMs)}.${unknown}`;
    case "UNREACHABLE":
      return detail.sent
        ? `The connection to VICIdial broke before an answer arrived.${unknown}`
        : `VICIdial could not be reached (${detail.cause ?? "connection failed"}); nothing was sent.`;
    case "HTTP_ERROR":
      return detail.status !== undefined && detail.status >= 500
        ? `VICIdial failed with HTTP ${detail.status} before answering.${unknown}`
        : `VICIdial answered HTTP ${detail.status ?? "error"}; check the configured URL.${unknown}`;
  }
}

/**
 * The first sentence for a 5xx answer: PHP died, and may have done so after printing what
 * VICIdial did (contract 4), so what it printed is reported but never taken as the outcome.
 */
export function serverErrorMessage(status: number, answered: { ok: true } | { ok: false; message: string } | undefined): string {
  if (!answered) return `VICIdial failed with HTTP ${status} before answering.`;
  return answered.ok
    ? `VICIdial answered that it succeeded, then failed with HTTP ${status}, so the answer cannot be trusted.`
    : `VICIdial answered "${answered.message}", then failed with HTTP ${status}.`;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
