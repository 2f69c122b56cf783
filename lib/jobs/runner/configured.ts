import "server-only";
import { env } from "@/lib/config/env";
import { createJobRunner, type JobRunner } from "./index";

/** A runner as this deployment's JOB_* settings configure it, started. */
export async function startConfiguredRunner(): Promise<JobRunner> {
  const { JOB_OPERATIONS } = await import("../operations");
  const settings = env();
  const runner = createJobRunner({
    operations: JOB_OPERATIONS,
    concurrency: settings.JOB_CONCURRENCY,
    staleAfterMs: settings.JOB_STALE_AFTER_MS,
    heartbeatMs: Math.min(10_000, Math.floor(settings.JOB_STALE_AFTER_MS / 4)),
    exclusiveDatabase: !settings.DATABASE_URL,
  });
  await runner.start();
  return runner;
}
