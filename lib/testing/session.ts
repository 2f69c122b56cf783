import * as session from "@/lib/auth/session";
import type { CurrentUser } from "@/lib/auth/session";
import { replaceExportForFile } from "./replace-export";

/** Chooses who is signed in for one test file: set `.user` (null: nobody). */
export function testSession(): { user: CurrentUser | null } {
  const signedIn: { user: CurrentUser | null } = { user: null };
  replaceExportForFile(session, "getCurrentUser", async () => signedIn.user);
  return signedIn;
}
