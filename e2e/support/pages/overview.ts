import type { Permission, Role } from "../../../lib/auth/permissions";

/** The overview's panels (card headings) each role sees; every other role's panels stay hidden. */
export const OVERVIEW_PANELS: Record<Role, string[]> = {
  supervisor: ["Cluster sync", "DID and CID changes, last 14 days", "CID groups with entries nobody uses", "DIDs routed to inactive targets"],
  provisioning: ["Cluster sync", "Phones added, last 14 days", "Bulk jobs", "Phones not registered"],
  qa: ["Your recent call lookups", "Flagged calls", "Cluster sync"],
  admin: [
    "VICIdial connection",
    "What the VICIdial API user may do",
    "Cluster sync",
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

/** Every CSV download route and the permission it needs (the role matrix checks each for every role). */
export const EXPORT_ROUTES: { path: string; permission: Permission; header: RegExp }[] = [
  { path: "/dids/export.csv?route=IN_GROUP", permission: "dids.view", header: /^did_pattern,description,active,route/ },
  { path: "/phones/export.csv", permission: "phones.view", header: /^server_ip,extension,login/ },
  { path: "/aliases/export.csv", permission: "phones.view", header: /^alias_id,alias_name,phone_logins/ },
  { path: "/jobs/export.csv", permission: "jobs.run", header: /^id,title,kind,status/ },
  { path: "/audit/export", permission: "audit.view.own", header: /^id,time_utc,user/ },
  { path: "/calls/flags/export.csv", permission: "calls.flags.view", header: /^flag_id,flagged_at_utc,flagged_by,reason/ },
  { path: "/jobs/new/dids/template.csv", permission: "dids.write", header: /^did_pattern,/ },
  { path: "/jobs/new/agents/template.csv", permission: "phones.write", header: /^[a-z_]+(,[a-z_]+)+\r\n$/ },
];
