import { listExportRoute } from "@/lib/export/list-export";
import { listJobs, parseJobListQuery, type JobListRow } from "@/lib/jobs/queries";

export const dynamic = "force-dynamic";

/** The job list as CSV (the viewer's jobs, everyone's for an admin), with the page's filters and sort. */
export const GET = listExportRoute<JobListRow>({
  list: "jobs",
  permission: "jobs.run",
  columns: ["id", "title", "kind", "status", "owner", "created_at_utc", "finished_at_utc", "rows", "done", "already_existed", "failed", "skipped"],
  page: async (params, page, pageSize, user) => (await listJobs(user, { ...parseJobListQuery(params), page, pageSize })).rows,
  record: (row) => [row.id, row.title, row.kind, row.status, row.owner, row.createdAt.toISOString(), row.finishedAt?.toISOString() ?? "", row.total, row.done, row.exists, row.failed, row.skipped],
});
