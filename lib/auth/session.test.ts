import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/lib/db/schema";
import { testBackends, useTestDatabase } from "@/lib/testing/db";
import { testSessionCookie } from "@/lib/testing/session";
import { getCurrentUser } from "./session";
import { setDisabled, createUser } from "./users";
import { GET as jobProgressRoute } from "@/app/api/jobs/[id]/route";
import { lookupCallAction } from "@/app/(dashboard)/calls/actions";

/**
 * A disabled user's open sessions stop working at their next request, whatever the request:
 * the real session check (lib/auth/session → the database) behind a route handler and a server
 * action. Only the reading of the cookie (lib/auth/session-cookie) is replaced: it hands over the claims the
 * cookie carried, as it does in a request.
 */
const cookie = testSessionCookie();

for (const backend of testBackends()) {
  describe(`a disabled user's open session on ${backend}`, () => {
    const db = useTestDatabase(backend);
    beforeAll(() => {
      process.env.AUTH_SECRET ??= "s".repeat(40);
    });
    afterAll(() => {
      cookie.session = null;
    });

    it("works until the account is disabled, and not for a single request after", async () => {
      const created = await createUser({ username: `qa.${backend}`, displayName: "QA", role: "qa", password: "initial password 1" });
      if (!created.ok) throw new Error(created.error.message);
      const [row] = await db().select().from(users).where(eq(users.username, `qa.${backend}`));
      const now = Math.floor(Date.now() / 1000);
      cookie.session = {
        claims: { uid: row!.id, username: row!.username, name: "QA", role: "qa", sv: row!.sessionVersion, signedInAt: now - 60, activeAt: now - 30 },
        expires: new Date(Date.now() + 3_600_000).toISOString(),
      };
      const route = () => jobProgressRoute(new Request("http://dash.example/api/jobs/nosuch"), { params: Promise.resolve({ id: "nosuch" }) });

      expect(await getCurrentUser()).toMatchObject({ username: `qa.${backend}`, role: "qa" });
      expect((await route()).status).toBe(404);
      expect(await lookupCallAction(undefined, { callId: "not a call id" })).toMatchObject({ ok: false, error: { kind: "validation" } });

      const disabled = await setDisabled({ actorId: null, userId: row!.id, disabled: true });
      expect(disabled.ok).toBe(true);

      // The same cookie, the very next requests.
      expect(await getCurrentUser()).toBeNull();
      expect((await route()).status).toBe(401);
      expect(await lookupCallAction(undefined, { callId: "not a call id" })).toMatchObject({ ok: false, error: { kind: "unauthorized" } });
    });
  });
}
