import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { findJobFor, jobSnapshot, listJobs, parseJobListQuery, resultsCsv } from "./queries";
import { createJob } from "./store";

const SAM = { username: "sup.sam", role: "supervisor" } as const;
const SUE = { username: "sup.sue", role: "supervisor" } as const;
const ADMIN = { username: "admin", role: "admin" } as const;
const QA = { username: "qa.quinn", role: "qa" } as const;

for (const backend of testBackends()) {
  describe(`job lists and progress on ${backend}`, () => {
    const db = useTestDatabase(backend);

    async function jobOf(owner: string, states: string[]) {
      const id = await createJob(db(), {
        kind: "cid",
        title: `${states.length} CID entries into US_SALES`,
        options: { groupId: "US_SALES" },
        owner: { id: null, username: owner, role: "supervisor" },
        rows: states.map((_, i) => ({ seq: i + 1, label: `90${i} · 90${i}5550000`, input: {} })),
      });
      for (const [i, state] of states.entries()) {
        await db().execute(sql`update job_rows set state = ${state}, message = ${`row ${i + 1} ${state}`}, finished_at = now() where job_id = ${id} and seq = ${i + 1}`);
      }
      return id;
    }

    it("shows a job to its owner and to admins only, with its counts", async () => {
      const own = await jobOf("sup.sam", ["done", "done", "exists", "failed", "pending"]);
      await jobOf("sup.sue", ["done"]);

      const mine = await listJobs(SAM, parseJobListQuery({}));
      expect(mine.rows.map((row) => [row.owner, row.done, row.exists, row.failed, row.skipped, row.total])).toEqual([["sup.sam", 2, 1, 1, 0, 5]]);
      expect((await listJobs(ADMIN, parseJobListQuery({ sort: "owner" }))).rows.map((row) => row.owner)).toEqual(["sup.sam", "sup.sue"]);
      expect(await findJobFor(SUE, own)).toBeNull();
      expect(await findJobFor(QA, own)).toBeNull();
      expect(await findJobFor(ADMIN, own)).not.toBeNull();
      expect(await findJobFor(SAM, "not-a-uuid")).toBeNull();
    });

    it("reports progress, filters rows by result a page at a time, and writes every row to the results file", async () => {
      const id = await jobOf("sup.sam", ["done", "failed", "skipped", "done", "pending"]);
      await db().execute(sql`update jobs set running_since = now() - interval '10 seconds' where id = ${id}`);
      const job = (await findJobFor(SAM, id))!;
      const snapshot = (await jobSnapshot(id, { filter: "all", page: 1 }))!;
      const progress = snapshot.progress;
      expect(progress).toMatchObject({ total: 5, remaining: 1, counts: { done: 2, failed: 1, skipped: 1, pending: 1 }, status: "running" });
      // Three rows finished in the ten seconds it has run: 0.3 rows/s, so the last row in about 3 s.
      expect(progress.ratePerSecond).toBeCloseTo(0.3, 1);
      expect(progress.etaSeconds).toBeGreaterThan(2);
      expect(progress.etaSeconds).toBeLessThan(4);

      // The rows on screen come from the same read as the counters.
      expect(snapshot.rows.rows.filter((row) => row.state === "done")).toHaveLength(progress.counts.done);
      const problems = (await jobSnapshot(id, { filter: "problems", page: 1 }))!.rows;
      expect(problems.rows.map((row) => [row.seq, row.state])).toEqual([
        [2, "failed"],
        [3, "skipped"],
      ]);
      expect((await jobSnapshot(id, { filter: "all", page: 2, pageSize: 2 }))!.rows.rows.map((row) => row.seq)).toEqual([3, 4]);
      expect(await jobSnapshot("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b", { filter: "all", page: 1 })).toBeNull();

      const csv = (await resultsCsv(job)).split("\r\n");
      expect(csv[0]).toBe("row,item,result,message,vicidial_answer");
      expect(csv.slice(1)).toHaveLength(5);
      expect(csv[2]).toBe("2,901 · 9015550000,Failed,row 2 failed,");
    });

    it("never shows a completed job with rows still waiting: status, counters and rows are one read", async () => {
      const id = await jobOf("sup.sam", ["done", "done", "pending"]);
      // The runner finishes the last row and completes the job between two polls.
      await db().execute(sql`update job_rows set state = 'done', finished_at = now() where job_id = ${id} and seq = 3`);
      await db().execute(sql`update jobs set status = 'completed', finished_at = now() where id = ${id}`);
      const snapshot = (await jobSnapshot(id, { filter: "all", page: 1 }))!;
      expect(snapshot.progress.status).toBe("completed");
      expect(snapshot.progress.counts.done).toBe(3);
      expect(snapshot.progress.remaining).toBe(0);
      expect(snapshot.rows.rows.map((row) => row.state)).toEqual(["done", "done", "done"]);
    });
  });
}
