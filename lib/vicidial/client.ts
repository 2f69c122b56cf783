import "server-only";
import type http from "node:http";
import { classify, isCredentialFailure } from "./classify";
import { sourceParameter, type WireParameters } from "./encode";
import { answerMessage, failure, transportMessage, type Subject, type VicidialFailure } from "./errors";
import { createLockoutGuard } from "./lockout-guard";
import { credentialsProblem, resolveConfig, sameConfig, type VicidialConfig } from "./config";
import { resultLines } from "./parse";
import { scrub } from "./scrub";
import { createSemaphore } from "./semaphore";
import { createKeepAliveAgent, createTransport, type HttpMethod, type TransportReply } from "./transport";

export type { VicidialConfig } from "./config";

export interface ClientDependencies {
  /** Clock of the lockout guard (tests inject one to pass 15 minutes). */
  now?: () => number;
  /** Shares a keep-alive agent (the benchmark compares against bare requests on it). */
  agent?: http.Agent;
}

export interface ApiRequest {
  apiFunction: string;
  /** Function parameters, without source/user/pass/function. */
  parameters: WireParameters;
  /** Dashboard user name; sent sanitized (see sourceParameter). */
  source: string;
  subject: Subject;
  /** Reads may be repeated once when VICIdial could not be reached; writes never are (DESIGN). */
  retryIfUnreachable: boolean;
  /**
   * False only for `version`, answered before authentication (2.1): it is sent without user and
   * password, so a health check works, and is not held back, while the lockout guard is tripped.
   */
  authenticated?: boolean;
  /** Passwords sent in `parameters`, scrubbed from any text handed back. */
  secrets?: readonly string[];
}

/**
 * The body of an answer that got past authentication, or why there is none. `status` is 200, or
 * 5xx: PHP died, possibly after printing VICIdial's answer and making the change (contract 4), so
 * the operation judges such a body as an unknown outcome (operation.ts), never as a success.
 */
export type ApiReply = { ok: true; status: number; body: string } | VicidialFailure;

export interface VicidialClient {
  /** Where the client sends, and as whom; never the password. */
  readonly endpoint: { url: string; user: string; method: HttpMethod; timeoutMs: number; maxInFlight: number };
  /** True when built from exactly this configuration (the default client is rebuilt otherwise). */
  matches(config: VicidialConfig): boolean;
  call(request: ApiRequest): Promise<ApiReply>;
  /** Secrets to scrub from any text of a request with these extra passwords. */
  secretsFor(extra?: readonly string[]): readonly string[];
  /** HTTP requests actually sent; lets tests prove the lockout guard held one back. */
  requestsSent(): number;
  /**
   * Why this client's logins are refused without asking VICIdial: a password VICIdial can never
   * accept, or a login VICIdial refused in the last 15 minutes (the lockout guard). Else undefined.
   */
  loginRefused(): VicidialFailure | undefined;
  /** Closes idle connections once the requests in flight are done. */
  close(): Promise<void>;
}

const GUARD_NOTE = "The dashboard will not send with these credentials again for 15 minutes or until they are changed.";
const UNKNOWN_BODY_EXCERPT = 500;

