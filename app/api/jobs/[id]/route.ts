import { NextResponse } from "next/server";
import { jobProgress } from "@/lib/jobs/queries";
import { jobForRequest } from "@/lib/jobs/route-access";

export const dynamic = "force-dynamic";

/** The job's progress, polled by its page while it runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await jobForRequest((await params).id);
  if ("response" in found) return found.response;
  return NextResponse.json(await jobProgress(found.job), { headers: { "Cache-Control": "no-store" } });
}
