import type { Permission } from "../../../lib/auth/permissions";

/** The bulk job pages for the role matrix: who may open them, and the heading they show. */
export const JOB_PAGES: { path: string; heading: string; permission: Permission }[] = [
  { path: "/jobs", heading: "Bulk jobs", permission: "jobs.run" },
  { path: "/jobs/new", heading: "New bulk job", permission: "jobs.run" },
  { path: "/jobs/new/dids", heading: "New job: DIDs from CSV", permission: "dids.write" },
  { path: "/jobs/new/did-copy", heading: "New job: Copy a DID to many numbers", permission: "dids.write" },
  { path: "/jobs/new/cid", heading: "New job: CID group entries", permission: "cid.write" },
  { path: "/jobs/new/agents", heading: "New job: Agent phones", permission: "phones.write" },
];
