// The simulator's HTTP side for QA's call workspace: the reads the dashboard's simulator calls
// reader makes (what its MySQL reader asks VICIdial's database) and the recordings' audio. Tests
// seed the call tables through POST /__simulator/tables/<table> (./tables.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { phpDateTime } from "../clock";
import type { SimulatorState } from "../state";
import { RECORDINGS_PATH, serveRecording } from "./audio";
import { callDetails, callRecordings, oneRecording, searchCalls, type SearchRequest } from "./reads";

export const CALLS_PATH = "/__simulator/calls/";

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value), "utf8");
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": String(body.length) });
  res.end(body);
}

/** Handles the request when it is one of these; false leaves it to the API script. */
export function answerCallsRequest(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  context: { state: SimulatorState; clock: () => Date; loopback: boolean },
): boolean {
  const path = (req.url ?? "").split(/[?#]/)[0] ?? "";
  if (path.startsWith(RECORDINGS_PATH) && (req.method === "GET" || req.method === "HEAD")) {
    serveRecording(context.state, req, res, path);
    return true;
  }
  if (!path.startsWith(CALLS_PATH) || req.method !== "POST") return false;
  // Database reads are for this machine's dashboard only, as a database port would be.
  if (!context.loopback) {
    json(res, 403, { error: "database reads are served to loopback clients only" });
    return true;
  }
  const op = path.slice(CALLS_PATH.length);
  let input: Record<string, unknown>;
  try {
    input = JSON.parse(body.toString("utf8") || "{}") as Record<string, unknown>;
  } catch {
    json(res, 400, { error: "body is not JSON" });
    return true;
  }
  const { state } = context;
  const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
  switch (op) {
    case "now":
      json(res, 200, { now: phpDateTime(context.clock()) });
      return true;
    case "search":
      json(res, 200, searchCalls(state, input as unknown as SearchRequest));
      return true;
    case "call":
      json(res, 200, { details: callDetails(state, input.direction as "inbound" | "outbound", String(input.key)) });
      return true;
    case "recordings":
      json(res, 200, { rows: callRecordings(state, origin, String(input.vicidialId), (input.fallback as { lead_id: number; from: string; to: string } | null) ?? null) });
      return true;
    case "recording":
      json(res, 200, { row: oneRecording(state, origin, String(input.recordingId)) });
      return true;
    default:
      json(res, 404, { error: `no read ${op}` });
      return true;
  }
}
