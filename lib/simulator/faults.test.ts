// SimulatorFaults: each failure mode, seen from a real HTTP client.
import { request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { callAs6666 } from "./test-support";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => {
  sim.setFaults({});
  sim.reset();
});

const ADD = { function: "add_did", did_pattern: "7275550050" };
const added = () => sim.state.dids.some((d) => d.did_pattern === "7275550050");
const RESULT_LINE = /^(SUCCESS|ERROR|NOTICE|VERSION):/m;

/** A raw node:http GET, to see the socket-level error. */
function rawGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("faults", () => {
  it("adds latency before the answer", async () => {
    sim.setFaults({ latencyMs: 250 });
    const started = Date.now();
    const reply = await callAs6666(sim, ADD);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(reply.body).toBe("SUCCESS: add_did DID HAS BEEN ADDED - 6666|7275550050\n");
  });

  it("answers 500 with an empty body, without running the script", async () => {
    sim.setFaults({ http500: true });
    const reply = await callAs6666(sim, ADD);
    expect(reply.status).toBe(500);
    expect(reply.body).toBe("");
    expect(added()).toBe(false);
  });

  it("answers 500 after the script ran: its body and its change stay (contract 4)", async () => {
    sim.setFaults({ http500AfterAnswer: true });
    const reply = await callAs6666(sim, ADD);
    expect(reply.status).toBe(500);
    expect(reply.body).toBe("SUCCESS: add_did DID HAS BEEN ADDED - 6666|7275550050\n");
    expect(added()).toBe(true);
  });

  it("answers 200 with a body that holds no VICIdial line", async () => {
    sim.setFaults({ garbage: true });
    const reply = await callAs6666(sim, ADD);
    expect(reply.status).toBe(200);
    expect(reply.body.length).toBeGreaterThan(0);
    expect(reply.body).not.toMatch(RESULT_LINE);
    expect(added()).toBe(false);
  });

  it("resets the connection without answering", async () => {
    sim.setFaults({ reset: true });
    await expect(rawGet(`${sim.url}?function=version`)).rejects.toMatchObject({ code: "ECONNRESET" });
    await expect(callAs6666(sim, ADD)).rejects.toThrow();
    expect(added()).toBe(false);
  });

  it("surrounds the real answer with PHP warnings, and still runs the script", async () => {
    sim.setFaults({ phpWarnings: true });
    const reply = await callAs6666(sim, ADD);
    expect(reply.status).toBe(200);
    const [before, after] = reply.body.split("SUCCESS: add_did DID HAS BEEN ADDED - 6666|7275550050\n");
    expect(before).toMatch(/^<br \/>\n<b>Deprecated<\/b>:  preg_replace\(\): Passing null to parameter #3/);
    expect(after).toMatch(/<b>Warning<\/b>:  Undefined variable \$PHP_AUTH_USER/);
    expect(before).not.toMatch(RESULT_LINE);
    expect(after).not.toMatch(RESULT_LINE);
    expect(added()).toBe(true);
  });

  it("counts every request that reached it, faulty or not", async () => {
    const before = sim.requestCount();
    sim.setFaults({ http500: true });
    await callAs6666(sim, ADD);
    sim.setFaults({});
    await callAs6666(sim, ADD);
    expect(sim.requestCount()).toBe(before + 2);
  });

  it("applies faults given at start", async () => {
    const faulty = await startSimulator({ faults: { http500: true } });
    try {
      expect((await fetch(`${faulty.url}?function=version`)).status).toBe(500);
      faulty.setFaults({});
      expect((await fetch(`${faulty.url}?function=version`)).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });
});

describe("hang", () => {
  it("never answers, and close() ends the hung request promptly", async () => {
    const hanging = await startSimulator({ faults: { hang: true } });
    const pending = fetch(`${hanging.url}?function=version`).then(
      () => "answered",
      () => "failed",
    );
    const early = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve("waiting"), 300))]);
    expect(early).toBe("waiting");
    expect(hanging.requestCount()).toBe(1);

    const started = Date.now();
    await hanging.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe("failed");
  });

  it("close() also cuts a latency pause short", async () => {
    const slow = await startSimulator({ faults: { latencyMs: 60_000 } });
    const pending = fetch(`${slow.url}?function=version`).catch(() => "failed");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await slow.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe("failed");
  });
});

describe("targeted faults and the control endpoint", () => {
  it("breaks only the requests that carry the named parameter values", async () => {
    const sim = await startSimulator({ port: 0, control: true });
    try {
      const control = new URL("/__simulator/faults", sim.url);
      const set = await fetch(control, { method: "POST", body: JSON.stringify({ http500: true, when: { did_pattern: "7275559999" } }) });
      expect(set.status).toBe(204);
      const call = (pattern: string) =>
        fetch(sim.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `source=test&user=6666&pass=1234&function=add_did&did_pattern=${pattern}` });
      const broken = await call("7275559999");
      expect(broken.status).toBe(500);
      const fine = await call("7275559998");
      expect(await fine.text()).toBe("SUCCESS: add_did DID HAS BEEN ADDED - 6666|7275559998\n");
    } finally {
      await sim.close();
    }
  });

  it("counts the requests that reached the script per DID pattern and function, also for each DID of a copy", async () => {
    const sim = await startSimulator({ port: 0, control: true, faults: { http500: true, when: { did_pattern: "7275559997" } } });
    try {
      const call = (body: string) =>
        fetch(sim.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `source=test&user=6666&pass=1234&${body}` }).then((r) => r.text());
      await call("function=add_did&did_pattern=7275559990");
      expect(await call("function=add_did&did_pattern=7275559990")).toMatch(/DID ALREADY EXISTS/);
      await call("function=update_did&did_pattern=7275559990");
      await call("function=copy_did&source_did_pattern=7275559990&new_dids=7275559991,7275559990");
      // Broken before the script: never reached VICIdial, not counted.
      await call("function=add_did&did_pattern=7275559997");
      const counts = await (await fetch(new URL("/__simulator/did-requests", sim.url))).json();
      expect(counts).toEqual({
        "7275559990": { add_did: 2, update_did: 1, copy_did: 1 },
        "7275559991": { copy_did: 1 },
      });
      expect(sim.didRequests()).toEqual(counts);
      sim.reset();
      expect(sim.didRequests()).toEqual({});
    } finally {
      await sim.close();
    }
  });

  it("has no control endpoint unless asked for", async () => {
    const sim = await startSimulator({ port: 0 });
    try {
      const res = await fetch(new URL("/__simulator/faults", sim.url), { method: "POST", body: JSON.stringify({ hang: true }) });
      expect(res.status).toBe(404);
    } finally {
      await sim.close();
    }
  });
});
