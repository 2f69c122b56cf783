import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { authOptions } from "./options";
import { sessionClaimsSchema } from "./claims";
import { oidcClientSettings } from "./oidc/settings";
import { resolveSessionUser, type CurrentUser } from "./session-user";

export type { CurrentUser } from "./session-user";

const sessionSchema = z.object({ claims: sessionClaimsSchema });

/**
 * The signed-in user of this request, checked against the database (disabled, role changed,
 * password reset: signed out), or null. Cached for the request, so the layout, the page and an
 * action all share one lookup. Unit tests replace this module to choose who is signed in.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = sessionSchema.safeParse(await getServerSession(authOptions()));
  if (!session.success) return null;
  const sso = oidcClientSettings();
  return resolveSessionUser(await getDb(), session.data.claims, new Date(), { providerSessionSeconds: sso?.sessionSeconds });
});
