// `npm run simulator -- --port 8089 [--host 127.0.0.1] [--state FILE] [--demo] [--latency-ms N]`:
// the VICIdial simulator alone; --demo starts from the demo's larger data instead of the test
// fixtures; --latency-ms answers every request that much later, as a distant server would.
import { parseArgs } from "node:util";
import { startSimulator } from "../lib/simulator";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8089" },
    host: { type: "string", default: "127.0.0.1" },
    state: { type: "string" },
    demo: { type: "boolean", default: false },
    "latency-ms": { type: "string", default: "0" },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got ${values.port}`);
  process.exit(2);
}

const latencyMs = Number(values["latency-ms"]);
if (!Number.isInteger(latencyMs) || latencyMs < 0) {
  console.error(`--latency-ms must be a whole number of milliseconds, got ${values["latency-ms"]}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const faults = latencyMs > 0 ? { faults: { latencyMs } } : {};
  const simulator = await startSimulator({ port, host: values.host, stateFile: values.state, seed: values.demo ? "demo" : "default", ...faults });
  console.log(`VICIdial simulator listening on ${simulator.url}`);
  if (values.state) console.log(`state file: ${values.state}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the simulator`);
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
