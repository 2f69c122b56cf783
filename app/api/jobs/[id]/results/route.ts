import { resultsCsv } from "@/lib/jobs/queries";
import { jobForRequest } from "@/lib/jobs/route-access";

export const dynamic = "force-dynamic";

/** Every row's result as CSV (no passwords: those are only in the agent sheet). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await jobForRequest((await params).id);
  if ("response" in found) return found.response;
  const csv = await resultsCsv(found.job);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="job-${found.job.id.slice(0, 8)}-results.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
