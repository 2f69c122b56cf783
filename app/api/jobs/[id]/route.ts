import { routeError, routeJson } from "@/lib/actions/route";
import { jobSnapshot } from "@/lib/jobs/queries";
import { jobRoute } from "@/lib/jobs/route-access";
import { isRowFilter } from "@/lib/jobs/views";

export const dynamic = "force-dynamic";

/**
 * The job page's poll: progress and one page of rows, filtered by state (`?state=failed&page=2`),
 * read from one database snapshot so that counters and rows always agree.
 */
export const GET = jobRoute(async (request, job) => {
  const search = new URL(request.url).searchParams;
  const state = search.get("state");
  const page = Number(search.get("page"));
  const snapshot = await jobSnapshot(job.id, { filter: isRowFilter(state) ? state : "all", page: Number.isInteger(page) && page > 0 ? page : 1 });
  return snapshot ? routeJson(snapshot) : routeError(404, "No such job");
});
