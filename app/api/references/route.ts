import { NextResponse } from "next/server";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { referenceOptions, referencesKnown } from "@/lib/cluster/references";
import { REFERENCE_KINDS, type ReferenceKind } from "@/lib/cluster/types";

export const dynamic = "force-dynamic";

const reply = (body: unknown, status: number) => NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** The pickers' options (`?kind=in_group&q=sales`), for the roles that fill the forms using them. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return reply({ error: "Your session has ended. Sign in again to continue." }, 401);
  if (!(can(user.role, "dids.write") || can(user.role, "phones.write")) || user.mustChangePassword) return reply({ error: "Your role does not allow this." }, 403);
  const search = new URL(request.url).searchParams;
  const kind = search.get("kind");
  if (!(REFERENCE_KINDS as readonly string[]).includes(kind ?? "")) return reply({ error: `kind must be one of ${REFERENCE_KINDS.join(", ")}` }, 400);
  try {
    const [options, known] = await Promise.all([referenceOptions(kind as ReferenceKind, search.get("q") ?? ""), referencesKnown(kind as ReferenceKind)]);
    return reply({ options, known }, 200);
  } catch (error) {
    console.error("reference options: database unavailable", error instanceof Error ? error.message : error);
    return reply({ error: "The dashboard's database did not answer." }, 503);
  }
}
