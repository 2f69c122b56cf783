import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/lib/db";
import { settings } from "@/lib/db/schema/settings";
import { env, type Env } from "@/lib/config/env";
import { formatRoleMap, parseRoleMap, type RoleMap } from "./role-map";

/** The settings row an admin edits on /settings; OIDC_ROLE_MAP wins over it. */
export const ROLE_MAP_KEY = "oidc.role_map";
export const DEFAULT_ROLE_CLAIM = "groups";
export const DEFAULT_PROVIDER_NAME = "SSO";
/** next-auth's provider id: the redirect URI to register at the provider is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** "Sign in with <name>". */
  name: string;
  roleClaim: string;
  /** How long a provider user's session lasts before they pass the provider again (which re-reads their role). */
  sessionSeconds: number;
}

/** Single sign-on as the environment configures it, or null when it is not configured. */
export function oidcClientSettings(e: Env = env()): OidcClientSettings | null {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    name: e.OIDC_NAME ?? DEFAULT_PROVIDER_NAME,
    roleClaim: e.OIDC_ROLE_CLAIM ?? DEFAULT_ROLE_CLAIM,
    sessionSeconds: e.OIDC_SESSION_SECONDS,
  };
}

export interface EffectiveRoleMap {
  map: RoleMap;
  /** Where the map in force comes from. */
  source: "environment" | "settings" | "none";
  /** The map saved on the settings page, also when the environment overrides it. */
  saved: string | null;
}

export async function readSavedRoleMap(db: Db): Promise<string | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, ROLE_MAP_KEY)).limit(1);
  return row?.value ?? null;
}

/** The role map in force: OIDC_ROLE_MAP when set (start-up checked it), else the saved one, else none. */
export async function effectiveRoleMap(e: Env = env()): Promise<EffectiveRoleMap> {
  const saved = await readSavedRoleMap(await getDb());
  const fromEnv = e.OIDC_ROLE_MAP ? parseRoleMap(e.OIDC_ROLE_MAP) : null;
  if (fromEnv?.ok) return { map: fromEnv.map, source: "environment", saved };
  const fromRow = saved ? parseRoleMap(saved) : null;
  if (fromRow?.ok) return { map: fromRow.map, source: "settings", saved };
  return { map: [], source: "none", saved };
}

export async function saveRoleMap(map: RoleMap, actorId: number): Promise<{ before: string | null; after: string }> {
  const db = await getDb();
  const before = await readSavedRoleMap(db);
  const value = formatRoleMap(map);
  await db
    .insert(settings)
    .values({ key: ROLE_MAP_KEY, value, updatedBy: actorId })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actorId, updatedAt: new Date() } });
  return { before, after: value };
}
