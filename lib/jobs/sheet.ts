import "server-only";
import { and, asc, eq, inArray, lte, or } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { jobRows, jobs, jobSecrets } from "@/lib/db/schema/jobs";
import { safeText, toCsv } from "./csv";
import { isFinished, ROW_STATE_LABELS } from "./kinds";
import { openSecret } from "./secrets";
import type { JobRecord } from "./store";
import { env } from "@/lib/config/env";

/**
 * The password sheet of an agent-provisioning job. The passwords exist only in job_secrets
 * (encrypted) and stay there, re-downloadable by the job's creator, until the creator confirms
 * the sheet was saved or the keeping time (SHEET_KEEP_HOURS, 24 h by default) after the job
 * finished runs out; a download that failed or was never saved no longer loses every password.
 * A job that never finishes gives its sheet up a week after it started.
 */
export const SHEET_KEPT_MAX_MS = 7 * 24 * 60 * 60 * 1000;

/** How long a finished job's sheet is kept unconfirmed (SHEET_KEEP_HOURS). */
export function sheetKeepMs(): number {
  return env().SHEET_KEEP_HOURS * 60 * 60 * 1000;
}

/** When the sheet of `job` is discarded unless confirmed first; null if it is not kept. */
export function sheetExpiry(job: Pick<JobRecord, "sheet" | "finishedAt" | "createdAt">, keepMs: number = sheetKeepMs()): Date | null {
  if (job.sheet !== "kept") return null;
  const backstop = job.createdAt.getTime() + SHEET_KEPT_MAX_MS;
  return new Date(job.finishedAt ? Math.min(job.finishedAt.getTime() + keepMs, backstop) : backstop);
}

export type SheetResult = { ok: true; filename: string; csv: string; phones: number } | { ok: false; message: string };

export const SHEET_HEADER = ["extension", "phone_login", "full_name", "server_ip", "result", "phone_password", "registration_password", "note"];

function unavailable(job: JobRecord | undefined): string | undefined {
  if (!job || job.kind !== "agents") return "This job has no password sheet.";
  if (job.sheet === "saved" || job.sheet === "downloaded") return "The password sheet was saved and its passwords discarded; they are no longer kept.";
  if (job.sheet !== "kept") return "The password sheet expired; its passwords are no longer kept.";
  return undefined;
}

/**
 * The sheet, as often as its creator asks while it is kept: the passwords stay until the
 * creator confirms (discardSheet) or the keeping time runs out. Records the last download.
 */
export async function readSheet(db: Db, jobId: string, now: Date = new Date()): Promise<SheetResult> {
  await expireSheets(db, now, jobId);
  return db.transaction(async (tx) => {
    const [job] = await tx.select().from(jobs).where(eq(jobs.id, jobId)).for("update");
    const problem = unavailable(job);
    if (problem || !job) return { ok: false, message: problem ?? "This job has no password sheet." };
    if (!isFinished(job.status)) return { ok: false, message: "The sheet can be downloaded once the job has finished or been cancelled." };

    const rows = await tx
      .select({ id: jobRows.id, state: jobRows.state, input: jobRows.input, message: jobRows.message, ciphertext: jobSecrets.ciphertext })
      .from(jobRows)
      .leftJoin(jobSecrets, eq(jobSecrets.rowId, jobRows.id))
      .where(and(eq(jobRows.jobId, jobId), eq(jobRows.phase, 0)))
      .orderBy(asc(jobRows.seq));
    const lines = rows.map((row) => {
      const input = row.input as Record<string, string | undefined>;
      // Only a phone this job created has these passwords; an existing phone kept its own.
      const secret = row.state === "done" && row.ciphertext ? openSecret(row.ciphertext) : undefined;
      const note =
        row.state === "done" ? "" : row.state === "exists" ? "The phone already existed; its passwords were not changed" : (row.message ?? "");
      return [
        input.extension,
        input.phoneLogin,
        safeText(input.phoneFullName),
        input.serverIp,
        ROW_STATE_LABELS[row.state],
        secret?.phonePass ?? "",
        secret?.registrationPassword ?? "",
        safeText(note),
      ];
    });
    await tx.update(jobs).set({ sheetDownloadedAt: now, updatedAt: now }).where(eq(jobs.id, jobId));
    return {
      ok: true,
      filename: `agent-phones-${jobId.slice(0, 8)}.csv`,
      csv: toCsv(SHEET_HEADER, lines),
      phones: rows.filter((row) => row.state === "done").length,
    };
  });
}

/** The creator saved the sheet: its passwords are deleted now. */
export async function discardSheet(db: Db, jobId: string, now: Date = new Date()): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.transaction(async (tx) => {
    const [job] = await tx.select().from(jobs).where(eq(jobs.id, jobId)).for("update");
    const problem = unavailable(job);
    if (problem) return { ok: false, message: problem };
    await tx.delete(jobSecrets).where(eq(jobSecrets.jobId, jobId));
    await tx.update(jobs).set({ sheet: "saved", updatedAt: now }).where(eq(jobs.id, jobId));
    return { ok: true };
  });
}

/**
 * Wipes the passwords of sheets kept past their time: all of them (the runner's periodic sweep)
 * or one job's (before that job is read). Returns how many sheets expired.
 */
export async function expireSheets(db: Db, now: Date = new Date(), jobId?: string, keepMs: number = sheetKeepMs()): Promise<number> {
  const finishedBefore = new Date(now.getTime() - keepMs);
  const startedBefore = new Date(now.getTime() - SHEET_KEPT_MAX_MS);
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(jobs)
      .set({ sheet: "expired", updatedAt: now })
      .where(and(eq(jobs.sheet, "kept"), jobId ? eq(jobs.id, jobId) : undefined, or(lte(jobs.finishedAt, finishedBefore), lte(jobs.createdAt, startedBefore))))
      .returning({ id: jobs.id });
    if (expired.length > 0) {
      await tx.delete(jobSecrets).where(inArray(jobSecrets.jobId, expired.map((job) => job.id)));
    }
    return expired.length;
  });
}

