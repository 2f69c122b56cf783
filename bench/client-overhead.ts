import http from "node:http";
import { startSimulator } from "@/lib/simulator";
import { cidGroupInfo } from "@/lib/vicidial/cid-groups";
import { createVicidialClient } from "@/lib/vicidial/client";
import { createKeepAliveAgent } from "@/lib/vicidial/transport";
import type { BenchResult } from "./run";
import { round, summarize } from "./stats";

/**
 * What the client adds to one call over a bare HTTP request: parameter checks and encoding,
 * the in-flight limit, the lockout guard, parsing and scrubbing. Both sides send the same
 * request (CID group INFO, a multi-line answer) over the same keep-alive agent to the same
 * simulator, alternating so that drift hits both alike. Goal: median overhead ≤ 0.5 ms.
 */
export async function clientOverhead(options: { calls?: number; warmup?: number } = {}): Promise<BenchResult> {
  const calls = options.calls ?? 10_000;
  const warmup = options.warmup ?? 500;
  const sim = await startSimulator({ port: 0 });
  const url = new URL(sim.url);
  const agent = createKeepAliveAgent(url, 4);
  const client = createVicidialClient({ url: sim.url, user: "6666", pass: "1234" }, { agent });
  const context = { source: "bench" };
  const input = { cidGroupId: "US_SALES" };
  const body = new URLSearchParams([
    ["source", "bench"],
    ["user", "6666"],
    ["pass", "1234"],
    ["function", "update_cid_group_entry"],
    ["cid_group_id", "US_SALES"],
    ["areacode", "---ALL---"],
    ["stage", "INFO"],
  ]).toString();

  const bare = () =>
    new Promise<void>((resolve, reject) => {
      const request = http.request(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          agent,
          headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            Buffer.concat(chunks).toString("utf8");
            resolve();
          });
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  const viaClient = async () => {
    const result = await cidGroupInfo(input, context, client);
    if (!result.ok) throw new Error(`client call failed: ${result.code} ${result.message}`);
  };

  try {
    for (let i = 0; i < warmup; i += 1) {
      await bare();
      await viaClient();
    }
    const bareMs: number[] = [];
    const clientMs: number[] = [];
    const differenceMs: number[] = [];
    for (let i = 0; i < calls; i += 1) {
      // Alternate which side goes first, so neither always meets a warmer socket.
      const order = i % 2 === 0 ? [bare, viaClient] : [viaClient, bare];
      const times = new Map<() => Promise<void>, number>();
      for (const run of order) {
        const started = performance.now();
        await run();
        times.set(run, performance.now() - started);
      }
      const b = times.get(bare)!;
      const c = times.get(viaClient)!;
      bareMs.push(b);
      clientMs.push(c);
      differenceMs.push(c - b);
    }
    const bareStats = summarize(bareMs);
    const clientStats = summarize(clientMs);
    const difference = summarize(differenceMs);
    return {
      metrics: {
        calls,
        "bare median ms": round(bareStats.median),
        "bare p99 ms": round(bareStats.p99),
        "client median ms": round(clientStats.median),
        "client p99 ms": round(clientStats.p99),
        /** Of the paired differences (client − bare, same iteration). */
        "overhead median ms": round(difference.median),
        "overhead p99 ms": round(difference.p99),
        /** Between the two distributions' tails; less sensitive to one side's lone stall. */
        "p99 gap ms": round(clientStats.p99 - bareStats.p99),
      },
      goals: [{ metric: "overhead median ms", atMost: 0.5 }],
    };
  } finally {
    await client.close();
    agent.destroy();
    await sim.close();
  }
}
