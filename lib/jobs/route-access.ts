import "server-only";
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { findJobFor } from "./queries";
import type { JobRecord } from "./store";

/**
 * The check every job route handler makes: signed in, and the job is the user's own (or the
 * user is an admin). Someone else's job answers exactly like a job that does not exist.
 */
export async function jobForRequest(id: string): Promise<{ job: JobRecord } | { response: NextResponse }> {
  const user = await getCurrentUser();
  if (!user) return { response: NextResponse.json({ error: "Sign in first" }, { status: 401 }) };
  if (user.mustChangePassword) return { response: NextResponse.json({ error: "Choose your own password first" }, { status: 403 }) };
  const job = await findJobFor(user, id);
  if (!job) return { response: NextResponse.json({ error: "No such job" }, { status: 404 }) };
  return { job };
}
