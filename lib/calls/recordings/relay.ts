import "server-only";

/**
 * A recording's audio relayed from VICIdial's web server through the dashboard: the browser only
 * ever sees our address, and the web server's address and basic-auth credentials stay here.
 * Range requests go through unchanged (206, Content-Range), so the player can seek.
 */
export interface RelayOptions {
  /** The web server's basic auth (VICIDIAL_RECORDINGS_USER / _PASS), when it asks for one. */
  user?: string;
  pass?: string;
  /** How long the web server may take to start answering. */
  timeoutMs: number;
  download: boolean;
  /** The browser went away: stop fetching. */
  signal?: AbortSignal;
}

/** The answer when there is no audio to relay: a status and a sentence a person reads. */
export function plainAnswer(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });
}

/** The file name VICIdial gave the recording: the last segment of its location. */
export function originalFileName(location: string): string {
  const path = location.split(/[?#]/)[0] ?? "";
  const name = decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
  return name || "recording";
}

function disposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Why a recording whose location is not a URL cannot be played yet. */
export function locationProblem(location: string): string | null {
  if (location.trim() === "") return "This recording is not processed yet: VICIdial has not moved its audio file to the web server. Try again later.";
  if (!/^https?:\/\//i.test(location.trim())) return "This recording is not processed yet: its file is still on the dialer, not on VICIdial's web server. Try again later.";
  return null;
}

const PASSED_HEADERS = ["content-type", "content-length", "content-range", "last-modified", "etag"];

export async function relayRecording(location: string, range: string | null, options: RelayOptions): Promise<Response> {
  const problem = locationProblem(location);
  if (problem) return plainAnswer(404, problem);

  const headers: Record<string, string> = {};
  if (range) headers.Range = range;
  if (options.user) headers.Authorization = `Basic ${Buffer.from(`${options.user}:${options.pass ?? ""}`).toString("base64")}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("timeout")), options.timeoutMs);
  options.signal?.addEventListener("abort", () => controller.abort(options.signal?.reason), { once: true });
  let upstream: Response;
  try {
    upstream = await fetch(location.trim(), { headers, signal: controller.signal, cache: "no-store" });
  } catch {
    const timedOut = controller.signal.reason instanceof Error && controller.signal.reason.message === "timeout";
    return timedOut
      ? plainAnswer(504, `VICIdial's web server did not start sending the recording within ${Math.round(options.timeoutMs / 1000)} seconds. It may be down or busy; try again later.`)
      : plainAnswer(502, "VICIdial's web server could not be reached for the recording. It may be down; try again later.");
  } finally {
    clearTimeout(timer);
  }

  if (upstream.status === 404 || upstream.status === 410) {
    await upstream.body?.cancel();
    return plainAnswer(404, "The recording's file is missing on VICIdial's web server (it answered “not found”). It may have been moved or deleted.");
  }
  if (upstream.status === 401 || upstream.status === 403) {
    await upstream.body?.cancel();
    return plainAnswer(502, `VICIdial's web server refused to hand out the recording (HTTP ${upstream.status}). An administrator checks VICIDIAL_RECORDINGS_USER and VICIDIAL_RECORDINGS_PASS.`);
  }
  if (upstream.status === 416) {
    await upstream.body?.cancel();
    const total = upstream.headers.get("content-range");
    return plainAnswer(416, "The requested part of the recording is past its end.", total ? { "Content-Range": total } : {});
  }
  if (upstream.status !== 200 && upstream.status !== 206) {
    await upstream.body?.cancel();
    return plainAnswer(502, `VICIdial's web server answered HTTP ${upstream.status} for the recording. Try again later.`);
  }

  const out = new Headers({
    "Cache-Control": "private, no-store",
    "Content-Disposition": disposition(options.download ? "attachment" : "inline", originalFileName(location)),
    // A server that answered a Range request with the whole file cannot seek: say so.
    "Accept-Ranges": range && upstream.status === 200 ? "none" : (upstream.headers.get("accept-ranges") ?? "bytes"),
    "X-Content-Type-Options": "nosniff",
  });
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  if (!out.has("content-type")) out.set("Content-Type", "application/octet-stream");
  return new Response(upstream.body, { status: upstream.status, headers: out });
}
