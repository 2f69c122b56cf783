import type { ActionError } from "@/lib/actions/result";

/** A failed read of VICIdial's database (or the simulator's) as the pages show it. */
export function readError(error: unknown): ActionError {
  const detail = error instanceof Error ? error.message : String(error);
  const timedOut = /timeout|timed out|aborted/i.test(detail);
  return {
    kind: "unavailable",
    message: timedOut
      ? "VICIdial's database did not answer in time. Try again in a moment; if it keeps happening, ask whoever runs VICIdial whether its database is busy."
      : "VICIdial's database could not be read. Try again in a moment; the details below say what went wrong.",
    raw: detail,
  };
}
