// The connection check over hours of use, counted where an administrator would notice it: the
// rows VICIdial's API log (the simulator's vicidial_api_log) gains. With VICIdial's database
// readable there must be no probe call at all; without it, at most one probe round per hour.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSimulatorReader } from "@/lib/cluster/simulator-reader";
import type { ClusterReader } from "@/lib/cluster/types";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { createVicidialClient, type VicidialClient } from "@/lib/vicidial/client";
import { checkConnection } from "@/lib/vicidial/connection";
import { createConnectionMonitor, PROBE_INTERVAL_MS } from "./monitor";

const HALF_A_MINUTE = 30_000;

let sim: RunningSimulator;
let reader: ClusterReader;
let clients: VicidialClient[] = [];
let now = 0;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  reader = createSimulatorReader(sim.url, { timeoutMs: 3_000 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  now = Date.parse("2026-03-02T08:00:00Z");
});
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  clients = [];
});

function clientFor(user: string, pass = "1234"): VicidialClient {
  const client = createVicidialClient({ url: sim.url, user, pass, timeoutMs: 3_000 });
  clients.push(client);
  return client;
}

const apiLog = () => sim.state.apiLog;
const probeCalls = () => apiLog().filter((row) => row.function !== "version");
/** add_did is the probe round's first call: one per round. */
const probeRounds = () => apiLog().filter((row) => row.function === "add_did").length;

/** A page view every 30 s for `ms` of the monitor's clock. */
async function use(monitor: ReturnType<typeof createConnectionMonitor>, ms: number) {
  for (const end = now + ms; now < end; now += HALF_A_MINUTE) await monitor.check();
}

describe("with VICIdial's database readable", () => {
  it("two hours of use send only version calls: no probe, no ERROR row in VICIdial's API log", async () => {
    const client = clientFor("6666");
    const monitor = createConnectionMonitor({ now: () => now, client: () => client, reader: () => reader });
    await use(monitor, 2 * 60 * 60 * 1000);
    const checked = await monitor.check({ fresh: true });
    expect(checked).toMatchObject({ reachable: true, credentials: "ok", rightsFrom: "database" });
    expect(checked.capabilities.every((c) => c.allowed)).toBe(true);
    expect(apiLog().length).toBe(241);
    expect(probeCalls()).toEqual([]);
    expect(apiLog().filter((row) => row.result === "ERROR")).toEqual([]);
  });

  it("derives what the probe finds, user by user, and knows the delete rights the probe cannot see", async () => {
    for (const user of ["6666", "6002", "7777", "8888", "5555"]) {
      const monitor = createConnectionMonitor({ now: () => now, client: () => clientFor(user), reader: () => reader });
      const fromDatabase = await monitor.check();
      const probed = await checkConnection(clientFor(user));
      expect(fromDatabase.credentials, user).toBe(probed.credentials);
      const notDelete = (c: { key: string }) => !c.key.endsWith(".delete");
      expect(fromDatabase.capabilities.filter(notDelete), user).toEqual(probed.capabilities.filter(notDelete));
    }
    const noDeletes = await createConnectionMonitor({ now: () => now, client: () => clientFor("6002"), reader: () => reader }).check();
    expect(noDeletes.capabilities.filter((c) => c.key.endsWith(".delete"))).toEqual([
      { key: "dids.delete", label: "may delete DIDs", allowed: false, reason: "the API user lacks the delete right in VICIdial" },
      { key: "phones.delete", label: "may delete phones", allowed: false, reason: "the API user lacks the delete right in VICIdial" },
      { key: "aliases.delete", label: "may delete phone aliases", allowed: false, reason: "the API user lacks the delete right in VICIdial" },
    ]);
  });

  it("says plainly when the row shows the login cannot work, and when VICIdial refused the password", async () => {
    const inactive = await createConnectionMonitor({ now: () => now, client: () => clientFor("6003"), reader: () => reader }).check();
    expect(inactive).toMatchObject({ credentials: "incorrect", error: { message: "The API login cannot work: VICIdial's database shows user 6003 is not active" } });
    const lowLevel = await createConnectionMonitor({ now: () => now, client: () => clientFor("4444"), reader: () => reader }).check();
    expect(lowLevel.error?.message).toBe("The API login cannot work: VICIdial's database shows user 4444 has user level 1 (7 or more is needed)");

    const wrong = clientFor("6666", "wrong");
    await checkConnection(wrong);
    const afterRefusal = await createConnectionMonitor({ now: () => now, client: () => wrong, reader: () => reader }).check();
    expect(afterRefusal).toMatchObject({ credentials: "incorrect", error: { code: "LOGIN_INCORRECT" }, rightsFrom: "database" });
  });

  it("falls back to the probe when the database cannot be read", async () => {
    const stopped = await startSimulator({ port: 0 });
    await stopped.close();
    const broken = createSimulatorReader(stopped.url, { timeoutMs: 500 });
    const monitor = createConnectionMonitor({ now: () => now, client: () => clientFor("6666"), reader: () => broken });
    expect(await monitor.check()).toMatchObject({ credentials: "ok", rightsFrom: "probe" });
    expect(probeRounds()).toBe(1);
  });
});

describe("without VICIdial's database", () => {
  it("probes at start and at most hourly; version alone answers in between", async () => {
    const client = clientFor("6666");
    const monitor = createConnectionMonitor({ now: () => now, client: () => client, reader: () => null });
    await use(monitor, 2 * PROBE_INTERVAL_MS + 60_000);
    // At 0, 60 and 120 minutes: three rounds in two hours and a minute, 242 checks.
    expect(probeRounds()).toBe(3);
    expect(apiLog().filter((row) => row.function === "version")).toHaveLength(242);
    expect(probeCalls()).toHaveLength(3 * 9);
  });

  it("probes again on Check again and when the configuration changes, not otherwise", async () => {
    let client = clientFor("6666");
    const monitor = createConnectionMonitor({ now: () => now, client: () => client, reader: () => null });
    await monitor.check();
    await monitor.check();
    expect(probeRounds()).toBe(1);
    await monitor.check({ fresh: true });
    expect(probeRounds()).toBe(2);
    client = clientFor("6002");
    const changed = await monitor.check();
    expect(probeRounds()).toBe(3);
    expect(changed).toMatchObject({ credentials: "ok", rightsFrom: "probe" });
    await use(monitor, 10 * 60_000);
    expect(probeRounds()).toBe(3);
  });

  it("keeps the last round's rights while VICIdial is briefly down, and says it is down", async () => {
    const client = clientFor("6666");
    const monitor = createConnectionMonitor({ now: () => now, client: () => client, reader: () => null });
    await monitor.check();
    sim.setFaults({ http500: true });
    expect(await monitor.check()).toMatchObject({ reachable: false });
    sim.setFaults({});
    expect(await monitor.check()).toMatchObject({ reachable: true, credentials: "ok" });
    expect(probeRounds()).toBe(1);
  });
});
