// Helpers for the simulator's own tests: real HTTP requests to a running simulator.
import type { RunningSimulator } from "./types";

export interface Reply {
  status: number;
  body: string;
  headers: Headers;
}

/** The transcripts' usual credentials and source. */
export const AS_6666 = { source: "test", user: "6666", pass: "1234" } as const;

async function toReply(response: Response): Promise<Reply> {
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, body: bytes.toString("utf8"), headers: response.headers };
}

/** GET with a query string sent exactly as given (already encoded). */
export async function getRaw(sim: RunningSimulator, query: string, method = "GET"): Promise<Reply> {
  return toReply(await fetch(query === "" ? sim.url : `${sim.url}?${query}`, { method }));
}

/** GET with the parameters encoded by URLSearchParams (space as `+`, `+` as %2B). */
export function call(sim: RunningSimulator, params: Record<string, string>): Promise<Reply> {
  return getRaw(sim, new URLSearchParams(params).toString());
}

/** call() as user 6666 with source=test. */
export function callAs6666(sim: RunningSimulator, params: Record<string, string>): Promise<Reply> {
  return call(sim, { ...AS_6666, ...params });
}

export async function post(
  sim: RunningSimulator,
  body: URLSearchParams | FormData | string,
  options: { query?: string; contentType?: string } = {},
): Promise<Reply> {
  const target = options.query ? `${sim.url}?${options.query}` : sim.url;
  const headers = options.contentType ? { "Content-Type": options.contentType } : undefined;
  return toReply(await fetch(target, { method: "POST", body, headers }));
}

/** A clock tests can move. */
export function movableClock(start: Date) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advanceSeconds(seconds: number) {
      current += seconds * 1000;
    },
  };
}
