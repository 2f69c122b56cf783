import * as session from "@/lib/auth/session";
import type { CurrentUser } from "@/lib/auth/session";
import type { SessionClaims } from "@/lib/auth/claims";
import * as sessionCookie from "@/lib/auth/session-cookie";
import { replaceExportForFile } from "./replace-export";

/** Chooses who is signed in for one test file: set `.user` (null: nobody). */
export function testSession(): { user: CurrentUser | null } {
  const signedIn: { user: CurrentUser | null } = { user: null };
  replaceExportForFile(session, "getCurrentUser", async () => signedIn.user);
  return signedIn;
}

/**
 * For a test file of the real session check (lib/auth/session → the database): set `.session` to
 * the cookie the browser would send (null: none); only its reading is replaced.
 */
export function testSessionCookie(): { session: { claims: SessionClaims; expires: string } | null } {
  const cookie: { session: { claims: SessionClaims; expires: string } | null } = { session: null };
  replaceExportForFile(sessionCookie, "readSessionClaims", async () => cookie.session?.claims ?? null);
  return cookie;
}
