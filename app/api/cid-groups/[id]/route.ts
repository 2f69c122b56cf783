import { NextResponse } from "next/server";
import { readWholeGroup } from "@/lib/cid-groups/live-entries";
import { fromVicidial } from "@/lib/actions/from-vicidial";
import { fail, ok, type ActionResult } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { vicidialSource } from "@/lib/auth/source";
import { groupIdSchema } from "@/lib/schemas/cid-group";
import type { CidGroupRow } from "@/lib/vicidial/cid-groups";

export const dynamic = "force-dynamic";

const reply = (body: ActionResult<CidGroupRow[]>, status: number) => NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The live entries of one CID group (VICIdial INFO), for the detail page's TanStack Query: read
 * when the page opens and after every change. An empty group is an empty list; an unknown one 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return reply(fail("unauthorized", "Your session has ended. Sign in again to continue."), 401);
  if (!can(user.role, "cid.view") || user.mustChangePassword) return reply(fail("forbidden", "Your role does not allow this."), 403);

  const id = groupIdSchema.safeParse((await params).id);
  if (!id.success) return reply(fail("validation", "This is not a CID group ID"), 404);

  const result = await readWholeGroup(id.data, vicidialSource(user.username));
  if (result.ok) return reply(ok(result.data, `${result.data.length} entries`), 200);
  const error = fromVicidial(result);
  const status = result.code === "NOT_FOUND" ? 404 : error.error.kind === "unavailable" ? 503 : 502;
  return reply(error, status);
}
