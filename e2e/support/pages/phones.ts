import type { Permission } from "../../../lib/auth/permissions";

/** The phone and alias pages for the role matrix: who may open them, and their heading (seed phone and alias of the demo inventory). */
export const PHONE_PAGES: { path: string; heading: string; permission: Permission }[] = [
  { path: "/phones", heading: "Phones", permission: "phones.view" },
  { path: "/phones/new", heading: "Add phone", permission: "phones.write" },
  { path: "/phones/10.10.10.15/1001", heading: "Phone 1001", permission: "phones.view" },
  { path: "/aliases", heading: "Phone aliases", permission: "phones.view" },
  { path: "/aliases/new", heading: "Add phone alias", permission: "phones.write" },
  { path: "/aliases/SEEDALIAS", heading: "Phone alias SEEDALIAS", permission: "phones.view" },
];
