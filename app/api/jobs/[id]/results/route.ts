import { resultsCsv } from "@/lib/jobs/queries";
import { jobRoute } from "@/lib/jobs/route-access";

export const dynamic = "force-dynamic";

/** Every row's result as CSV (no passwords: those are only in the agent sheet). */
export const GET = jobRoute(async (_request, job) => {
  const csv = await resultsCsv(job);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="job-${job.id.slice(0, 8)}-results.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
