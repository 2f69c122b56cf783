import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { connectionStatus } from "@/lib/connection-status";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!(await getCurrentUser())) return NextResponse.json({ error: "Sign in first" }, { status: 401 });
  return NextResponse.json(await connectionStatus());
}
