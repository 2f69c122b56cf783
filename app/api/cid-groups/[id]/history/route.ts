import { route, routeError, routeJson } from "@/lib/actions/route";
import { recentChanges } from "@/lib/audit/recent";
import { groupIdSchema } from "@/lib/cid-groups/schemas";

export const dynamic = "force-dynamic";

/**
 * A CID group's recent changes from the audit log, for its page's "Recent changes" panel, read
 * again after every change made on the page. Only the database is read, never VICIdial.
 */
export const GET = route<{ id: string }>({ access: "cid.view" }, async (_request, { user, params }) => {
  const id = groupIdSchema.safeParse(params.id);
  if (!id.success) return routeError(404, "This is not a CID group ID");
  return routeJson(await recentChanges("cid", id.data, user.role));
});
