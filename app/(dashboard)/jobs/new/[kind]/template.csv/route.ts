import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { isFileJobKind, JOB_KIND_INFO } from "@/lib/jobs/kinds";
import { jobTemplateCsv } from "@/lib/jobs/template";

/** The CSV template of one job kind, for those who may start that kind of job. */
export async function GET(_request: Request, { params }: { params: Promise<{ kind: string }> }): Promise<Response> {
  const { kind } = await params;
  if (!isFileJobKind(kind)) return Response.json({ error: "No such job kind" }, { status: 404 });
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
  if (!can(user.role, JOB_KIND_INFO[kind].permission) || user.mustChangePassword) return Response.json({ error: "Your role does not allow this" }, { status: 403 });
  return new Response(jobTemplateCsv(kind), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${kind}-template.csv"`, "Cache-Control": "no-store" },
  });
}
