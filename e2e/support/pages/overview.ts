import type { Role } from "../../../lib/auth/permissions";

/** The overview's panels (card headings) each role sees; every other role's panels stay hidden. */
export const OVERVIEW_PANELS: Record<Role, string[]> = {
  supervisor: ["DID and CID changes, last 14 days", "CID groups with entries nobody uses", "DIDs routed to inactive targets"],
  provisioning: ["Phones added, last 14 days", "Bulk jobs", "Phones not registered"],
  qa: ["Your recent call lookups", "Flagged calls"],
  admin: [
    "VICIdial connection",
    "What the VICIdial API user may do",
    "DID and CID changes, last 14 days",
    "CID groups with entries nobody uses",
    "DIDs routed to inactive targets",
    "Phones added, last 14 days",
    "Bulk jobs",
    "Phones not registered",
    "Your recent call lookups",
    "Flagged calls",
    "Recent changes",
  ],
};
