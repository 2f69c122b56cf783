// The state file: what one simulator wrote, the next one started on.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "./index";
import { callAs6666, call } from "./test-support";

let dir: string;
let stateFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "vicidial-sim-"));
  stateFile = join(dir, "nested", "state.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("stateFile", () => {
  it("starts from the seed when the file does not exist yet, and writes it after a request", async () => {
    const sim = await startSimulator({ stateFile });
    try {
      expect(sim.state.dids.map((d) => d.did_id)).toEqual([1, 2, 3]);
      await callAs6666(sim, { function: "add_did", did_pattern: "7275550060" });
      expect(existsSync(stateFile)).toBe(true);
    } finally {
      await sim.close();
    }
  });

  it("carries DIDs, phones, auto-increment and login counters across a restart", async () => {
    const first = await startSimulator({ stateFile });
    await callAs6666(first, { function: "add_did", did_pattern: "7275550061" });
    await callAs6666(first, { function: "update_phone", extension: "1002", server_ip: "10.10.10.15", delete_phone: "Y" });
    await call(first, { source: "test", user: "6002", pass: "wrong", function: "add_did" });
    first.lockUser("6001");
    await first.close();

    const second = await startSimulator({ stateFile });
    try {
      expect(second.state.dids.find((d) => d.did_pattern === "7275550061")?.did_id).toBe(4);
      expect(second.state.phones.some((p) => p.extension === "1002")).toBe(false);
      expect(second.state.users.find((u) => u.user === "6002")?.failed_login_count).toBe(1);
      expect((await call(second, { source: "test", user: "6001", pass: "1234", function: "x" })).body).toBe(
        "ERROR: Too many login attempts, try again in 15 minutes: |6001|LOCK|\n",
      );
      await callAs6666(second, { function: "add_did", did_pattern: "7275550062" });
      expect(second.state.dids.find((d) => d.did_pattern === "7275550062")?.did_id).toBe(5);
    } finally {
      await second.close();
    }
  });

  it("writes the seed back on reset()", async () => {
    const first = await startSimulator({ stateFile });
    await callAs6666(first, { function: "add_did", did_pattern: "7275550063" });
    first.reset();
    await first.close();
    const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { state: { dids: unknown[] } };
    expect(saved.state.dids).toHaveLength(3);
  });

  it("refuses a file that is not a simulator state file", async () => {
    const foreign = join(dir, "foreign.json");
    writeFileSync(foreign, JSON.stringify({ hello: "world" }));
    await expect(startSimulator({ stateFile: foreign })).rejects.toThrow(/not a vicidial-simulator-state/);
  });

  it("does not touch the file for requests that never reach the script", async () => {
    const sim = await startSimulator({ stateFile, faults: { http500: true } });
    try {
      await callAs6666(sim, { function: "add_did", did_pattern: "7275550064" });
      expect(existsSync(stateFile)).toBe(false);
    } finally {
      await sim.close();
    }
  });
});
