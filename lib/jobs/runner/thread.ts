import { parentPort } from "node:worker_threads";
import { vicidialConfigFromEnv } from "@/lib/config/vicidial-env";
import { configureVicidial } from "@/lib/vicidial";
import { startConfiguredRunner } from "./configured";
import type { FromRunnerThread, ToRunnerThread } from "./thread-messages";

/**
 * The job runner's own thread (lib/jobs/runner/process-runner.ts starts it on PostgreSQL). It has
 * its own VICIdial client and database pool, built from the same environment as the request
 * thread's; everything else it shares with the pages goes through the database.
 */
const port = parentPort;
if (!port) throw new Error("lib/jobs/runner/thread.ts runs as a worker thread");
const post = (message: FromRunnerThread) => port.postMessage(message);

configureVicidial(vicidialConfigFromEnv);
const runner = startConfiguredRunner();
runner.then(
  () => post({ kind: "ready" }),
  (error: unknown) => post({ kind: "failed", message: error instanceof Error ? error.message : String(error) }),
);

port.on("message", (message: ToRunnerThread) => {
  void runner.then(async (started) => {
    if (message.kind === "kick") return started.kick();
    await started.jobStopped(message.jobId).catch((error) => console.error("job runner: could not hand back a stopped job's rows", error));
    post({ kind: "job-stopped", reply: message.reply });
  }, () => undefined); // not started: "failed" was posted, and the request thread stopped waiting
});
