// The HTTP side: one endpoint, PHP's parameter sources, faults, persistence, clean shutdown.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { lockUserNow } from "./auth";
import { faultOutcome, GARBAGE_BODY, withPhpWarnings } from "./faults";
import { createStateReader, isClusterDbMethod } from "./cluster-db";
import { createDidRequestCounter } from "./did-requests";
import { DuplicateKeyError, PhpFatalError } from "./mysql";
import { addDemoCalls } from "./calls/demo";
import { answerCallsRequest, CALLS_PATH } from "./calls/http";
import { answerApiCall, type ApiReply } from "./non-agent-api";
import { parsePostBody, parseQueryString, postPairs, queryPairs } from "./params";
import { loadState, saveState } from "./persistence";
import { createDemoSeedState } from "./demo-seed";
import { createSeedState } from "./seed";
import { TableWriteError, writeTable, type TableWrite } from "./tables";
import type { RunningSimulator, SimulatorFaults, SimulatorOptions } from "./types";

export const API_PATH = "/vicidial/non_agent_api.php";

/** PHP's default post_max_size: a larger body leaves $_POST empty. */
const POST_MAX_BYTES = 8 * 1024 * 1024;

/** The headers non_agent_api.php sends with every answer (contract 1.1). */
const SCRIPT_HEADERS = {
  "Content-type": "text/html; charset=utf-8",
  "Cache-Control": "no-cache, must-revalidate",
  Pragma: "no-cache",
};

const NOT_FOUND_BODY =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n' +
  "<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n";

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= POST_MAX_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size <= POST_MAX_BYTES ? Buffer.concat(chunks) : Buffer.alloc(0)));
    req.on("error", reject);
  });
}

