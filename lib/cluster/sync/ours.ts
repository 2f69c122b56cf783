import { users } from "@/lib/db/schema";
import type { Db } from "@/lib/db";
import { vicidialSource } from "@/lib/auth/source";
import type { Who } from "./who";

/**
 * Whether a change VICIdial logged was made by this dashboard: through the API, as the
 * dashboard's API user, with a `source` naming one of its users (every write sends one). The
 * dashboard records its own changes (audit entry, list row) once VICIdial confirms them; a bulk
 * job batches that bookkeeping, so the sync can read such a change first. It is then written to
 * the list without an "outside the dashboard" entry.
 */
export async function dashboardChangeTest(db: Db): Promise<(who: Who | null) => boolean> {
  const apiUser = (process.env.VICIDIAL_API_USER ?? "").toLowerCase();
  const rows = await db.select({ username: users.username }).from(users);
  const sources = new Set(rows.map((row) => vicidialSource(row.username).toLowerCase()));
  return (who) => who !== null && who.via === "api" && apiUser !== "" && who.user.toLowerCase() === apiUser && who.source !== null && sources.has(who.source.toLowerCase());
}