export function createVicidialClient(config: VicidialConfig, dependencies: ClientDependencies = {}): VicidialClient {
  const { url, method, timeoutMs, maxInFlight } = resolveConfig(config);
  const agent = dependencies.agent ?? createKeepAliveAgent(url, maxInFlight);
  const transport = createTransport({ url, method, timeoutMs, agent });
  const slots = createSemaphore(maxInFlight);
  const guard = createLockoutGuard(dependencies.now ?? Date.now);
  const credentialProblem = credentialsProblem(config.user, config.pass);
  let sent = 0;
  let closing: (() => void) | undefined;

  function secretsFor(extra: readonly string[] = []): readonly string[] {
    return extra.length === 0 ? [config.pass] : [config.pass, ...extra];
  }

  /** One send; `retryable` marks an UNREACHABLE that a read may repeat once. */
  async function attempt(request: ApiRequest, parameters: URLSearchParams): Promise<{ reply: ApiReply; retryable?: true }> {
    await slots.acquire();
    try {
      // Checked after waiting for a slot: a failure may have landed while this request queued.
      const blocked = request.authenticated === false ? undefined : guard.blocked();
      if (blocked) return { reply: blocked };
      sent += 1;
      return judge(request, await transport.send(parameters));
    } finally {
      slots.release();
      if (closing && slots.inUse === 0) closing();
    }
  }

  function judge(request: ApiRequest, reply: TransportReply): { reply: ApiReply; retryable?: true } {
    switch (reply.kind) {
      case "timeout":
        return { reply: failure("TIMEOUT", transportMessage("TIMEOUT", request.subject, { timeoutMs, sent: reply.sent })) };
      case "unreachable":
        return {
          reply: failure("UNREACHABLE", transportMessage("UNREACHABLE", request.subject, { timeoutMs, ...reply })),
          retryable: true,
        };
      case "body":
        return { reply: judgeBody(request, reply.status, reply.body, secretsFor(request.secrets)) };
    }
  }

  function judgeBody(request: ApiRequest, status: number, body: string, secrets: readonly string[]): ApiReply {
    const excerpt = () => scrub(body.trim().slice(0, UNKNOWN_BODY_EXCERPT), secrets);
    // Anything but 200 or 5xx (404, 418...) is not the script answering: a wrong URL, a proxy.
    if (status !== 200 && status < 500) {
      return failure("HTTP_ERROR", transportMessage("HTTP_ERROR", request.subject, { timeoutMs, sent: true, status }), excerpt());
    }
    if (status === 200 && body.trim() === "") {
      return failure("EMPTY_RESPONSE", answerMessage("EMPTY_RESPONSE", request.subject, request), "");
    }
    const credentialFailure = credentialAnswer(request, body, secrets);
    if (credentialFailure) return credentialFailure;
    return { ok: true, status, body };
  }

  /** Authentication answers look the same for every function (1.4), so they are judged here. */
  function credentialAnswer(request: ApiRequest, body: string, secrets: readonly string[]): VicidialFailure | undefined {
    const first = resultLines(body)[0];
    const classification = first && first.status === "ERROR" ? classify(first) : undefined;
    if (!first || !classification) return undefined;
    const { code } = classification;
    if (code !== "LOGIN_INCORRECT" && code !== "LOCKED_OUT" && code !== "IP_BLOCKED") return undefined;
    const message = answerMessage(code, request.subject, request);
    const answered = failure(code, message, scrub(first.text, secrets));
    if (!isCredentialFailure(code)) return answered;
    guard.trip(answered);
    return { ...answered, message: `${message}. ${GUARD_NOTE}` };
  }

  async function call(request: ApiRequest): Promise<ApiReply> {
    const authenticated = request.authenticated !== false;
    if (authenticated && credentialProblem) return failure("LOGIN_INCORRECT", credentialProblem);
    const parameters = new URLSearchParams();
    parameters.append("source", sourceParameter(request.source));
    if (authenticated) {
      parameters.append("user", config.user);
      parameters.append("pass", config.pass);
    }
    parameters.append("function", request.apiFunction);
    for (const [name, value] of request.parameters) parameters.append(name, value);

    const first = await attempt(request, parameters);
    if (!(first.retryable && request.retryIfUnreachable)) return first.reply;
    return (await attempt(request, parameters)).reply;
  }

  return {
    endpoint: { url: `${url.origin}${url.pathname}`, user: config.user, method, timeoutMs, maxInFlight },
    matches: (other) => sameConfig(config, other),
    call,
    secretsFor,
    requestsSent: () => sent,
    loginRefused: () => (credentialProblem ? failure("LOGIN_INCORRECT", credentialProblem) : guard.blocked()),
    close: () =>
      new Promise<void>((resolve) => {
        closing = () => {
          if (!dependencies.agent) agent.destroy();
          resolve();
        };
        if (slots.inUse === 0) closing();
      }),
  };
}
