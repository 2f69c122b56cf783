import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/simulator";
import { originalFileName, relayRecording } from "./relay";

/**
 * The relay against real HTTP servers: the simulator's recordings (VICIdial's web server
 * stand-in, Range support), a server that asks for basic auth and one that never answers.
 */
let simulator: RunningSimulator;
let location: string;
let file: Buffer;
let slow: Server;
let guarded: Server;
let slowUrl: string;
let guardedUrl: string;
const seen: { authorization?: string }[] = [];

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  simulator = await startSimulator();
  const recording = simulator.state.calls.recordings!.find((row) => row.location.startsWith("/RECORDINGS/MP3/2"))!;
  location = `${new URL(simulator.url).origin}${recording.location}`;
  file = Buffer.from(await (await fetch(location)).arrayBuffer());
  slow = createServer(() => {});
  guarded = createServer((req, res) => {
    seen.push({ authorization: req.headers.authorization });
    if (req.headers.authorization !== `Basic ${Buffer.from("rec:s3cret").toString("base64")}`) {
      res.writeHead(401, { "WWW-Authenticate": 'Basic realm="RECORDINGS"' }).end();
      return;
    }
    res.writeHead(200, { "Content-Type": "audio/mpeg", "Content-Length": "4" }).end("ID3x");
  });
  slowUrl = await listen(slow);
  guardedUrl = await listen(guarded);
});

afterAll(async () => {
  await simulator.close();
  slow.closeAllConnections();
  await new Promise((resolve) => slow.close(resolve));
  await new Promise((resolve) => guarded.close(resolve));
});

const options = { timeoutMs: 1500, download: false };

describe("recording relay", () => {
  it("relays the whole file when no range is asked, saying it can seek", async () => {
    const response = await relayRecording(location, null, options);
    expect(response.status).toBe(200);
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="\d{8}-\d{6}_\d+_agent\d+\.wav"/);
    expect(Buffer.from(await response.arrayBuffer()).equals(file)).toBe(true);
  });

  it("answers a range with 206 and exactly those bytes", async () => {
    const response = await relayRecording(location, "bytes=100-199", options);
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes 100-199/${file.length}`);
    expect(response.headers.get("content-length")).toBe("100");
    expect(Buffer.from(await response.arrayBuffer()).equals(file.subarray(100, 200))).toBe(true);
    const tail = await relayRecording(location, `bytes=${file.length - 10}-`, options);
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(file.subarray(file.length - 10))).toBe(true);
  });

  it("answers 416 for a range past the end, with the file's size", async () => {
    const response = await relayRecording(location, `bytes=${file.length + 5}-`, options);
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${file.length}`);
  });

  it("downloads under the recording's original file name", async () => {
    const response = await relayRecording(location, null, { ...options, download: true });
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${originalFileName(location)}"; filename*=UTF-8''${originalFileName(location)}`);
    await response.body?.cancel();
  });

  it("says in plain words when the file is missing, not processed yet or the server is down or silent", async () => {
    const missing = await relayRecording(`${new URL(simulator.url).origin}/RECORDINGS/MP3/gone.wav`, null, options);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/file is missing on VICIdial's web server/);
    const empty = await relayRecording("", null, options);
    expect(empty.status).toBe(404);
    expect(await empty.text()).toMatch(/not processed yet/);
    const local = await relayRecording("/var/spool/asterisk/monitorDONE/x.wav", null, options);
    expect(await local.text()).toMatch(/still on the dialer/);
    const down = await relayRecording("http://127.0.0.1:9/RECORDINGS/x.mp3", null, options);
    expect(down.status).toBe(502);
    expect(await down.text()).toMatch(/could not be reached/);
    const started = Date.now();
    const silent = await relayRecording(`${slowUrl}/RECORDINGS/x.mp3`, null, options);
    expect(silent.status).toBe(504);
    expect(await silent.text()).toMatch(/did not start sending the recording within 2 seconds/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("sends the web server's basic auth, which never appears in the answer", async () => {
    const refused = await relayRecording(`${guardedUrl}/RECORDINGS/a.mp3`, null, options);
    expect(refused.status).toBe(502);
    expect(await refused.text()).toMatch(/refused to hand out the recording \(HTTP 401\)/);
    const allowed = await relayRecording(`${guardedUrl}/RECORDINGS/a.mp3`, null, { ...options, user: "rec", pass: "s3cret" });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toBe("ID3x");
    expect([...allowed.headers.values()].join(" ")).not.toMatch(/s3cret|127\.0\.0\.1|cmVjOnMzY3JldA/);
    expect(seen.at(-1)?.authorization).toBe(`Basic ${Buffer.from("rec:s3cret").toString("base64")}`);
  });
});
