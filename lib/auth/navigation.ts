import { can, type Permission, type Role } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  /** Absent: every signed-in user. */
  permission?: Permission;
}

/** The sidebar, in order. Pages check the same permission themselves. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/dids", label: "DIDs", permission: "dids.view" },
  { href: "/phones", label: "Phones", permission: "phones.view" },
  { href: "/aliases", label: "Phone aliases", permission: "phones.view" },
  { href: "/cid-groups", label: "CID groups", permission: "cid.view" },
  { href: "/calls", label: "Call lookup", permission: "calls.lookup" },
  { href: "/jobs", label: "Bulk jobs", permission: "jobs.run" },
  { href: "/audit", label: "Audit log", permission: "audit.view.own" },
  { href: "/users", label: "Users", permission: "users.manage" },
  { href: "/settings", label: "Settings", permission: "settings.manage" },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || can(role, item.permission));
}
