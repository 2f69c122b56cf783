import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { addDidCommand } from "@/lib/dids/commands";
import { getDb } from "@/lib/db";
import { getDid } from "@/lib/dids/inventory";
import { addDidSchema } from "@/lib/dids/schemas";
import type { RunningSimulator } from "@/lib/simulator";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import type { VicidialClient } from "@/lib/vicidial/client";
import { createBulkJob } from "./bulk";
import type { JobRunner } from "./runner";
import { getJob } from "./store";
import { auditOf, OWNER, rowsOf, startTestSimulator, testClient, testRunner, waitForStatus } from "./test-helpers";

process.env.AUTH_SECRET ??= "bulk-job-tests-secret-0123456789abcdef";
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const PATTERNS = ["7275558801", "7275558802", "7275558803"];

for (const backend of testBackends()) {
  describe(`bulk changes of selected rows on ${backend}`, () => {
    useTestDatabase(backend);
    let sim: RunningSimulator;
    let client: VicidialClient;
    let runner: JobRunner;

    beforeEach(async () => {
      sim = await startTestSimulator();
      client = testClient(sim);
      for (const didPattern of PATTERNS) {
        const added = await addDidCommand(addDidSchema.parse({ didPattern, description: "Bulk test", didRoute: "EXTEN", extension: "8300" }), { username: OWNER.username, source: "test", client });
        if (!added.result.ok) throw new Error(added.result.error.message);
      }
      runner = testRunner(client);
      await runner.start();
    });
    afterEach(async () => {
      await runner.stop({ graceMs: 2_000 });
      await sim.close();
      await client.close();
      await (await getDb()).execute(sql`update jobs set status = 'cancelled' where status in ('running', 'paused')`);
    });

    const simDid = (pattern: string) => sim.state.dids.find((did) => did.did_pattern === pattern);

    it("deactivates the selected DIDs in VICIdial and in the list, audits each, and fails only the one VICIdial does not have", async () => {
      const selected = [...PATTERNS.slice(0, 2), "7275558899"];
      const { jobId, title } = await createBulkJob("did-bulk", "deactivate", selected.map((didPattern) => ({ action: "deactivate", resource: "did", didPattern })), OWNER);
      expect(title).toBe("Deactivate 3 DIDs");
      await waitForStatus(jobId, ["completed"]);

      const rows = await rowsOf(jobId);
      expect(rows.map((row) => [row.label, row.state])).toEqual([
        ["7275558801", "done"],
        ["7275558802", "done"],
        ["7275558899", "failed"],
      ]);
      expect(rows[2]?.message).toMatch(/does not exist/i);
      expect(simDid("7275558801")?.did_active).toBe("N");
      expect(simDid("7275558802")?.did_active).toBe("N");
      expect(simDid("7275558803")?.did_active).toBe("Y");
      expect((await getDid("7275558801"))?.active).toBe("N");
      expect((await getDid("7275558803"))?.active).toBe("Y");

      const audited = (await auditOf("did.update")).filter((entry) => entry.outcome === "success");
      expect(audited.map((entry) => entry.target).sort()).toEqual(["7275558801", "7275558802"]);
      expect(audited.every((entry) => entry.actorUsername === OWNER.username)).toBe(true);
      expect(audited[0]?.before).toMatchObject({ active: "Y" });
      expect(audited[0]?.after).toMatchObject({ active: "N" });
    });

    it("deletes the selected DIDs from VICIdial and from the list", async () => {
      const { jobId } = await createBulkJob("did-bulk", "delete", PATTERNS.slice(1).map((didPattern) => ({ action: "delete", resource: "did", didPattern })), OWNER);
      const job = await waitForStatus(jobId, ["completed"]);
      expect(job.title).toBe("Delete 2 DIDs");
      expect((await rowsOf(jobId)).every((row) => row.state === "done")).toBe(true);
      expect(simDid("7275558802")).toBeUndefined();
      expect(simDid("7275558803")).toBeUndefined();
      expect(simDid("7275558801")).toBeDefined();
      expect(await getDid("7275558803")).toBeUndefined();
      expect((await auditOf("did.delete")).filter((entry) => entry.outcome === "success")).toHaveLength(2);
    });

    it("deactivates and reactivates a selected phone", async () => {
      const phone = { action: "deactivate" as const, resource: "phone" as const, serverIp: "10.10.10.15", extension: "1001" };
      const off = await createBulkJob("phone-bulk", "deactivate", [phone], OWNER);
      await waitForStatus(off.jobId, ["completed"]);
      expect(sim.state.phones.find((p) => p.extension === "1001")?.active).toBe("N");
      const on = await createBulkJob("phone-bulk", "activate", [{ ...phone, action: "activate" }], OWNER);
      await waitForStatus(on.jobId, ["completed"]);
      expect(sim.state.phones.find((p) => p.extension === "1001")?.active).toBe("Y");
      expect((await getJob(await getDb(), on.jobId))?.title).toBe("Activate 1 phone");
    });
  });
}
