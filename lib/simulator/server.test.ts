// The transport and the script's global order (contract 1.1, 1.2, 2.1).
import { Agent, request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import { AS_6666, call, callAs6666, getRaw } from "./test-support";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
afterEach(() => sim.reset());

describe("endpoint", () => {
  it("answers only /vicidial/non_agent_api.php; anything else is a 404", async () => {
    const before = sim.requestCount();
    const response = await fetch(sim.url.replace("non_agent_api.php", "admin.php") + "?function=version");
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/VERSION:/);
    expect(sim.requestCount()).toBe(before + 1);
  });

  it("serves every method, with the script's headers and status 200 for errors", async () => {
    for (const method of ["GET", "POST", "PUT", "DELETE", "PATCH"]) {
      const reply = await getRaw(sim, "source=test&user=6666&pass=wrong&function=add_did", method);
      expect(reply.status, method).toBe(200);
      expect(reply.body, method).toBe("ERROR: Login incorrect, please try again: |6666|wrong|BAD|\n");
      expect(reply.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(reply.headers.get("cache-control")).toBe("no-cache, must-revalidate");
      expect(reply.headers.get("pragma")).toBe("no-cache");
    }
  });

  it("keeps connections alive between requests", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const once = () =>
      new Promise<{ body: string; reused: boolean }>((resolve, reject) => {
        const req = request(`${sim.url}?function=version`, { agent }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve({ body, reused: req.reusedSocket }));
        });
        req.on("error", reject);
        req.end();
      });
    const first = await once();
    const second = await once();
    agent.destroy();
    expect(first.body).toMatch(/^VERSION: /);
    expect(first.reused).toBe(false);
    expect(second.reused).toBe(true);
  });
});

describe("order of processing", () => {
  it("answers version before authentication", async () => {
    const reply = await getRaw(sim, "function=version&user=6666&pass=wrong");
    expect(reply.body).toMatch(
      /^VERSION: 2\.14-194\|BUILD: 241004-1518\|DATE: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\|EPOCH: \d+\|DST: [01]\|TZ: -5\.00\|TZNOW: -?[\d.]+\|\n$/,
    );
    expect(sim.state.users.find((u) => u.user === "6666")?.failed_login_count).toBe(0);
  });

  it.each(["coffee", "start_coffee", "make_coffee", "brew_coffee"])("answers %s with a teapot, before authentication", async (fn) => {
    const reply = await getRaw(sim, `function=${fn}&user=nobody&pass=x`);
    expect(reply.status).toBe(418);
    expect(reply.body).toBe(`Coffee: ${fn}|Error 418 I'm a teapot`);
  });

  it("says NO FUNCTION SPECIFIED only after a successful login", async () => {
    expect((await getRaw(sim, "user=6666&pass=wrong")).body).toBe("ERROR: Login incorrect, please try again: |6666|wrong|BAD|\n");
    expect((await getRaw(sim, "user=6666&pass=1234")).body).toBe("ERROR: NO FUNCTION SPECIFIED\n");
    // Dispatch is case-sensitive, and needs no source.
    expect((await getRaw(sim, "user=6666&pass=1234&function=Version")).body).toBe("ERROR: NO FUNCTION SPECIFIED\n");
  });

  it("appends the debug trailer to NO FUNCTION SPECIFIED when format=debug", async () => {
    const reply = await getRaw(sim, "user=6666&pass=1234&function=nothing&format=debug");
    expect(reply.body).toBe("ERROR: NO FUNCTION SPECIFIED\n\n<!-- script runtime: 0 seconds -->\n</body>\n</html>\n");
  });

  it("checks source before anything else inside a function", async () => {
    const reply = await call(sim, { ...AS_6666, source: "-x-", function: "add_did", did_pattern: "7275550002" });
    expect(reply.body).toBe("ERROR: Invalid Source - x\nERROR: Invalid Source: |x|\n");
    expect(sim.state.dids.some((d) => d.did_pattern === "7275550002")).toBe(false);
  });

  it("logs function outcomes in vicidial_api_log, but not failed logins", async () => {
    await call(sim, { ...AS_6666, pass: "wrong", function: "add_did", did_pattern: "7275550003" });
    expect(sim.state.apiLog).toHaveLength(0);
    await callAs6666(sim, { function: "add_did", did_pattern: "7275550003", source: "my-dashboard-user-with-a-long-name" });
    expect(sim.state.apiLog).toEqual([
      expect.objectContaining({ user: "6666", function: "add_did", result: "SUCCESS", source: "mydashboarduserwitha" }),
    ]);
  });
});

describe("version clock and time zones", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("prints DATE and EPOCH from the clock, DST and TZNOW reformatted as PHP does", async () => {
    process.env.TZ = "America/New_York";
    const summer = await startSimulator({ now: () => new Date("2024-07-04T16:30:05Z") });
    try {
      const reply = await getRaw(summer, "function=version");
      expect(reply.body).toBe(
        "VERSION: 2.14-194|BUILD: 241004-1518|DATE: 2024-07-04 12:30:05|EPOCH: 1720110605|DST: 1|TZ: -5.00|TZNOW: -4|\n",
      );
    } finally {
      await summer.close();
    }
  });

  it("falls back to the web server's UTC offset / 100 when no server is active", async () => {
    process.env.TZ = "Asia/Kolkata";
    const india = await startSimulator({ now: () => new Date("2024-01-10T00:00:00Z") });
    try {
      for (const server of india.state.servers) server.active = "N";
      const reply = await getRaw(india, "function=version");
      expect(reply.body).toBe(
        "VERSION: 2.14-194|BUILD: 241004-1518|DATE: 2024-01-10 05:30:00|EPOCH: 1704844800|DST: 0|TZ: |TZNOW: 5.3|\n",
      );
    } finally {
      await india.close();
    }
  });
});
