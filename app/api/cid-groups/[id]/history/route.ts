import { NextResponse } from "next/server";
import { recentChanges } from "@/lib/audit/recent";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { groupIdSchema } from "@/lib/schemas/cid-group";

export const dynamic = "force-dynamic";

/**
 * A CID group's recent changes from the audit log, for its page's "Recent changes" panel, read
 * again after every change made on the page. Only the database is read, never VICIdial.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in first" }, { status: 401 });
  if (!can(user.role, "cid.view") || user.mustChangePassword) return NextResponse.json({ error: "Your role does not allow this." }, { status: 403 });
  const id = groupIdSchema.safeParse((await params).id);
  if (!id.success) return NextResponse.json({ error: "This is not a CID group ID" }, { status: 404 });
  return NextResponse.json(await recentChanges("cid", id.data, user.role), { headers: { "Cache-Control": "no-store" } });
}
