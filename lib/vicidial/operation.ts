import "server-only";
import { classify } from "./classify";
import type { VicidialClient } from "./client";
import { getVicidialClient } from "./default-client";
import type { InputOf, ParamSet, ParamSpec, WireParameters } from "./encode";
import {
  answerMessage,
  failure,
  OUTCOME_UNKNOWN,
  serverErrorMessage,
  type Reconciliation,
  type Subject,
  type VicidialFailure,
  type VicidialResult,
} from "./errors";
import { hasDatabaseFailure, resultLines, type ResultLine } from "./parse";
import { scrub } from "./scrub";

/** Who asked: the dashboard user, sent as VICIdial's `source` (DESIGN). */
export interface CallContext {
  source: string;
}

/** What a successful answer yields, with the lines that prove it (before scrubbing). */
export type Success<T> = { data: T; rawLines: readonly string[] };

/**
 * One VICIdial API call: how to recognise its success in a body. Failures are recognised the
 * same way for every function (classify), from the line `verdict` picks.
 */
export interface Operation<T> {
  apiFunction: string;
  subject: Subject;
  /** Reads are retried once when VICIdial was unreachable; writes never (DESIGN). */
  read: boolean;
  /** False for `version` only (see ApiRequest.authenticated). */
  authenticated?: boolean;
  /** Parameters every call of this operation sends (delete flags, stage...). */
  fixed?: WireParameters;
  /** copy_did's outcome is its last line, every other function's its first (contract 3). */
  verdict: "first" | "last";
  success(body: string, lines: readonly ResultLine[]): Success<T> | undefined;
  /**
   * After an unknown outcome of a change (an HTTP 500, even with SUCCESS: contract 4), reads
   * VICIdial back to tell the user whether the change is in place. `sent` is what was sent.
   */
  reconcile?(sent: WireParameters, read: Read): Promise<Reconciliation>;
}

/** Sends a read-only operation with the same client and source as the call being reconciled. */
export type Read = <U>(operation: Operation<U>, parameters: WireParameters) => Promise<VicidialResult<U>>;

/** Declares an operation, inferring its data type from its success parser. */
export function defineOperation<T>(operation: Operation<T>): Operation<T> {
  return operation;
}

export type DataOf<O> = O extends Operation<infer T> ? T : never;

/** The usual success: the verdict line is `SUCCESS: {function} {reason} - {user}|{data}`. */
export function successLine<T>(reason: string, data: (values: readonly string[]) => T | undefined) {
  return (_body: string, lines: readonly ResultLine[]): Success<T> | undefined => {
    const line = lines[0];
    if (!line || line.status !== "SUCCESS" || !line.reason.startsWith(reason)) return undefined;
    const value = data(line.data);
    return value === undefined ? undefined : { data: value, rawLines: [line.text] };
  };
}

/** Decides what a VICIdial body means for `operation`. Never throws. */
export function interpret<T>(operation: Operation<T>, body: string, secrets: readonly string[] = []): VicidialResult<T> {
  const lines = resultLines(body);
  const success = operation.success(body, lines);
  if (success) return { ok: true, data: success.data, raw: scrub(success.rawLines.join("\n"), secrets) };

  const raw = scrub(lines.map((line) => line.text).join("\n"), secrets);
  const verdict = operation.verdict === "last" ? lines.at(-1) : lines[0];
  const classification = verdict && verdict.status !== "SUCCESS" ? classify(verdict) : undefined;
  if (classification) {
    const { code, field, fieldMessage } = classification;
    return failure(code, answerMessage(code, operation.subject, { apiFunction: operation.apiFunction, fieldMessage }), raw, field);
  }
  const trimmed = body.trim();
  if (trimmed === "") return failure("EMPTY_RESPONSE", answerMessage("EMPTY_RESPONSE", operation.subject, operation), "");
  if (lines.length === 0 && hasDatabaseFailure(body)) {
    return failure("DATABASE_ERROR", answerMessage("DATABASE_ERROR", operation.subject, operation), scrub(trimmed, secrets));
  }
  // Neither a success nor a known failure: a truncated, foreign or future answer.
  return failure(
    "UNKNOWN_RESPONSE",
    answerMessage("UNKNOWN_RESPONSE", operation.subject, operation),
    raw || scrub(trimmed.slice(0, 500), secrets),
  );
}

