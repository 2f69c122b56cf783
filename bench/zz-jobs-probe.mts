import { useDatabase, getDb } from "@/lib/db";
import { openDatabase } from "@/lib/db/client";
import { createJobFromFile } from "@/lib/jobs/create";
import { claimRows, finishRow, runnableJobs, completeIfDone } from "@/lib/jobs/store";
import { recordAudit } from "@/lib/audit/record";
import { upsertDid } from "@/lib/inventory/dids";
const open = await openDatabase(process.env.DBURL ?? "memory://");
useDatabase(open);
const db = await getDb();
const csv = ["did_pattern,description,route,extension", ...Array.from({ length: 200 }, (_, i) => `${6160000000 + i},Bench import,EXTEN,8300`)].join("\n");
const created = await createJobFromFile("dids", { text: csv, hasHeader: true, mapping: { didPattern: 0, description: 1, didRoute: 2, extension: 3 }, options: {} }, { id: null, username: "bench", role: "admin" });
if (!created.ok) throw new Error("x");
const times: Record<string, number> = {};
const timed = async <T,>(name: string, f: () => Promise<T>) => { const t = performance.now(); const r = await f(); times[name] = (times[name] ?? 0) + performance.now() - t; return r; };
for (let i = 0; i < 50; i++) {
  await timed("runnable", () => runnableJobs(db));
  const [row] = await timed("claim", () => claimRows(db, { jobId: created.jobId, runnerId: "r", maxRows: 1, maxWeight: 1 }));
  await timed("finish", () => finishRow(db, { rowId: row!.id, runnerId: "r", state: "done", message: "ok" }));
  await timed("audit", () => recordAudit({ actor: { id: null, username: "bench", role: "admin" }, action: "did.add", target: row!.label, params: row!.input, outcome: "success", message: "ok" }));
  await timed("upsert", () => upsertDid(row!.label, { description: "x" }, "bench"));
  await timed("complete", () => completeIfDone(db, created.jobId));
}
console.log(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, +(v / 50).toFixed(2)])));
process.exit(0);
