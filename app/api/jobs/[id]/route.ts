import { NextResponse } from "next/server";
import { jobProgress } from "@/lib/jobs/queries";
import { jobForRequest } from "@/lib/jobs/route-access";
import { DATABASE_AWAY } from "@/lib/jobs/views";

export const dynamic = "force-dynamic";

/** The job's progress, polled by its page while it runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const found = await jobForRequest((await params).id);
    if ("response" in found) return found.response;
    return NextResponse.json(await jobProgress(found.job), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // Everything above reads the database: a failure here is the database being away.
    console.error("job progress: database unavailable", error instanceof Error ? error.message : error);
    return NextResponse.json({ error: DATABASE_AWAY }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
