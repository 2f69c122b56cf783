import type { Permission } from "../../../lib/auth/permissions";

/** The CID group pages for the role matrix: who may open them, and the heading they show. */
export const CID_GROUP_PAGES: { path: string; heading: string; permission: Permission }[] = [
  { path: "/cid-groups", heading: "CID groups", permission: "cid.view" },
  { path: "/cid-groups/US_SALES", heading: "CID group US_SALES", permission: "cid.view" },
];
