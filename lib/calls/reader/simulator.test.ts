import { startSimulator } from "@/lib/simulator";
import { simulatorTables } from "@/lib/simulator/testing/tables";
import { describeCallsReader } from "./contract";
import { createSimulatorCallsReader } from "./simulator";

describeCallsReader("the simulator over HTTP", async () => {
  const simulator = await startSimulator({ control: true });
  const tables = simulatorTables(simulator.url);
  return {
    reader: createSimulatorCallsReader(simulator.url),
    async insert(table, rows) {
      await tables.insert(table, rows);
    },
    close: () => simulator.close(),
  };
});