/** Codes of bodies that carry no VICIdial answer at all. */
const NO_ANSWER = new Set(["EMPTY_RESPONSE", "UNKNOWN_RESPONSE", "DATABASE_ERROR"]);

/** What VICIdial had answered in a 5xx body, or undefined when the body holds no answer. */
function answeredBefore<T>(operation: Operation<T>, body: string, secrets: readonly string[]) {
  if (body.trim() === "") return { answered: undefined, raw: "" };
  const result = interpret(operation, body, secrets);
  return { answered: result.ok || !NO_ANSWER.has(result.code) ? result : undefined, raw: result.raw };
}

/**
 * A 5xx answer, before any read-back: always HTTP_ERROR, an unknown outcome, even when the body
 * says SUCCESS (contract 4: the change may or may not have been stored). The message says what
 * VICIdial had answered; `raw` keeps its lines.
 */
export function interpretServerError<T>(operation: Operation<T>, status: number, body: string, secrets: readonly string[] = []): VicidialFailure {
  const { answered, raw } = answeredBefore(operation, body, secrets);
  const message = serverErrorMessage(status, answered);
  return failure("HTTP_ERROR", operation.subject.changesData ? `${message} ${OUTCOME_UNKNOWN}` : message, raw);
}

/** interpretServerError, with the operation's read-back sentence in place of the generic one. */
async function reconcileServerError<T>(
  operation: Operation<T>,
  reply: { status: number; body: string },
  sent: WireParameters,
  read: Read,
  secrets: readonly string[],
): Promise<VicidialFailure> {
  if (!operation.subject.changesData || !operation.reconcile) return interpretServerError(operation, reply.status, reply.body, secrets);
  const { answered, raw } = answeredBefore(operation, reply.body, secrets);
  const reconciled = await operation.reconcile(sent, read);
  return { ...failure("HTTP_ERROR", `${serverErrorMessage(reply.status, answered)} ${reconciled.message}`, raw), reconciled };
}

/** Sends `operation` with `parameters` through `client` (default: the configured one). */
export async function perform<T>(
  operation: Operation<T>,
  parameters: WireParameters,
  context: CallContext,
  options: { client?: VicidialClient; secrets?: readonly string[] } = {},
): Promise<VicidialResult<T>> {
  const client = options.client ?? getVicidialClient();
  const sent = operation.fixed ? [...parameters, ...operation.fixed] : parameters;
  const reply = await client.call({
    apiFunction: operation.apiFunction,
    parameters: sent,
    source: context.source,
    subject: operation.subject,
    retryIfUnreachable: operation.read,
    authenticated: operation.authenticated,
    secrets: options.secrets,
  });
  if (!reply.ok) return reply;
  const secrets = client.secretsFor(options.secrets);
  if (reply.status !== 200) {
    const read: Read = (readOperation, readParameters) => perform(readOperation, readParameters, context, { client });
    return reconcileServerError(operation, reply, sent, read, secrets);
  }
  return interpret(operation, reply.body, secrets);
}

/** Checks and encodes `input`, then performs; a value VICIdial would alter is refused unsent. */
export async function performWith<S extends ParamSpec, T>(
  operation: Operation<T>,
  params: ParamSet<S>,
  input: InputOf<S>,
  context: CallContext,
  client?: VicidialClient,
): Promise<VicidialResult<T>> {
  const encoded = params.encode(input);
  if (!encoded.ok) return encoded;
  return perform(operation, encoded.parameters, context, { client, secrets: encoded.secrets });
}
