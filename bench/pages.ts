import { createUser } from "@/lib/auth/users";
import { listAudit } from "@/lib/audit/queries";
import { didListQuerySchema, listDids } from "@/lib/dids/inventory";
import { CookieJar, signIn } from "../process-tests/support/session";
import { fillDids } from "./dids-list";
import { startBenchStack } from "./dashboard-stack";
import type { BenchResult } from "./run";
import { round, summarize } from "./stats";

/**
 * Where a page's server time goes, one request at a time (no load): the production build on
 * PostgreSQL with 100,000 DIDs, one signed-in supervisor. Each page of the load bench is fetched
 * `REPEAT` times (whole document); beside it the page's list query alone, from this process on the
 * same database, and /account, a dashboard page with no list (session, layout, rendering). The
 * difference between a page and its query is the rest of the request.
 */
const REPEAT = 15;

const PAGES: Record<string, { path: string; query?: () => Promise<unknown> }> = {
  account: { path: "/account" },
  dids_first: { path: "/dids", query: () => listDids(didListQuerySchema.parse({})) },
  dids_search_route: { path: "/dids?q=sales&route=IN_GROUP&sort=description", query: () => listDids(didListQuerySchema.parse({ q: "sales", route: "IN_GROUP", sort: "description" })) },
  dids_search_pattern: { path: "/dids?q=5551", query: () => listDids(didListQuerySchema.parse({ q: "5551" })) },
  jobs: { path: "/jobs" },
  audit: { path: "/audit", query: () => listAudit({}, { kind: "all" }) },
};

export async function pagesBench(): Promise<BenchResult> {
  const { database, dashboard, close } = await startBenchStack({ prefix: "vicidash_pages" });
  try {
    await fillDids(database.db, 100_000);
    const made = await createUser({ username: "profiler", displayName: "Profiler", role: "supervisor", password: "Profiling pages 1" });
    if (!made.ok) throw new Error(made.error.message);
    const jar = new CookieJar();
    const error = await signIn(dashboard.url, jar, "profiler", "Profiling pages 1");
    if (error) throw new Error(error);

    const metrics: Record<string, number> = {};
    for (const [name, page] of Object.entries(PAGES)) {
      metrics[`${name}_page_median_ms`] = await medianOf(async () => {
        const response = await fetch(new URL(page.path, dashboard.url), { headers: { cookie: jar.header() }, redirect: "manual" });
        if (response.status !== 200) throw new Error(`${page.path}: ${response.status}`);
        await response.arrayBuffer();
      });
      if (page.query) metrics[`${name}_query_median_ms`] = await medianOf(page.query);
    }
    return { metrics, goals: Object.keys(PAGES).map((name) => ({ metric: `${name}_page_median_ms`, atMost: 100 })) };
  } finally {
    await close();
  }
}

async function medianOf(run: () => Promise<unknown>): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return round(summarize(samples).median, 1);
}
