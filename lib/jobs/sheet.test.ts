import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jobs, jobSecrets } from "@/lib/db/schema/jobs";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { safeText } from "./csv";
import { openSecret, sealSecret } from "./secrets";
import { discardSheet, expireSheets, readSheet, sheetExpiry } from "./sheet";
import { createJob } from "./store";

process.env.AUTH_SECRET ??= "job-sheet-tests-secret-0123456789abcdef";

describe("job passwords at rest", () => {
  it("are sealed so that the database alone does not reveal them, and a changed byte is refused", () => {
    const sealed = sealSecret({ phonePass: "Abcdef1234567890XyZ1", registrationPassword: "Qwerty0987654321AbC2" });
    expect(sealed).not.toContain("Abcdef1234567890XyZ1");
    expect(openSecret(sealed)).toEqual({ phonePass: "Abcdef1234567890XyZ1", registrationPassword: "Qwerty0987654321AbC2" });
    // One character of the sealed text changed (its second-to-last: never base64 padding).
    const tampered = `${sealed.slice(0, -2)}${sealed.at(-2) === "A" ? "B" : "A"}${sealed.slice(-1)}`;
    expect(tampered).not.toBe(sealed);
    expect(() => openSecret(tampered)).toThrow();
  });
});

describe("results files", () => {
  it("keep identifiers as they are but stop a spreadsheet from running text as a formula", () => {
    expect(safeText("=HYPERLINK(\"http://x\")")).toBe("'=HYPERLINK(\"http://x\")");
    expect(safeText("Added 7275551001")).toBe("Added 7275551001");
  });
});

for (const backend of testBackends()) {
  describe(`the password sheet on ${backend}`, () => {
    const db = useTestDatabase(backend);

    async function agentJob(status: "running" | "completed", finishedHoursAgo: number | null) {
      const id = await createJob(db(), {
        kind: "agents",
        title: "2 agent phones",
        options: {},
        owner: { id: 7, username: "it.jane", role: "provisioning" },
        withSheet: true,
        rows: [
          { seq: 1, label: "6101 (a6101)", input: { kind: "phone", extension: "6101", phoneLogin: "a6101" }, secret: sealSecret({ phonePass: "P1", registrationPassword: "R1" }) },
          { seq: 2, label: "6102 (a6102)", input: { kind: "phone", extension: "6102", phoneLogin: "a6102" }, secret: sealSecret({ phonePass: "P2", registrationPassword: "R2" }) },
        ],
      });
      await db()
        .update(jobs)
        .set({ status, finishedAt: finishedHoursAgo === null ? null : new Date(Date.now() - finishedHoursAgo * 3_600_000) })
        .where(eq(jobs.id, id));
      if (status === "completed") await db().execute(sql`update job_rows set state = 'done' where job_id = ${id}`);
      return id;
    }

    const secretsOf = async (id: string) => (await db().select().from(jobSecrets).where(eq(jobSecrets.jobId, id))).length;

    it("is not handed out while the job runs, then as often as asked until its creator confirms it was saved", async () => {
      const id = await agentJob("running", null);
      expect(await readSheet(db(), id)).toEqual({ ok: false, message: expect.stringMatching(/once the job has finished/) });
      await db().update(jobs).set({ status: "completed", finishedAt: new Date() }).where(eq(jobs.id, id));
      await db().execute(sql`update job_rows set state = 'done' where job_id = ${id}`);

      const sheet = await readSheet(db(), id);
      expect(sheet).toMatchObject({ ok: true, phones: 2 });
      if (sheet.ok) expect(sheet.csv.split("\r\n").slice(1)).toEqual(["6101,a6101,,,Done,P1,R1,", "6102,a6102,,,Done,P2,R2,"]);
      expect(await secretsOf(id)).toBe(2);
      expect(await readSheet(db(), id)).toEqual(sheet);
      const [job] = await db().select().from(jobs).where(eq(jobs.id, id));
      expect(job?.sheetDownloadedAt).toBeInstanceOf(Date);

      expect(await discardSheet(db(), id)).toEqual({ ok: true });
      expect(await secretsOf(id)).toBe(0);
      expect(await readSheet(db(), id)).toMatchObject({ ok: false, message: expect.stringMatching(/saved/) });
      expect(await discardSheet(db(), id)).toMatchObject({ ok: false });
    });

    it("is discarded when its keeping time after the job finished runs out, by the sweep or on read, and not before", async () => {
      const fresh = await agentJob("completed", 2);
      const stale = await agentJob("completed", 25);
      const [freshJob] = await db().select().from(jobs).where(eq(jobs.id, fresh));
      expect(sheetExpiry(freshJob!, 24 * 3_600_000)?.getTime()).toBe(freshJob!.finishedAt!.getTime() + 24 * 3_600_000);
      expect(await expireSheets(db(), new Date(), undefined, 24 * 3_600_000)).toBe(1);
      expect(await secretsOf(stale)).toBe(0);
      expect(await secretsOf(fresh)).toBe(2);
      expect(await readSheet(db(), stale)).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });

      // A shorter keeping time (SHEET_KEEP_HOURS=1) is applied when the sheet is next read.
      const old = await agentJob("completed", 2);
      process.env.SHEET_KEEP_HOURS = "1";
      try {
        expect(await readSheet(db(), old)).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
      } finally {
        delete process.env.SHEET_KEEP_HOURS;
      }
      expect(await secretsOf(old)).toBe(0);
    });
  });
}
