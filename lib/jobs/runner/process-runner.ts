import "server-only";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/config/env";
import type { JobRunner } from "./index";
import { startConfiguredRunner } from "./configured";
import type { FromRunnerThread, ToRunnerThread } from "./thread-messages";

/** What the request thread asks of this process's runner, wherever it runs. */
type RunnerHandle = Pick<JobRunner, "kick" | "jobStopped">;

const holder = globalThis as typeof globalThis & { __vicidashJobRunner?: Promise<RunnerHandle> };

/** A runner thread that died is started again after this long; its rows are reconciled meanwhile. */
const RESTART_AFTER_MS = 1_000;

/**
 * Starts this process's runner once (Next may load this module several times; the handle lives
 * on globalThis). Called from start-up; safe to call again.
 *
 * On PostgreSQL the runner gets a thread of its own: a page render and a job's bookkeeping then
 * no longer wait for each other on one event loop (issue 19's load figures). PGlite lives in one
 * thread's memory, so there the runner stays on the request thread.
 */
export function startJobRunner(): Promise<RunnerHandle> {
  holder.__vicidashJobRunner ??= env().DATABASE_URL ? startRunnerThread() : startConfiguredRunner();
  return holder.__vicidashJobRunner;
}

/** Tells this process's runner (if it runs) that there is new work; other instances find it by polling. */
export function kickJobRunner(): void {
  void holder.__vicidashJobRunner?.then((runner) => runner.kick()).catch(() => undefined);
}

/** Tells this process's runner that a job stopped; other instances notice within half a second. */
export async function jobStoppedHere(jobId: string): Promise<void> {
  await holder.__vicidashJobRunner?.then((runner) => runner.jobStopped(jobId)).catch(() => undefined);
}

/** Resolves once the thread's runner has started (reconciled what a previous process left). */
function startRunnerThread(): Promise<RunnerHandle> {
  const worker = new Worker(new URL("./thread.ts", import.meta.url));
  // The thread must not keep a stopping process alive.
  worker.unref();
  const waiting = new Map<number, () => void>();
  let nextReply = 0;
  let ready = false;
  let alive = true;
  const handle: RunnerHandle = {
    kick() {
      if (alive) worker.postMessage({ kind: "kick" } satisfies ToRunnerThread);
    },
    jobStopped: (jobId) =>
      new Promise<void>((resolve) => {
        if (!alive) return resolve();
        const reply = nextReply++;
        waiting.set(reply, resolve);
        worker.postMessage({ kind: "job-stopped", jobId, reply } satisfies ToRunnerThread);
      }),
  };
  /** Nobody waits on a thread that is gone. */
  function answer(reply: number) {
    waiting.get(reply)?.();
    waiting.delete(reply);
  }
  return new Promise((resolve, reject) => {
    worker.on("message", (message: FromRunnerThread) => {
      if (message.kind === "job-stopped") return answer(message.reply);
      if (message.kind === "ready") {
        ready = true;
        return resolve(handle);
      }
      reject(new Error(`job runner did not start: ${message.message}`));
      void worker.terminate();
    });
    worker.on("error", (error) => console.error("job runner thread failed", error));
    worker.on("exit", (code) => {
      alive = false;
      for (const reply of [...waiting.keys()]) answer(reply);
      if (!ready) return reject(new Error(`job runner thread exited with code ${code} before it started`));
      // Its rows are reconciled by the next runner once its heartbeat is stale, as after a crash.
      console.error(`job runner thread exited with code ${code}; starting another in ${RESTART_AFTER_MS} ms`);
      setTimeout(() => {
        holder.__vicidashJobRunner = undefined;
        void startJobRunner().catch((error) => console.error(error));
      }, RESTART_AFTER_MS).unref();
    });
  });
}
