import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, resetPassword } from "@/lib/auth/users";
import { WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { THROTTLE } from "@/lib/auth/throttle";
import type { DashboardServer } from "../e2e/support/server";
import { CookieJar, SESSION_COOKIE, signedIn, signIn, signOut } from "./support/session";
import { addRequests, ADMIN, newPatterns, rowAudits, startDidJob, startStack, statesOf, waitFor, waitForStatus, type Stack } from "./support/stack";

/**
 * Two dashboard processes on one PostgreSQL with one AUTH_SECRET, as behind a load balancer.
 * Both read the simulator's database (demo mode), so both run the cluster sync loop.
 */
describe("two dashboard instances on one PostgreSQL", () => {
  let stack: Stack;
  let a: DashboardServer;
  let b: DashboardServer;

  beforeAll(async () => {
    stack = await startStack({ latencyMs: 10 });
    // One after the other: both would migrate and create the demo admin at once otherwise (the
    // migration holds a lock; the admin is made once either way), and the machine is small.
    a = await stack.startDashboard();
    b = await stack.startDashboard();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it("a session made on one works on the other; signing out ends it in that browser on both", async () => {
    const jar = new CookieJar();
    expect(await signIn(a.url, jar, ADMIN.username, ADMIN.password)).toBeNull();
    expect(await signedIn(b.url, jar)).toBe(true);
    expect(await signedIn(a.url, jar)).toBe(true);

    // A copy of the token taken before signing out, as an attacker who stole the cookie holds it.
    const copied = jar.copy();
    await signOut(b.url, jar);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    expect(await signedIn(a.url, jar)).toBe(false);
    expect(await signedIn(b.url, jar)).toBe(false);
    // Sessions are JWTs: signing out clears the browser's cookie, it cannot revoke a copied token,
    // which stays good until it expires. What ends every copy at once, on every instance, is a
    // change an admin makes (password reset, disable, role change): each request checks the
    // user's session version in the shared database.
    expect(await signedIn(a.url, copied)).toBe(true);
  });

  it("an admin's reset of a user ends that user's sessions on both instances at their next request", async () => {
    const made = await createUser({ username: "twice", displayName: "Signed in twice", role: "supervisor", password: "Two instances 1" });
    if (!made.ok) throw new Error(made.error.message);
    const onA = new CookieJar();
    const onB = new CookieJar();
    expect(await signIn(a.url, onA, "twice", "Two instances 1")).toBeNull();
    expect(await signIn(b.url, onB, "twice", "Two instances 1")).toBeNull();
    expect(await signedIn(b.url, onA)).toBe(true);

    const reset = await resetPassword({ userId: made.data.user.id });
    expect(reset.ok).toBe(true);
    for (const [server, jar] of [[a, onA], [a, onB], [b, onA], [b, onB]] as const) expect(await signedIn(server.url, jar)).toBe(false);
  });

  it("sign-in throttling counts across both: wrong passwords spread over the two lock the account on both", async () => {
    const made = await createUser({ username: "guessed", displayName: "Guessed at", role: "qa", password: "The right one 1" });
    if (!made.ok) throw new Error(made.error.message);
    const answers: string[] = [];
    for (let i = 0; i < 10; i += 1) answers.push((await signIn(i % 2 === 0 ? a.url : b.url, new CookieJar(), "guessed", `wrong ${i}`)) ?? "signed in");
    expect(answers.slice(0, THROTTLE.maxFailures)).toEqual(Array(THROTTLE.maxFailures).fill(WRONG_CREDENTIALS));
    for (const answer of answers.slice(THROTTLE.maxFailures)) expect(answer).toMatch(/Too many failed sign-ins/);
    // Locked on both, even with the right password.
    expect(await signIn(a.url, new CookieJar(), "guessed", "The right one 1")).toMatch(/Too many failed sign-ins/);
    expect(await signIn(b.url, new CookieJar(), "guessed", "The right one 1")).toMatch(/Too many failed sign-ins/);
  });

  it("one job started on the first is worked by both, and no DID is sent twice", async () => {
    const patterns = newPatterns("44", 600);
    const jobId = await startDidJob(patterns);
    const claimants = new Set<string>();
    const sampler = setInterval(() => {
      void stack.db
        .execute(sql`select distinct claimed_by from job_rows where job_id = ${jobId} and state = 'running' and claimed_by is not null`)
        .then((result) => {
          for (const row of (result as unknown as { rows: { claimed_by: string }[] }).rows) claimants.add(row.claimed_by);
        })
        .catch(() => undefined);
    }, 50);
    try {
      await waitForStatus(stack.db, jobId, "completed");
    } finally {
      clearInterval(sampler);
    }
    const runners = (await stack.db.execute(sql`select id from job_runners`)) as unknown as { rows: { id: string }[] };
    expect(runners.rows).toHaveLength(2);
    for (const runner of runners.rows) expect(claimants.has(runner.id), `rows claimed by ${runner.id}`).toBe(true);

    expect(await statesOf(stack.db, jobId)).toEqual({ done: 600 });
    const adds = addRequests(stack.sim, patterns);
    expect(patterns.filter((p) => adds.get(p) !== 1)).toEqual([]);
    expect((await rowAudits(stack.db, jobId)).length).toBe(600);
  });

  it("with VICIdial's database read, one instance syncs at a time: one lease holder, the first import summarised once, each Sync now served by one pass", async () => {
    type SyncRow = { lease_owner: string | null; pass: number; last_finished_at: Date | null; last_ok: boolean | null };
    const state = async () => ((await stack.db.execute(sql`select lease_owner, pass, last_finished_at, last_ok from cluster_sync where id = 'main'`)) as unknown as { rows: SyncRow[] }).rows[0];
    await waitFor(async () => (await state())?.last_ok === true, "the first cluster pass", 60_000);

    const owners = new Set<string>();
    const sampler = setInterval(() => {
      void state()
        .then((row) => row?.lease_owner && owners.add(row.lease_owner))
        .catch(() => undefined);
    }, 50);
    try {
      for (let round = 0; round < 2; round += 1) {
        const before = (await state())!;
        await stack.db.execute(sql`update cluster_sync set requested_at = now() where id = 'main'`);
        const after = await waitFor(async () => {
          const row = await state();
          return row && row.last_finished_at && before.last_finished_at && row.last_finished_at > before.last_finished_at ? row : undefined;
        }, `Sync now, round ${round + 1}`, 60_000);
        expect(after.last_ok).toBe(true);
        expect(after.pass).toBe(before.pass + 1);
      }
    } finally {
      clearInterval(sampler);
    }
    expect(owners.size).toBe(1);
    const imports = (await stack.db.execute(sql`select count(*)::int as n from audit_log where action = 'cluster.import'`)) as unknown as { rows: { n: number }[] };
    expect(imports.rows[0]?.n).toBe(1);
  });
});
