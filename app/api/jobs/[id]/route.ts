import { NextResponse, type NextRequest } from "next/server";
import { jobSnapshot } from "@/lib/jobs/queries";
import { jobForRequest } from "@/lib/jobs/route-access";
import { DATABASE_AWAY, isRowFilter } from "@/lib/jobs/views";

export const dynamic = "force-dynamic";

/**
 * The job page's poll: progress and one page of rows, filtered by state (`?state=failed&page=2`),
 * read from one database snapshot so that counters and rows always agree.
 */
export async function GET(request: NextRequest | Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const found = await jobForRequest((await params).id);
    if ("response" in found) return found.response;
    const search = new URL(request.url).searchParams;
    const state = search.get("state");
    const page = Number(search.get("page"));
    const snapshot = await jobSnapshot(found.job.id, { filter: isRowFilter(state) ? state : "all", page: Number.isInteger(page) && page > 0 ? page : 1 });
    if (!snapshot) return NextResponse.json({ error: "No such job" }, { status: 404 });
    return NextResponse.json(snapshot, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // Everything above reads the database: a failure here is the database being away.
    console.error("job progress: database unavailable", error instanceof Error ? error.message : error);
    return NextResponse.json({ error: DATABASE_AWAY }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
