import "server-only";
import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { jobRows, jobs, jobSecrets } from "@/lib/db/schema/jobs";
import { safeText, toCsv } from "./csv";
import { isFinished, ROW_STATE_LABELS } from "./kinds";
import { openSecret } from "./secrets";

/**
 * The password sheet of an agent-provisioning job. The passwords exist only in job_secrets
 * (encrypted) until the sheet's one download, which deletes them in the same transaction; a sheet
 * nobody downloads is wiped a day after the job finished (or a week after it started).
 */
export const SHEET_KEPT_AFTER_FINISH_MS = 24 * 60 * 60 * 1000;
export const SHEET_KEPT_MAX_MS = 7 * 24 * 60 * 60 * 1000;

export type SheetResult = { ok: true; filename: string; csv: string; phones: number } | { ok: false; message: string };

export const SHEET_HEADER = ["extension", "phone_login", "full_name", "server_ip", "result", "phone_password", "registration_password", "note"];

export async function takeSheet(db: Db, jobId: string): Promise<SheetResult> {
  return db.transaction(async (tx) => {
    const [job] = await tx.select().from(jobs).where(eq(jobs.id, jobId)).for("update");
    if (!job || job.kind !== "agents") return { ok: false, message: "This job has no password sheet." };
    if (job.sheet === "downloaded") return { ok: false, message: "The password sheet was already downloaded; its passwords are no longer kept." };
    if (job.sheet !== "kept") return { ok: false, message: "The password sheet expired; its passwords are no longer kept." };
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
    await tx.delete(jobSecrets).where(eq(jobSecrets.jobId, jobId));
    await tx.update(jobs).set({ sheet: "downloaded", sheetDownloadedAt: new Date(), updatedAt: new Date() }).where(eq(jobs.id, jobId));
    return {
      ok: true,
      filename: `agent-phones-${jobId.slice(0, 8)}.csv`,
      csv: toCsv(SHEET_HEADER, lines),
      phones: rows.filter((row) => row.state === "done").length,
    };
  });
}

/** Wipes the passwords of sheets kept too long. Returns how many sheets expired. */
export async function expireSheets(db: Db, now: Date = new Date()): Promise<number> {
  const finishedBefore = new Date(now.getTime() - SHEET_KEPT_AFTER_FINISH_MS);
  const startedBefore = new Date(now.getTime() - SHEET_KEPT_MAX_MS);
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(jobs)
      .set({ sheet: "expired", updatedAt: now })
      .where(and(eq(jobs.sheet, "kept"), or(lt(jobs.finishedAt, finishedBefore), lt(jobs.createdAt, startedBefore))))
      .returning({ id: jobs.id });
    if (expired.length > 0) {
      await tx.delete(jobSecrets).where(inArray(jobSecrets.jobId, expired.map((job) => job.id)));
    }
    return expired.length;
  });
}

/** Passwords still held for a job (the page says whether the sheet can be downloaded). */
export async function keptSecretCount(db: Db, jobId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(jobSecrets).where(eq(jobSecrets.jobId, jobId));
  return row?.n ?? 0;
}
