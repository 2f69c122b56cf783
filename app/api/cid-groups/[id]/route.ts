import { readWholeGroup } from "@/lib/cid-groups/live-entries";
import { fromVicidial } from "@/lib/actions/from-vicidial";
import { route, routeError, routeJson } from "@/lib/actions/route";
import { vicidialSource } from "@/lib/auth/source";
import { groupIdSchema } from "@/lib/cid-groups/schemas";

export const dynamic = "force-dynamic";

/**
 * The live entries of one CID group (VICIdial INFO), for the detail page's TanStack Query: read
 * when the page opens and after every change. An empty group is an empty list; an unknown one 404.
 */
export const GET = route<{ id: string }>({ access: "cid.view" }, async (_request, { user, params }) => {
  const id = groupIdSchema.safeParse(params.id);
  if (!id.success) return routeError(404, { kind: "validation", message: "This is not a CID group ID" });

  const result = await readWholeGroup(id.data, vicidialSource(user.username));
  if (result.ok) return routeJson({ entries: result.data });
  const { error } = fromVicidial(result);
  return routeError(result.code === "NOT_FOUND" ? 404 : error.kind === "unavailable" ? 503 : 502, error);
});
