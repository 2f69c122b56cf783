import { ROLES, type Role } from "@/lib/auth/permissions";

/**
 * Which claim values give which role: `callcenter-admins=admin,supervisors=supervisor`. Kept in
 * the order written, because a person in several mapped groups gets the first entry's role (so
 * the map is written most powerful first). Client-safe: the settings form validates with it too.
 */
export type RoleMap = readonly (readonly [value: string, role: Role])[];

export type RoleMapParse = { ok: true; map: RoleMap } | { ok: false; message: string };

export function parseRoleMap(text: string): RoleMapParse {
  const map: [string, Role][] = [];
  for (const part of text.split(/[,\n]/)) {
    const entry = part.trim();
    if (!entry) continue;
    const eq = entry.lastIndexOf("=");
    const value = entry.slice(0, eq).trim();
    const role = entry.slice(eq + 1).trim().toLowerCase();
    if (eq <= 0 || !value) return { ok: false, message: `has "${entry}": write each entry as group=role` };
    const known = ROLES.find((r) => r === role);
    if (!known) return { ok: false, message: `has "${entry}": the role must be one of ${ROLES.join(", ")}` };
    if (map.some(([v]) => v === value)) return { ok: false, message: `names "${value}" twice` };
    map.push([value, known]);
  }
  if (map.length === 0) return { ok: false, message: "is empty: map at least one group to a role, e.g. callcenter-admins=admin" };
  return { ok: true, map };
}

export function formatRoleMap(map: RoleMap): string {
  return map.map(([value, role]) => `${value}=${role}`).join(",");
}

/**
 * The values a claim holds. Providers send groups as an array (Entra, Okta, Keycloak), some as
 * one string; anything else holds nothing.
 */
export function claimValues(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((v): v is string => typeof v === "string");
  if (typeof claim === "string") return claim.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** The role a person's claims give, or null: no mapped value means no entry, never a default role. */
export function roleFromClaims(claims: Record<string, unknown>, claimName: string, map: RoleMap): Role | null {
  const held = new Set(claimValues(claims[claimName]));
  return map.find(([value]) => held.has(value))?.[1] ?? null;
}