function clientIpOf(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 (clientIpOf strips the prefix). */
export function isLoopbackAddress(ip: string): boolean {
  return ip === "::1" || /^127\./.test(ip);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, { "Content-Type": "application/json" }, JSON.stringify(value));
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  if (res.destroyed) return;
  const bytes = Buffer.from(body, "utf8");
  res.writeHead(status, { ...headers, "Content-Length": String(bytes.length) });
  res.end(bytes);
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const clock = opts.now ?? (() => new Date());
  const stateFile = opts.stateFile;
  const seed = opts.seed === "demo" ? createDemoSeedState : createSeedState;
  // A fresh state also gets QA's call history, dated relative to the simulator's clock.
  const freshState = () => addDemoCalls(seed(), clock());
  const state = (stateFile ? loadState(stateFile) : undefined) ?? freshState();
  const reader = createStateReader(state);
  let faults: SimulatorFaults = { ...opts.faults };
  let requests = 0;
  const didRequests = createDidRequestCounter();
  let closing = false;
  const wakeSleepers = new Set<() => void>();

  const persist = () => {
    if (stateFile) saveState(stateFile, state);
  };

  /** A latency pause that close() cuts short. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakeSleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakeSleepers.add(wake);
    });

  function answerScript(req: IncomingMessage, body: Buffer): ApiReply {
    const params = {
      get: parseQueryString(req.url ?? ""),
      post: parsePostBody(req.method ?? "GET", req.headers["content-type"], body),
    };
    didRequests.count(params);
    try {
      return answerApiCall(state, { params, clientIp: clientIpOf(req), clock });
    } catch (error) {
      if (!(error instanceof DuplicateKeyError || error instanceof PhpFatalError)) console.error("simulator:", error);
      return { status: 500, body: "" };
    } finally {
      persist();
    }
  }

  const CONTROL_PATH = "/__simulator/faults";
  /** GET: the per-DID request counts (JSON DidRequestCounts), for tests in other processes. */
  const DID_REQUESTS_PATH = "/__simulator/did-requests";
  /** `GET /__simulator/state/<table>`: one table of the state as JSON, for tests (control mode only). */
  const STATE_PATH = "/__simulator/state/";

  /** `POST /__simulator/tables/<table>`: a direct database write (control mode only). */
  const TABLES_PATH = "/__simulator/tables/";
  /** `POST /__simulator/cluster-db` `{ method, args }`: the dashboard's reads of VICIdial's database. */
  const CLUSTER_DB_PATH = "/__simulator/cluster-db";

  function writeTables(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const table = decodeURIComponent((req.url ?? "").slice(TABLES_PATH.length).split("?")[0] ?? "");
    let write: TableWrite;
    try {
      write = JSON.parse(body.toString("utf8") || "{}") as TableWrite;
    } catch {
      sendJson(res, 400, { error: "the body is not JSON" });
      return;
    }
    try {
      const result = writeTable(state, table, write, clock(), clientIpOf(req));
      persist();
      sendJson(res, 200, result);
    } catch (error) {
      persist();
      if (error instanceof TableWriteError) sendJson(res, error.status, { error: error.message });
      else throw error;
    }
  }

  async function readClusterDb(res: ServerResponse, body: Buffer): Promise<void> {
    let request: { method?: unknown; args?: unknown };
    try {
      request = JSON.parse(body.toString("utf8") || "{}") as typeof request;
    } catch {
      sendJson(res, 400, { error: "the body is not JSON" });
      return;
    }
    const { method } = request;
    const args = Array.isArray(request.args) ? request.args : [];
    if (!isClusterDbMethod(method)) {
      sendJson(res, 400, { error: `no reader method ${String(method)}` });
      return;
    }
    try {
      const call = reader[method] as (...a: unknown[]) => Promise<unknown>;
      sendJson(res, 200, { result: await call(...args) });
    } catch (error) {
      sendJson(res, 400, { error: (error as Error).message });
    }
  }

  function applies(active: SimulatorFaults, req: IncomingMessage, body: Buffer): boolean {
    if (!active.when) return true;
    const get = parseQueryString(req.url ?? "");
    const post = parsePostBody(req.method ?? "GET", req.headers["content-type"], body);
    return Object.entries(active.when).every(([key, value]) => (get.get(key) ?? post.get(key)) === value);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    opts.onRequest?.({
      method: req.method ?? "GET",
      path: (req.url ?? "").split(/[?#]/)[0] ?? "",
      query: queryPairs(req.url ?? ""),
      body: postPairs(req.method ?? "GET", req.headers["content-type"], body),
    });
    // Browser tests check what VICIdial holds after a journey (no API call lists DIDs or phones).
    if (opts.control && (req.url ?? "").startsWith(STATE_PATH) && req.method === "GET") {
      const table = (req.url ?? "").slice(STATE_PATH.length).split("?")[0] ?? "";
      const rows = Object.hasOwn(state, table) ? (state as unknown as Record<string, unknown>)[table] : undefined;
      if (!Array.isArray(rows)) send(res, 404, {}, "");
      else send(res, 200, { "Content-Type": "application/json" }, JSON.stringify(rows));
      return;
    }
    if (opts.control && (req.url ?? "").split("?")[0] === CONTROL_PATH && req.method === "POST") {
      faults = JSON.parse(body.toString("utf8") || "{}") as SimulatorFaults;
      send(res, 204, {}, "");
      return;
    }
    if (opts.control && (req.url ?? "").startsWith(TABLES_PATH) && req.method === "POST") {
      writeTables(req, res, body);
      return;
    }
    if (opts.control && (req.url ?? "").split("?")[0] === DID_REQUESTS_PATH && req.method === "GET") {
      send(res, 200, { "Content-Type": "application/json" }, JSON.stringify(didRequests.snapshot()));
      return;
    }
    if (answerCallsRequest(req, res, body, { state, clock, loopback: isLoopbackAddress(clientIpOf(req)) })) return;
    const active = applies(faults, req, body) ? faults : {};
    if (active.latencyMs && active.latencyMs > 0) await sleep(active.latencyMs);
    if (closing) return;

    switch (faultOutcome(active)) {
      case "reset":
        req.socket.resetAndDestroy();
        return;
      case "hang":
        return;
      case "http500":
        send(res, 500, SCRIPT_HEADERS, "");
        return;
      case "garbage":
        send(res, 200, SCRIPT_HEADERS, GARBAGE_BODY);
        return;
      case "answer":
        break;
    }

    const path = (req.url ?? "").split(/[?#]/)[0];
    // Database reads are for this machine's dashboard only, as a database port would be.
    if (path === CLUSTER_DB_PATH && req.method === "POST") {
      if (isLoopbackAddress(clientIpOf(req))) await readClusterDb(res, body);
      else sendJson(res, 403, { error: "database reads are served to loopback clients only" });
      return;
    }
    if (path !== API_PATH) {
      send(res, 404, { "Content-Type": "text/html; charset=iso-8859-1" }, NOT_FOUND_BODY);
      return;
    }
    const reply = answerScript(req, body);
    const status = active.http500AfterAnswer ? 500 : reply.status;
    send(res, status, SCRIPT_HEADERS, active.phpWarnings ? withPhpWarnings(reply.body) : reply.body);
  }

  const server = createServer((req, res) => {
    // A database read is not a request to VICIdial's web server.
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (path !== CLUSTER_DB_PATH && !path.startsWith(CALLS_PATH)) requests++;
    handle(req, res).catch((error: unknown) => {
      console.error("simulator:", error);
      send(res, 500, SCRIPT_HEADERS, "");
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve, reject) => {
      closing = true;
      for (const wake of [...wakeSleepers]) wake();
      server.close((error) => (error ? reject(error) : resolve()));
      // Hung requests and idle keep-alive sockets would otherwise hold close() open.
      server.closeAllConnections();
    });
    return closed;
  };

  return {
    url: `http://${urlHost}:${address.port}${API_PATH}`,
    port: address.port,
    state,
    setFaults(f) {
      faults = { ...f };
    },
    reset() {
      didRequests.reset();
      Object.assign(state, freshState());
      persist();
    },
    lockUser(user) {
      lockUserNow(state, user, clock());
      persist();
    },
    requestCount: () => requests,
    didRequests: () => didRequests.snapshot(),
    close,
  };
}
