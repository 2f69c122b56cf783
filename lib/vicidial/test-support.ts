import { randomInt } from "node:crypto";
import { startSimulator } from "@/lib/simulator";
import type { RunningSimulator } from "@/lib/simulator";
import type { ApiRequest } from "./client";

/**
 * Where the client tests send: the simulator by default, or a real VICIdial when
 * VICIDIAL_CONTRACT_URL, _USER and _PASS are set. Fixture names follow the transcripts README
 * and can be overridden for a real server.
 */
export interface ContractTarget {
  url: string;
  user: string;
  pass: string;
  /** Only for the simulator. */
  sim?: RunningSimulator;
  close(): Promise<void>;
}

const env = process.env;

export const isRealServer = Boolean(env.VICIDIAL_CONTRACT_URL && env.VICIDIAL_CONTRACT_USER && env.VICIDIAL_CONTRACT_PASS);

export const FIXTURES = {
  serverIp: env.VICIDIAL_CONTRACT_SERVER_IP ?? "10.10.10.15",
  inGroup: env.VICIDIAL_CONTRACT_IN_GROUP ?? "TEST_IN",
  callMenu: env.VICIDIAL_CONTRACT_CALL_MENU ?? "TESTMENU",
  cidGroup: env.VICIDIAL_CONTRACT_CID_GROUP ?? "US_SALES",
  emptyCidGroup: env.VICIDIAL_CONTRACT_EMPTY_CID_GROUP ?? "EMPTY_GRP",
  template: env.VICIDIAL_CONTRACT_TEMPLATE ?? "SIP_generic",
  /** Whether the fixture calls of the README exist (always on the simulator). */
  hasFixtureCalls: !isRealServer || Boolean(env.VICIDIAL_CONTRACT_CALL_MANUAL),
  /** An existing phone login (alias tests point at it). */
  phoneLogin: env.VICIDIAL_CONTRACT_PHONE_LOGIN ?? "1001",
  callOutboundManual: env.VICIDIAL_CONTRACT_CALL_MANUAL ?? "M2151015000000012345",
  callInbound: env.VICIDIAL_CONTRACT_CALL_INBOUND ?? "Y1115101600000012346",
  callOutboundAuto: env.VICIDIAL_CONTRACT_CALL_AUTO ?? "V1115101700000012347",
  callWithoutLog: env.VICIDIAL_CONTRACT_CALL_NO_LOG ?? "M1115105000000012399",
};


function optionalUser(prefix: string): { user: string; pass: string } | undefined {
  const user = env[`${prefix}_USER`];
  const pass = env[`${prefix}_PASS`];
  return user && pass ? { user, pass } : undefined;
}

/**
 * API users with partial rights. On the simulator, seed users (transcripts README): 7777 level 7
 * without rights, 8888 limited to `version add_did callid_info`, 6002 without delete rights. On
 * a real server, only those configured; tests needing a missing one are skipped.
 */
export const EXTRA_USERS = isRealServer
  ? {
      noRights: optionalUser("VICIDIAL_CONTRACT_NORIGHTS"),
      limitedFunctions: optionalUser("VICIDIAL_CONTRACT_LIMITED"),
      noDelete: optionalUser("VICIDIAL_CONTRACT_NODELETE"),
    }
  : {
      noRights: { user: "7777", pass: "1234" },
      limitedFunctions: { user: "8888", pass: "1234" },
      noDelete: { user: "6002", pass: "1234" },
    };

export async function contractTarget(): Promise<ContractTarget> {
  if (isRealServer) {
    return { url: env.VICIDIAL_CONTRACT_URL!, user: env.VICIDIAL_CONTRACT_USER!, pass: env.VICIDIAL_CONTRACT_PASS!, close: async () => {} };
  }
  const sim = await startSimulator({ port: 0 });
  return { url: sim.url, user: "6666", pass: "1234", sim, close: () => sim.close() };
}

/** Digits unique to this run, so a real server's data is never touched. */
export function runDigits(length: number): string {
  let digits = "";
  while (digits.length < length) digits += String(randomInt(0, 10));
  return digits;
}

/** An ApiRequest with test defaults, for wire-level checks that bypass the typed layer. */
export function rawRequest(apiFunction: string, parameters: [string, string][]): ApiRequest {
  return {
    apiFunction,
    parameters,
    source: "contracttest",
    subject: { thing: "record", things: "records", right: "use this function", changesData: true },
    retryIfUnreachable: false,
  };
}
