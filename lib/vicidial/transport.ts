import "server-only";
import http from "node:http";
import https from "node:https";

/**
 * One HTTP exchange with non_agent_api.php over a keep-alive connection (contract 1.1). It only
 * moves bytes: what the body means is decided elsewhere, because VICIdial answers 200 for
 * every logical outcome.
 */
export type HttpMethod = "POST" | "GET";

export type TransportReply =
  | { kind: "body"; status: number; body: string }
  | { kind: "timeout"; sent: boolean }
  /** `sent`: the request may have reached VICIdial (a reset or a cut answer, not a refusal). */
  | { kind: "unreachable"; sent: boolean; cause: string };

export interface Transport {
  send(parameters: URLSearchParams): Promise<TransportReply>;
  readonly agent: http.Agent;
}

/** A body larger than this is not a VICIdial answer; stop reading instead of buffering it. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * An idle connection is dropped after this long, before the server's own keep-alive timeout
 * (Apache's and Node's default is 5 s) closes it: a request written on a connection the server is
 * closing fails with a reset, and for a write that is an unknown outcome.
 */
const IDLE_SOCKET_MS = 4_000;

export function createKeepAliveAgent(url: URL, maxSockets: number): http.Agent {
  // The agent's `timeout` closes only idle pooled sockets; requests keep their own timer (send()).
  const options = { keepAlive: true, maxSockets, scheduling: "lifo" as const, timeout: IDLE_SOCKET_MS };
  return url.protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
}

export function createTransport(options: { url: URL; method: HttpMethod; timeoutMs: number; agent: http.Agent }): Transport {
  const { url, method, timeoutMs, agent } = options;
  const request = url.protocol === "https:" ? https.request : http.request;
  const base = {
    protocol: url.protocol,
    hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port || undefined,
    agent,
    method,
    auth: url.username ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined,
  };

  function send(parameters: URLSearchParams): Promise<TransportReply> {
    // URLSearchParams encodes `+` as %2B and `#` as %23 (contract 3, "Encode every value").
    const encoded = parameters.toString();
    return new Promise((resolve) => {
      let settled = false;
      let sent = false;
      const finish = (reply: TransportReply) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(reply);
      };

      let outgoing: http.ClientRequest;
      try {
        outgoing =
          method === "GET"
            ? request({ ...base, path: `${url.pathname}?${encoded}` })
            : request({
                ...base,
                path: url.pathname,
                headers: {
                  "content-type": "application/x-www-form-urlencoded",
                  "content-length": Buffer.byteLength(encoded),
                },
              });
      } catch (error) {
        // Options Node refuses outright (a malformed host, say): nothing left this process.
        resolve({ kind: "unreachable", sent: false, cause: error instanceof Error ? error.message : String(error) });
        return;
      }

      const timer = setTimeout(() => {
        finish({ kind: "timeout", sent });
        outgoing.destroy();
      }, timeoutMs);

      outgoing.on("socket", (socket) => {
        if (socket.connecting) socket.once("connect", () => (sent = true));
        else sent = true;
      });
      outgoing.on("error", (error: NodeJS.ErrnoException) => {
        finish({ kind: "unreachable", sent: sent && !NOT_SENT.has(error.code ?? ""), cause: describe(error) });
      });
      outgoing.on("response", (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            finish({ kind: "body", status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
            outgoing.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => {
          finish({ kind: "body", status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") });
        });
        response.on("error", (error: NodeJS.ErrnoException) => {
          finish({ kind: "unreachable", sent: true, cause: describe(error) });
        });
        response.on("close", () => {
          if (!response.complete) finish({ kind: "unreachable", sent: true, cause: "the answer was cut off" });
        });
      });

      outgoing.end(method === "GET" ? undefined : encoded);
    });
  }

  return { send, agent };
}

/** Errors raised before the request could reach VICIdial. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ECONNABORTED"]);

function describe(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "host name not found";
    case "ECONNRESET":
      return "connection reset";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "host unreachable";
    default:
      return error.code ?? error.message;
  }
}
