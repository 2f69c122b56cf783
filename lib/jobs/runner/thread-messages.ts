/** What the request thread and the runner's thread tell each other (lib/jobs/runner/thread.ts). */
export type ToRunnerThread =
  | { kind: "kick" }
  | { kind: "job-stopped"; jobId: string; reply: number };

export type FromRunnerThread =
  | { kind: "ready" }
  | { kind: "failed"; message: string }
  | { kind: "job-stopped"; reply: number };
