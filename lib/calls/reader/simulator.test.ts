import { startSimulator } from "@/lib/simulator";
import { describeCallsReader } from "./contract";
import { createSimulatorCallsReader } from "./simulator";

describeCallsReader("the simulator over HTTP", async () => {
  const simulator = await startSimulator({ control: true });
  const origin = new URL(simulator.url).origin;
  return {
    reader: createSimulatorCallsReader(simulator.url),
    async insert(table, rows) {
      const response = await fetch(`${origin}/__simulator/calls/tables/${table}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ insert: rows }) });
      if (!response.ok) throw new Error(`insert into ${table}: HTTP ${response.status}`);
    },
    close: () => simulator.close(),
  };
});
