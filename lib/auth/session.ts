import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { oidcClientSettings } from "./oidc/settings";
import { readSessionClaims } from "./session-cookie";
import { resolveSessionUser, type CurrentUser } from "./session-user";

export type { CurrentUser } from "./session-user";

/**
 * The signed-in user of this request, checked against the database (disabled, role changed,
 * password reset: signed out), or null. Cached for the request, so the layout, the page and an
 * action all share one lookup. Unit tests replace ./session-cookie to choose who is signed in.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const sso = oidcClientSettings();
  return resolveSessionUser(await getDb(), claims, new Date(), { providerSessionSeconds: sso?.sessionSeconds });
});
