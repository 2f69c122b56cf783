import { NextResponse, type NextRequest } from "next/server";
import { jobRowPage } from "@/lib/jobs/queries";
import { jobForRequest } from "@/lib/jobs/route-access";
import { isRowFilter } from "@/lib/jobs/views";

export const dynamic = "force-dynamic";

/** One page of the job's per-row results, filtered by state (`?state=failed&page=2`). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const found = await jobForRequest((await params).id);
  if ("response" in found) return found.response;
  const search = request.nextUrl.searchParams;
  const state = search.get("state");
  const page = Number(search.get("page"));
  const rows = await jobRowPage(found.job.id, isRowFilter(state) ? state : "all", Number.isInteger(page) && page > 0 ? page : 1);
  return NextResponse.json(rows, { headers: { "Cache-Control": "no-store" } });
}
