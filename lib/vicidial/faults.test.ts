import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { callInfo } from "./calls";
import { cidGroupInfo } from "./cid-groups";
import { createVicidialClient } from "./client";
import type { VicidialConfig } from "./config";
import { checkConnection } from "./connection";
import { configureVicidial, getVicidialClient } from "./default-client";
import { addDid, copyDid, deleteDid } from "./dids";
import { LOCKOUT_PAUSE_MS } from "./lockout-guard";
import { rawRequest, runDigits } from "./test-support";
import { version } from "./version";

/** The client against the simulator's injected faults; each must end in the right code, in time. */
const TIMEOUT_MS = 300;
/** Slack for a loaded machine; a hang without a timeout would take far longer. */
const IN_TIME_MS = TIMEOUT_MS + 700;
const ctx = { source: "faulttest" };

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterEach(() => {
  sim.setFaults({});
  sim.reset();
});
afterAll(async () => {
  await sim.close();
});

function clientFor(overrides: Partial<VicidialConfig> = {}, now?: () => number) {
  return createVicidialClient({ url: sim.url, user: "6666", pass: "1234", timeoutMs: TIMEOUT_MS, ...overrides }, { now });
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe("transport faults", () => {
  it("a hung server gives TIMEOUT within the timeout, saying a write's outcome is unknown", async () => {
    sim.setFaults({ hang: true });
    const { result, ms } = await timed(() => addDid({ didPattern: "7275550001" }, ctx, clientFor()));
    expect(result).toMatchObject({ ok: false, code: "TIMEOUT" });
    if (!result.ok) expect(result.message).toBe("VICIdial did not answer within 300 ms. VICIdial may or may not have made the change; check before trying again.");
    expect(ms).toBeLessThan(IN_TIME_MS);
  });

  it("latency beyond the timeout gives TIMEOUT; latency within it is fine", async () => {
    sim.setFaults({ latencyMs: 1_000 });
    const { result, ms } = await timed(() => version(ctx, clientFor()));
    expect(result).toMatchObject({ ok: false, code: "TIMEOUT" });
    expect(ms).toBeLessThan(IN_TIME_MS);
    sim.setFaults({ latencyMs: 50 });
    expect(await version(ctx, clientFor())).toMatchObject({ ok: true });
  });

  it("HTTP 500 with an empty body gives HTTP_ERROR, outcome unknown", async () => {
    sim.setFaults({ http500: true });
    const result = await addDid({ didPattern: "7275550001" }, ctx, clientFor());
    // The read-back is refused the same way, so the outcome stays unknown.
    expect(result).toMatchObject({ ok: false, code: "HTTP_ERROR", raw: "", reconciled: { state: "unchecked" } });
    if (!result.ok) expect(result.message).toMatch(/HTTP 500.*may or may not have made the change/);
  });

  it("a body that is not a VICIdial answer gives UNKNOWN_RESPONSE with an excerpt", async () => {
    sim.setFaults({ garbage: true });
    const result = await cidGroupInfo({ cidGroupId: "US_SALES" }, ctx, clientFor());
    expect(result).toMatchObject({ ok: false, code: "UNKNOWN_RESPONSE", raw: expect.stringContaining("Service temporarily unavailable") });
  });

  it("a 200 with an empty body gives EMPTY_RESPONSE (an unknown CID stage, 2.9)", async () => {
    const reply = await clientFor().call(
      rawRequest("update_cid_group_entry", [
        ["stage", "info"],
        ["cid_group_id", "US_SALES"],
        ["areacode", "---ALL---"],
      ]),
    );
    expect(reply).toMatchObject({ ok: false, code: "EMPTY_RESPONSE" });
  });

  it("a reset connection gives UNREACHABLE; a read is retried once, a write never", async () => {
    sim.setFaults({ reset: true });
    const readsBefore = sim.requestCount();
    const read = await timed(() => callInfo({ callId: "M2151015000000012345" }, ctx, clientFor()));
    expect(read.result).toMatchObject({ ok: false, code: "UNREACHABLE" });
    expect(read.ms).toBeLessThan(IN_TIME_MS);
    expect(sim.requestCount() - readsBefore).toBe(2);

    const writesBefore = sim.requestCount();
    const write = await addDid({ didPattern: "7275550001" }, ctx, clientFor());
    expect(write).toMatchObject({ ok: false, code: "UNREACHABLE" });
    if (!write.ok) expect(write.message).toMatch(/may or may not have made the change/);
    expect(sim.requestCount() - writesBefore).toBe(1);
  });

  it("a refused connection gives UNREACHABLE, saying nothing was sent", async () => {
    const port = await freePort();
    const result = await addDid({ didPattern: "7275550001" }, ctx, clientFor({ url: `http://127.0.0.1:${port}/vicidial/non_agent_api.php` }));
    expect(result).toMatchObject({ ok: false, code: "UNREACHABLE" });
    if (!result.ok) expect(result.message).toBe("VICIdial could not be reached (connection refused); nothing was sent.");
  });

  it("PHP warning noise around the answer changes nothing", async () => {
    sim.setFaults({ phpWarnings: true });
    const client = clientFor();
    const pattern = `97${runDigits(8)}`;
    expect(await version(ctx, client)).toMatchObject({ ok: true, data: { version: "2.14-194" } });
    expect(await addDid({ didPattern: pattern }, ctx, client)).toEqual({
      ok: true,
      data: { didPattern: pattern },
      raw: `SUCCESS: add_did DID HAS BEEN ADDED - 6666|${pattern}`,
    });
    expect(await copyDid({ sourceDidPattern: pattern, newDids: [`${pattern}1`] }, ctx, client)).toMatchObject({ ok: true, data: { added: 1 } });
    expect(await cidGroupInfo({ cidGroupId: "US_SALES" }, ctx, client)).toMatchObject({ ok: true, data: { rows: { length: 3 } } });
    expect(await callInfo({ callId: "M2151015000000012345" }, ctx, client)).toMatchObject({ ok: true, data: { customerTalkSeconds: 90 } });
    expect(await deleteDid({ didPattern: "7275559999" }, ctx, client)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("keeps at most maxInFlight requests open at once", async () => {
    sim.setFaults({ latencyMs: 150 });
    const client = clientFor({ maxInFlight: 2, timeoutMs: 5_000 });
    const { result, ms } = await timed(() => Promise.all(Array.from({ length: 6 }, () => version(ctx, client))));
    expect(result.every((r) => r.ok)).toBe(true);
    // Six requests, two at a time: three rounds of 150 ms.
    expect(ms).toBeGreaterThanOrEqual(3 * 150 - 20);
  });

  it("works in GET mode, + sign included", async () => {
    const client = clientFor({ method: "GET" });
    const pattern = `+1${runDigits(10)}`;
    expect(await addDid({ didPattern: pattern, description: "GET mode DID" }, ctx, client)).toMatchObject({ ok: true, data: { didPattern: pattern } });
    expect(sim.state.dids.some((did) => did.did_pattern === pattern)).toBe(true);
    expect(await deleteDid({ didPattern: pattern }, ctx, client)).toMatchObject({ ok: true });
  });
});

describe("lockout guard", () => {
  it("sends one wrong password, then answers the next ten at once without sending", async () => {
    const client = clientFor({ pass: "wrong" });
    const before = sim.requestCount();
    const results = [];
    for (let attempt = 0; attempt < 11; attempt += 1) results.push(await addDid({ didPattern: "7275550001" }, ctx, client));
    expect(sim.requestCount() - before).toBe(1);
    expect(client.requestsSent()).toBe(1);
    expect(results.every((r) => !r.ok && r.code === "LOGIN_INCORRECT")).toBe(true);
    expect(results[10]).toMatchObject({ raw: "ERROR: Login incorrect, please try again: |6666|***|BAD|" });
    if (!results[10]!.ok) expect(results[10]!.message).toMatch(/Stopped sending to protect the account from VICIdial's 10-attempt lockout/);
    // The account itself took one failure, far from VICIdial's ten.
    expect(sim.state.users.find((u) => u.user === "6666")?.failed_login_count).toBe(1);
  });

  it("lets requests already in flight finish, but sends no new ones", async () => {
    sim.setFaults({ latencyMs: 100 });
    const client = clientFor({ pass: "wrong", maxInFlight: 4, timeoutMs: 5_000 });
    const before = sim.requestCount();
    const results = await Promise.all(Array.from({ length: 11 }, () => cidGroupInfo({ cidGroupId: "US_SALES" }, ctx, client)));
    expect(results.every((r) => !r.ok && r.code === "LOGIN_INCORRECT")).toBe(true);
    expect(sim.requestCount() - before).toBe(4);
  });

  it("stops after LOCKED_OUT too", async () => {
    sim.lockUser("6666");
    const client = clientFor();
    const before = sim.requestCount();
    expect(await addDid({ didPattern: "7275550001" }, ctx, client)).toMatchObject({ ok: false, code: "LOCKED_OUT" });
    expect(await addDid({ didPattern: "7275550001" }, ctx, client)).toMatchObject({ ok: false, code: "LOCKED_OUT" });
    expect(sim.requestCount() - before).toBe(1);
  });

  it("sends again after 15 minutes (injected clock)", async () => {
    let now = 1_000_000;
    const client = clientFor({ pass: "wrong" }, () => now);
    await addDid({ didPattern: "7275550001" }, ctx, client);
    now += LOCKOUT_PAUSE_MS - 1;
    await addDid({ didPattern: "7275550001" }, ctx, client);
    expect(client.requestsSent()).toBe(1);
    now += 1;
    await addDid({ didPattern: "7275550001" }, ctx, client);
    expect(client.requestsSent()).toBe(2);
  });

  it("keeps the health check (version, no login) working while it holds", async () => {
    const client = clientFor({ pass: "wrong" });
    await addDid({ didPattern: "7275550001" }, ctx, client);
    expect(await version(ctx, client)).toMatchObject({ ok: true });
    const check = await checkConnection(client);
    expect(check).toMatchObject({ reachable: true, credentials: "incorrect" });
    expect(client.requestsSent()).toBe(3);
  });

  it("refuses credentials VICIdial could never accept without sending", async () => {
    const client = clientFor({ pass: "p@ss word" });
    expect(await addDid({ didPattern: "7275550001" }, ctx, client)).toMatchObject({ ok: false, code: "LOGIN_INCORRECT" });
    expect(client.requestsSent()).toBe(0);
  });
});

describe("default client", () => {
  it("is built from the configured provider and rebuilt, with a fresh guard, when the configuration changes", async () => {
    let config: VicidialConfig = { url: sim.url, user: "6666", pass: "wrong", timeoutMs: TIMEOUT_MS };
    configureVicidial(() => config);
    const first = getVicidialClient();
    expect(getVicidialClient()).toBe(first);
    expect(await addDid({ didPattern: "7275550001" }, ctx)).toMatchObject({ code: "LOGIN_INCORRECT" });
    expect(await addDid({ didPattern: "7275550001" }, ctx)).toMatchObject({ code: "LOGIN_INCORRECT" });
    expect(first.requestsSent()).toBe(1);

    config = { ...config, pass: "1234" };
    const second = getVicidialClient();
    expect(second).not.toBe(first);
    expect(await addDid({ didPattern: "7275550001" }, ctx)).toMatchObject({ ok: true });
  });
});

describe("checkConnection", () => {
  it("reports an unreachable VICIdial without probing", async () => {
    const port = await freePort();
    const client = clientFor({ url: `http://127.0.0.1:${port}/vicidial/non_agent_api.php` });
    const check = await checkConnection(client);
    expect(check).toMatchObject({ reachable: false, credentials: "unknown", error: { code: "UNREACHABLE" } });
    expect(check.capabilities.every((c) => !c.allowed)).toBe(true);
  });

  it("reports a locked account", async () => {
    sim.lockUser("6666");
    expect(await checkConnection(clientFor())).toMatchObject({ reachable: true, credentials: "locked", error: { code: "LOCKED_OUT" } });
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
