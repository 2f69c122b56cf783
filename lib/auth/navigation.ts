import { can, type Permission, type Role } from "@/lib/auth/permissions";
import { PAGE_ACCESS } from "./page-access";

export interface NavItem {
  href: string;
  label: string;
  /** Absent: every signed-in user. */
  permission?: Permission;
}

/** The sidebar, in order: each link shown to whoever may open its page (lib/auth/page-access.ts). */
const SECTIONS = [
  { href: "/", label: "Overview" },
  { href: "/dids", label: "DIDs" },
  { href: "/phones", label: "Phones" },
  { href: "/aliases", label: "Phone aliases" },
  { href: "/cid-groups", label: "CID groups" },
  { href: "/calls", label: "Call lookup" },
  { href: "/jobs", label: "Bulk jobs" },
  { href: "/audit", label: "Audit log" },
  { href: "/users", label: "Users" },
  { href: "/settings", label: "Settings" },
] as const satisfies { href: keyof typeof PAGE_ACCESS; label: string }[];

export const NAV_ITEMS: NavItem[] = SECTIONS.map(({ href, label }) => {
  const permission = PAGE_ACCESS[href];
  return permission ? { href, label, permission } : { href, label };
});

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || can(role, item.permission));
}
