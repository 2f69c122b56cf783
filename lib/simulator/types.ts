// The simulator's public shapes. Other modules (the client's tests, the demo start-up) code
// against these exactly; change them only together with their users.
import type { DidRequestCounts } from "./did-requests";
import type { SimulatorState } from "./state";

/**
 * Failure modes of the transport. hang, http500, garbage and reset stand in for a broken web
 * tier: the request never reaches the script, so nothing in the state changes.
 * phpWarnings keeps the real answer (and its effects) and only adds noise around it.
 * When several are set, the first of reset, hang, http500, garbage wins.
 */
export interface SimulatorFaults {
  /** Added before every answer (also before a reset, an error or garbage). */
  latencyMs?: number;
  /** Accept the request, never answer (until close). */
  hang?: boolean;
  /** HTTP 500 with an empty body. */
  http500?: boolean;
  /**
   * The script runs, prints its answer and makes its change, then PHP dies: HTTP 500 with that
   * body (contract 4, as an apostrophe causes on a real server). Unlike the others, the state
   * changes.
   */
  http500AfterAnswer?: boolean;
  /** HTTP 200 with a body that is not a VICIdial line. */
  garbage?: boolean;
  /** Destroy the socket without answering (ECONNRESET). */
  reset?: boolean;
  /** Surround the real line with PHP 8 deprecation/warning noise. */
  phpWarnings?: boolean;
  /**
   * Only requests carrying all these parameter values get the faults; others are answered
   * normally. Lets one browser test break "its" DID while parallel tests share the simulator.
   */
  when?: Record<string, string>;
}

export interface SimulatorOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** JSON persistence: loaded if the file exists, saved after every request that reaches the script. */
  stateFile?: string;
  faults?: SimulatorFaults;
  /**
   * The state a fresh simulator starts from: "default" is the small fixture state tests and the
   * browser suite count on; "demo" adds enough of a call center to page through (npm run demo).
   */
  seed?: "default" | "demo";
  /** The web server's clock (DATE/EPOCH of version, lockout windows, log dates). */
  now?: () => Date;
  /**
   * Serve `POST /__simulator/faults` (a JSON SimulatorFaults body replaces the faults) and
   * `GET /__simulator/did-requests` (requests per DID pattern), `POST /__simulator/tables/<table>`
   * (a direct database write, see tables.ts), for
   * browser tests that run in other processes. Off by default: never on in demo mode.
   */
  control?: boolean;
  /**
   * Told about every request as it arrives, before faults or the script: the parameters exactly
   * as PHP would decode them, in order and with repeats. Lets tests check that what a user typed
   * reached VICIdial unchanged, with nothing added, dropped or split.
   */
  onRequest?: (received: ReceivedRequest) => void;
}

export interface ReceivedRequest {
  method: string;
  /** The path, without the query string. */
  path: string;
  /** $_GET's pairs. */
  query: [string, string][];
  /** $_POST's pairs (urlencoded or multipart fields). */
  body: [string, string][];
}

export interface RunningSimulator {
  /** Full URL of non_agent_api.php, e.g. http://127.0.0.1:PORT/vicidial/non_agent_api.php */
  url: string;
  port: number;
  /** Replaces the active faults. */
  setFaults(f: SimulatorFaults): void;
  /** Back to the seed. */
  reset(): void;
  /** Put a user in the LOCK state (FLC>=10, recent success). */
  lockUser(user: string): void;
  /** Read access for tests (e.g. count DIDs, find phone). The same object across reset(). */
  state: SimulatorState;
  /** How many HTTP requests reached the simulator (tests use it to prove "nothing was sent"). */
  requestCount(): number;
  /** Requests that reached the script, per DID pattern and function (also `GET /__simulator/did-requests` with `control`). */
  didRequests(): DidRequestCounts;
  close(): Promise<void>;
}
