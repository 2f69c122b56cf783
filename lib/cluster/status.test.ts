import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clusterSync } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { requestSync } from "./sync/request";
import { requestedPassFinished } from "./sync-status";

// Whether reads are configured depends on the process's settings; the tests set it per case.
const reads = vi.hoisted(() => ({ enabled: true }));
vi.mock("./reader", () => ({ clusterReadsEnabled: () => reads.enabled }));

const { getSyncStatus } = await import("./status");

const NOW = new Date("2026-11-30T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

describe.each(testBackends())("sync status on %s", (backend) => {
  const db = useTestDatabase(backend);

  beforeEach(async () => {
    reads.enabled = true;
    await db().delete(clusterSync);
  });
  afterEach(() => vi.unstubAllEnvs());

  it("says nothing is stale before the first pass and without cluster reads", async () => {
    const first = await getSyncStatus(NOW);
    expect(first).toMatchObject({ configured: true, pass: 0, syncedAt: null, lastOk: null, stale: null, running: false, intervalS: 60 });

    reads.enabled = false;
    await db().insert(clusterSync).values({ id: "main", lastOk: false, lastError: "VICIdial's database did not answer" });
    expect(await getSyncStatus(NOW)).toMatchObject({ configured: false, source: null, stale: null });
  });

  it("reports the last completed pass: time, counts, duration, and a write-capable account", async () => {
    await db()
      .insert(clusterSync)
      .values({
        id: "main",
        pass: 7,
        lastStartedAt: minutesAgo(2),
        lastFinishedAt: minutesAgo(1),
        syncedAt: minutesAgo(2),
        lastOk: true,
        lastDurationMs: 4_200,
        counts: { dids: 300, phones: 100 },
        accountCanWrite: true,
      });
    const status = await getSyncStatus(NOW);
    expect(status).toMatchObject({
      pass: 7,
      syncedAt: minutesAgo(2).toISOString(),
      lastOk: true,
      lastDurationMs: 4_200,
      counts: { dids: 300, phones: 100 },
      accountCanWrite: true,
      running: false,
      stale: null,
    });
  });

  it("calls the lists behind when the last pass failed, with the reason, or when the data is older than three intervals", async () => {
    vi.stubEnv("VICIDIAL_SYNC_INTERVAL_S", "60");
    await db()
      .insert(clusterSync)
      .values({ id: "main", lastStartedAt: minutesAgo(1), lastFinishedAt: minutesAgo(1), syncedAt: minutesAgo(10), lastOk: false, lastError: "VICIdial's database did not answer in time" });
    expect((await getSyncStatus(NOW)).stale).toEqual({ asOf: minutesAgo(10).toISOString(), reason: "the last sync failed: VICIdial's database did not answer in time" });

    await db().update(clusterSync).set({ lastOk: true, lastError: null, syncedAt: minutesAgo(2.5) });
    expect((await getSyncStatus(NOW)).stale).toBeNull();

    await db().update(clusterSync).set({ syncedAt: minutesAgo(4) });
    expect((await getSyncStatus(NOW)).stale).toEqual({ asOf: minutesAgo(4).toISOString(), reason: "no sync has completed for 4 minutes (one should every 60 seconds)" });

    vi.stubEnv("VICIDIAL_SYNC_INTERVAL_S", "300");
    expect((await getSyncStatus(NOW)).stale).toBeNull();
  });

  it("follows a Sync now request until a pass started after it has finished", async () => {
    await db().insert(clusterSync).values({ id: "main", lastStartedAt: minutesAgo(3), lastFinishedAt: minutesAgo(2), syncedAt: minutesAgo(3), lastOk: true });
    await requestSync();
    const asked = await getSyncStatus();
    expect(asked.requestedAt).not.toBeNull();
    const requestedAt = asked.requestedAt!;
    expect(requestedPassFinished(asked, requestedAt)).toBe(false);

    // The sync takes the request up and starts a pass under its lease: running.
    const started = new Date(Date.parse(requestedAt) + 500);
    await db().update(clusterSync).set({ lastStartedAt: started, leaseOwner: "instance-1", leaseUntil: new Date(Date.now() + 60_000) });
    expect(await getSyncStatus()).toMatchObject({ running: true });
    expect(requestedPassFinished(await getSyncStatus(), requestedAt)).toBe(false);

    // A failed pass answers the request too (the card then shows why).
    await db().update(clusterSync).set({ lastFinishedAt: new Date(started.getTime() + 800), lastOk: false, lastError: "VICIdial's database refused the login" });
    expect(requestedPassFinished(await getSyncStatus(), requestedAt)).toBe(true);
  });

  it("does not call a pass running once the instance that ran it lost its lease", async () => {
    await db().insert(clusterSync).values({ id: "main", lastStartedAt: minutesAgo(5), lastFinishedAt: minutesAgo(30), leaseUntil: minutesAgo(4) });
    expect((await getSyncStatus(NOW)).running).toBe(false);
    await db().update(clusterSync).set({ leaseUntil: new Date(NOW.getTime() + 30_000) });
    expect((await getSyncStatus(NOW)).running).toBe(true);
  });
});
