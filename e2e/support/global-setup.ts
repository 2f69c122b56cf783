import { randomBytes } from "node:crypto";
import { startSimulator, SIMULATOR_DEMO_CREDENTIALS } from "../../lib/simulator";
import { ensureProductionBuild, startDashboard } from "./server";

/**
 * One production server for every browser test, talking to a simulator this process owns (so
 * tests can inject faults through its control endpoint), on a fresh PGlite data directory.
 */
export default async function globalSetup() {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
  process.env.NEXT_DIST_DIR = distDir;
  ensureProductionBuild(distDir);

  const simulator = await startSimulator({ port: 0, control: true });
  const adminPassword = `E2e-${randomBytes(9).toString("base64url")}`;
  const server = await startDashboard({
    NEXT_DIST_DIR: distDir,
    VICIDIAL_URL: simulator.url,
    VICIDIAL_SIMULATED: "1",
    VICIDIAL_API_USER: SIMULATOR_DEMO_CREDENTIALS.user,
    VICIDIAL_API_PASS: SIMULATOR_DEMO_CREDENTIALS.pass,
    VICIDIAL_TIMEOUT_MS: "3000",
    DEMO_ADMIN_PASSWORD: adminPassword,
  });

  // Workers inherit these: the fixtures read them.
  process.env.E2E_BASE_URL = server.url;
  process.env.DEMO_ADMIN_PASSWORD = adminPassword;
  process.env.E2E_SIMULATOR_URL = simulator.url;
  console.log(`Dashboard for browser tests at ${server.url} (server log: ${server.logFile})`);

  return async () => {
    await server.stop();
    await simulator.close();
  };
}
