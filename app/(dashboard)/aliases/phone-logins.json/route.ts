import { NextResponse } from "next/server";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { searchPhoneLogins, type PhoneLoginOption } from "@/lib/inventory/phones";

export const dynamic = "force-dynamic";

/**
 * Known phones matching `q`, for the alias form's login picker (TanStack Query). The segment's
 * name has a dot, which no alias ID can contain, so it never shadows an alias's page.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Your session has ended. Sign in again to continue." }, { status: 401 });
  if (!can(user.role, "phones.view") || user.mustChangePassword) return NextResponse.json({ error: "Your role does not allow this." }, { status: 403 });
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 50);
  const options: PhoneLoginOption[] = await searchPhoneLogins(q, 20);
  return NextResponse.json({ options }, { headers: { "Cache-Control": "no-store" } });
}
