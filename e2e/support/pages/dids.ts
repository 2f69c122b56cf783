import type { Permission } from "../../../lib/auth/permissions";

/** The DID pages for the role matrix: who may open them, and the heading they show (seed DIDs of the demo inventory). */
export const DID_PAGES: { path: string; heading: string; permission: Permission }[] = [
  { path: "/dids", heading: "DIDs", permission: "dids.view" },
  { path: "/dids/new", heading: "Add DID", permission: "dids.write" },
  { path: "/dids/7275550100", heading: "DID 7275550100", permission: "dids.view" },
];
