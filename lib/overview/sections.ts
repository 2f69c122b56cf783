import type { Role } from "@/lib/auth/permissions";

/**
 * What each role opens the dashboard for, in the order its overview shows it. Admins see every
 * panel plus the connection details; the others see their own work, not IT's connectivity page.
 */
export const OVERVIEW_SECTIONS = {
  supervisor: ["clusterSync", "didCidChanges", "idleCidEntries", "didTargets"],
  provisioning: ["clusterSync", "phonesPerDay", "jobs", "unregisteredPhones"],
  qa: ["recentLookups", "flaggedCalls", "clusterSync"],
  admin: ["connection", "clusterSync", "didCidChanges", "idleCidEntries", "didTargets", "phonesPerDay", "jobs", "unregisteredPhones", "recentLookups", "flaggedCalls", "recentChanges"],
} as const satisfies Record<Role, readonly string[]>;

export type OverviewSection = (typeof OVERVIEW_SECTIONS)[Role][number];

export function overviewSections(role: Role): readonly OverviewSection[] {
  return OVERVIEW_SECTIONS[role];
}

export const OVERVIEW_DAYS = 14;
