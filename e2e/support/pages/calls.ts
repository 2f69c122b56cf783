import type { Permission } from "../../../lib/auth/permissions";

/** The call lookup pages for the role matrix: who may open them, and the heading they show (a seed call). */
export const CALL_PAGES: { path: string; heading: string; permission: Permission }[] = [
  { path: "/calls", heading: "Call lookup", permission: "calls.lookup" },
  { path: "/calls/batch", heading: "Batch call lookup", permission: "calls.lookup" },
  { path: "/calls/M2151015000000012345", heading: "Call M2151015000000012345", permission: "calls.lookup" },
  // The call card of the seed's outbound call (the simulator's calls reader in the browser tests).
  { path: "/calls/outbound/1731683700.101", heading: "Outbound call", permission: "calls.lookup" },
  { path: "/calls/flags", heading: "Flagged calls", permission: "calls.flags.view" },
];
