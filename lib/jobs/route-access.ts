import "server-only";
import { route, routeError } from "@/lib/actions/route";
import { findJobFor } from "./queries";
import type { JobRecord } from "./store";
import { DATABASE_AWAY } from "./views";

/**
 * A job's route handler: signed in (route()), and the job is the user's own (or the user is an
 * admin). Someone else's job answers exactly like a job that does not exist.
 */
export function jobRoute(handler: (request: Request, job: JobRecord) => Promise<Response>) {
  return route<{ id: string }>({ access: "signed-in", unavailable: DATABASE_AWAY }, async (request, { user, params }) => {
    const job = await findJobFor(user, params.id);
    return job ? handler(request, job) : routeError(404, "No such job");
  });
}
