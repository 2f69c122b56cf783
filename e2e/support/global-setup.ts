import { randomBytes } from "node:crypto";
import { startSimulator, SIMULATOR_DEMO_CREDENTIALS } from "../../lib/simulator";
import { E2E_IDP_NAME, E2E_ROLE_MAP } from "./idp-users";
import { startTestIdp } from "./oidc-idp";
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
  // Single sign-on through a real OpenID Connect provider; local sign-in stays on (LOCAL_LOGIN's default).
  const idp = await startTestIdp();
  const server = await startDashboard({
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_NAME: E2E_IDP_NAME,
    OIDC_ROLE_MAP: E2E_ROLE_MAP,
    NEXT_DIST_DIR: distDir,
    VICIDIAL_URL: simulator.url,
    VICIDIAL_SIMULATED: "1",
    VICIDIAL_API_USER: SIMULATOR_DEMO_CREDENTIALS.user,
    VICIDIAL_API_PASS: SIMULATOR_DEMO_CREDENTIALS.pass,
    VICIDIAL_TIMEOUT_MS: "3000",
    DEMO_ADMIN_PASSWORD: adminPassword,
    // The suite signs people in a hundred times; cost 12 would only spend the server's CPU on it.
    PASSWORD_HASH_COST: "4",
  });

  idp.registerClient(`${server.url}/api/auth/callback/oidc`);

  // Workers inherit these: the fixtures read them.
  process.env.E2E_IDP_URL = idp.issuer;
  process.env.E2E_BASE_URL = server.url;
  process.env.DEMO_ADMIN_PASSWORD = adminPassword;
  process.env.E2E_SIMULATOR_URL = simulator.url;
  console.log(`Dashboard for browser tests at ${server.url} (server log: ${server.logFile})`);

  return async () => {
    await server.stop();
    await simulator.close();
    await idp.close();
  };
}
