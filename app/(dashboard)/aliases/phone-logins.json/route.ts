import { route, routeJson } from "@/lib/actions/route";
import { searchPhoneLogins } from "@/lib/phones/inventory";

export const dynamic = "force-dynamic";

/**
 * Known phones matching `q`, for the alias form's login picker (TanStack Query). The segment's
 * name has a dot, which no alias ID can contain, so it never shadows an alias's page.
 */
export const GET = route({ access: "phones.view" }, async (request) => {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 50);
  return routeJson({ options: await searchPhoneLogins(q, 20) });
});
