import { NextResponse } from "next/server";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { getSyncStatus } from "@/lib/cluster/status";

export const dynamic = "force-dynamic";

const reply = (body: unknown, status: number) => NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** The overview's sync card polls this (TanStack Query) while a requested pass runs. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return reply({ error: "Your session has ended. Sign in again to continue." }, 401);
  if (!can(user.role, "dids.view") || user.mustChangePassword) return reply({ error: "Your role does not allow this." }, 403);
  try {
    return reply(await getSyncStatus(), 200);
  } catch (error) {
    console.error("sync status: database unavailable", error instanceof Error ? error.message : error);
    return reply({ error: "The dashboard's database did not answer; retrying." }, 503);
  }
}
