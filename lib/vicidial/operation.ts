import "server-only";
import { classify } from "./classify";
import type { VicidialClient } from "./client";
import { getVicidialClient } from "./default-client";
import type { InputOf, ParamSet, ParamSpec, WireParameters } from "./encode";
import { answerMessage, failure, type Subject, type VicidialResult } from "./errors";
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
}

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

/** Sends `operation` with `parameters` through `client` (default: the configured one). */
export async function perform<T>(
  operation: Operation<T>,
  parameters: WireParameters,
  context: CallContext,
  options: { client?: VicidialClient; secrets?: readonly string[] } = {},
): Promise<VicidialResult<T>> {
  const client = options.client ?? getVicidialClient();
  const reply = await client.call({
    apiFunction: operation.apiFunction,
    parameters: operation.fixed ? [...parameters, ...operation.fixed] : parameters,
    source: context.source,
    subject: operation.subject,
    retryIfUnreachable: operation.read,
    authenticated: operation.authenticated,
    secrets: options.secrets,
  });
  if (!reply.ok) return reply;
  return interpret(operation, reply.body, client.secretsFor(options.secrets));
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
