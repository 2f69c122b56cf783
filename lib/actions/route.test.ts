import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { testSessionCookie } from "@/lib/testing/session";
import { route } from "./route";
import { createUser } from "@/lib/auth/users";

/**
 * route() with the real session check (lib/auth/session → the database): only the reading
 * of the cookie (lib/auth/session-cookie) is replaced, handing over the claims a cookie would carry.
 */
const cookie = testSessionCookie();

const DASHBOARD = "http://dash.example";

async function signInAs(role: "admin" | "qa", name: string, { oneTime = false } = {}) {
  const created = await createUser({ username: name, displayName: name, role, ...(oneTime ? {} : { password: "initial password 1" }) });
  if (!created.ok) throw new Error(created.error.message);
  const user = created.data.user;
  const now = Math.floor(Date.now() / 1000);
  cookie.session = {
    claims: { uid: user.id, username: user.username, name, role, sv: 1, signedInAt: now - 60, activeAt: now - 30 },
    expires: new Date(Date.now() + 3_600_000).toISOString(),
  };
}

for (const backend of testBackends()) {
  describe(`route() on ${backend}`, () => {
    useTestDatabase(backend);
    beforeAll(() => {
      process.env.AUTH_SECRET ??= "s".repeat(40);
    });
    afterAll(() => {
      cookie.session = null;
    });

    const calls: unknown[] = [];
    const handler = route<{ id: string }>({ access: "phones.view" }, async (_request, { user, params }) => {
      calls.push({ user: user.username, params });
      return Response.json({ ok: true });
    });
    const get = (init: RequestInit = {}) => handler(new Request(`${DASHBOARD}/x/7`, init), { params: Promise.resolve({ id: "7" }) });

    it("answers 401 without a session and 403 to a role without the permission, in one body shape, before the handler runs", async () => {
      cookie.session = null;
      const anonymous = await get();
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({ error: "Your session has ended. Sign in again to continue.", kind: "unauthorized" });

      await signInAs("qa", `route.qa.${backend}`);
      const refused = await get();
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({ error: "Your role does not allow this.", kind: "forbidden" });
      expect(calls).toEqual([]);
    });

    it("runs the handler with the user and the segment's params for a role that may", async () => {
      await signInAs("admin", `route.admin.${backend}`);
      const answer = await get();
      expect(answer.status).toBe(200);
      expect(calls).toEqual([{ user: `route.admin.${backend}`, params: { id: "7" } }]);
    });

    it("refuses a state-changing request from another site, after the session and permission checks", async () => {
      await signInAs("admin", `route.post.${backend}`);
      calls.length = 0;
      const crossSite = await get({ method: "POST", headers: { origin: "https://evil.example", host: "dash.example" } });
      expect(crossSite.status).toBe(403);
      expect(await crossSite.json()).toEqual({ error: "Refused: the request came from another site", kind: "forbidden" });
      const sameSite = await get({ method: "POST", headers: { origin: DASHBOARD, host: "dash.example" } });
      expect(sameSite.status).toBe(200);
      expect(calls).toHaveLength(1);
    });

    it("keeps a user who must still replace a one-time password out, except where the route allows it", async () => {
      await signInAs("admin", `route.onetime.${backend}`, { oneTime: true });
      const refused = await get();
      expect(refused.status).toBe(403);
      expect((await refused.json()).error).toBe("Choose your own password on the Account page first.");
      const light = route({ access: "signed-in", duringPasswordChange: true }, async () => Response.json({ up: true }));
      expect((await light(new Request(`${DASHBOARD}/api/connection`))).status).toBe(200);
    });

    it("says the route's own words with a 503 when the handler throws (the database away)", async () => {
      await signInAs("admin", `route.away.${backend}`);
      const away = route({ access: "signed-in", unavailable: "The database is away." }, async () => {
        throw new Error("connection refused");
      });
      const answer = await away(new Request(`${DASHBOARD}/api/jobs/1`));
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({ error: "The database is away." });
    });
  });
}
