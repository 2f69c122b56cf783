import { route, routeError } from "@/lib/actions/route";
import { can } from "@/lib/auth/permissions";
import { isFileJobKind, JOB_KIND_INFO } from "@/lib/jobs/kinds";
import { jobTemplateCsv } from "@/lib/jobs/template";

/** The CSV template of one job kind, for those who may start that kind of job; an unknown kind is a 404. */
export const GET = route<{ kind: string }>({ access: (user, { kind }) => !isFileJobKind(kind) || can(user.role, JOB_KIND_INFO[kind].permission) }, async (_request, { params: { kind } }) => {
  if (!isFileJobKind(kind)) return routeError(404, "No such job kind");
  return new Response(jobTemplateCsv(kind), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${kind}-template.csv"`, "Cache-Control": "no-store" },
  });
});
