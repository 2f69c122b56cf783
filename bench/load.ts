import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { createUser } from "@/lib/auth/users";
import type { Db } from "@/lib/db";
import { createJobFromFile } from "@/lib/jobs/create";
import { getJob } from "@/lib/jobs/store";
import { CookieJar, signIn } from "../process-tests/support/session";
import { fillDids } from "./dids-list";
import { startBenchStack } from "./dashboard-stack";
import type { BenchResult } from "./run";
import { percentile, round } from "./stats";

/**
 * DESIGN "Scale", measured: one dashboard process (the production build in NEXT_DIST_DIR, as
 * `npm start` runs it) on PostgreSQL with 100,000 DIDs, 20 signed-in sessions browsing lists and
 * searches (autocannon, each connection with its own session, `PAGES_PER_SECOND` pages a second
 * each) while a 5,000-row DID job runs against the simulator answering in 50 ms. The job runs
 * once alone and once under browsing: its throughput under browsing should keep 90% of alone.
 * The sessions browse WARM_UP_MS before the job starts and the clock with it, as on a server that
 * has been serving them. Measured: in the first 4-5 s after 20 sessions start, a page takes
 * 0.4-1.5 s on a server busy at 99% (CPU profile), then 60-120 ms; the same without any job at
 * work, so it is the server's cold start (it had rendered each page once, in warmUp), not the job.
 * Those seconds are reported on their own (`warm_up_*`), not hidden.
 */
const SESSIONS = 20;
const PAGES_PER_SECOND = 1;
const JOB_ROWS = 5_000;
const LATENCY_MS = 50;
const WARM_UP_MS = 10_000;

/** What a supervisor opens: lists, searches, filters, sorts, a deep page (DEEP_PAGE: its cursor is found once the DIDs are in). */
const DEEP_PAGE = "/dids?sort=target&after=";
const PAGES = [
  "/dids",
  "/dids?q=5551",
  "/dids?q=sales&route=IN_GROUP&sort=description",
  "/dids?active=N&sort=by&dir=desc",
  DEEP_PAGE,
  "/dids?q=no+such+did",
  "/jobs",
  "/audit",
];

/** The DID 50,000 rows down the target order: where Next 2,000 times from the first page leads. */
async function deepCursor(db: Db): Promise<string> {
  const result = await db.execute(sql`select did_pattern from dids order by (target is null), coalesce(target, ''), did_pattern offset 49999 limit 1`);
  const [row] = (result as unknown as { rows: { did_pattern: string }[] }).rows;
  if (!row) throw new Error("no deep page");
  return row.did_pattern;
}

export async function loadBench(): Promise<BenchResult> {
  const { database, dashboard, close } = await startBenchStack({ prefix: "vicidash_load", latencyMs: LATENCY_MS });
  try {
    await fillDids(database.db, 100_000);
    const deep = DEEP_PAGE + encodeURIComponent(await deepCursor(database.db));
    const pages = PAGES.map((page) => (page === DEEP_PAGE ? deep : page));
    const cookies = await signInSessions(dashboard.url);
    await warmUp(dashboard.url, cookies[0]!, pages);

    const alone = await runJob(database.db, "46");
    let job: Promise<number> | undefined;
    const { warmUp: warm, timed: browsed } = await browse(dashboard.url, cookies, pages, async () => {
      job = runJob(database.db, "47");
      await job;
    });
    const underLoad = await job!;

    return {
      metrics: {
        inventory_dids: 100_000,
        sessions: SESSIONS,
        pages_per_second_per_session: PAGES_PER_SECOND,
        pages_served: browsed.count,
        page_errors: browsed.errors + warm.errors,
        page_p50_ms: round(browsed.p50, 1),
        page_p95_ms: round(browsed.p95, 1),
        page_p99_ms: round(browsed.p99, 1),
        // Which pages make the tail: each page's own p95 (the DEEP_PAGE's cursor left out of its name).
        ...Object.fromEntries(Object.entries(browsed.p95ByPage).map(([page, p95]) => [`p95_ms ${page.startsWith(DEEP_PAGE) ? `${DEEP_PAGE}…` : page}`, round(p95, 1)])),
        // The sessions' first WARM_UP_MS, before the job and the clock start: a server just started.
        warm_up_pages_served: warm.count,
        warm_up_page_p50_ms: round(warm.p50, 1),
        warm_up_page_p95_ms: round(warm.p95, 1),
        job_rows_per_second_alone: round(alone, 1),
        job_rows_per_second_browsing: round(underLoad, 1),
        job_throughput_kept_percent: round((100 * underLoad) / alone, 1),
        // As "at most" for run.ts's table: the share of throughput lost may be at most 10%.
        job_throughput_lost_percent: round(100 - (100 * underLoad) / alone, 1),
      },
      goals: [
        { metric: "page_p95_ms", atMost: 300 },
        { metric: "job_throughput_lost_percent", atMost: 10 },
        { metric: "page_errors", atMost: 0 },
      ],
    };
  } finally {
    await close();
  }
}

/** One session per simulated user (their own accounts, as 20 supervisors would be). */
async function signInSessions(base: string): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < SESSIONS; i += 1) {
    const username = `browser${i}`;
    const password = `Browsing user ${i}`;
    const made = await createUser({ username, displayName: `Browsing user ${i}`, role: "supervisor", password });
    if (!made.ok) throw new Error(made.error.message);
    const jar = new CookieJar();
    const error = await signIn(base, jar, username, password);
    if (error) throw new Error(`sign-in of ${username} failed: ${error}`);
    cookies.push(jar.header());
  }
  return cookies;
}

/**
 * Each page once before anything is timed, as the pages bench does: Next loads a route's code at
 * its first request, which took up to 1.2 s (CPU profile) and set the p99 of a run by itself.
 */
async function warmUp(base: string, cookie: string, pages: string[]): Promise<void> {
  for (const page of pages) {
    const response = await fetch(new URL(page, base), { headers: { cookie } });
    if (response.status !== 200) throw new Error(`warm-up of ${page}: ${response.status}`);
    await response.arrayBuffer();
  }
}

/** Starts a 5,000-row DID job and returns its rows per second, first row finished to last. */
async function runJob(db: Db, prefix: string): Promise<number> {
  const text = Array.from({ length: JOB_ROWS }, (_, i) => `${prefix}${String(i).padStart(8, "0")},Load ${i},EXTEN,8300`).join("\n");
  const created = await createJobFromFile("dids", { text, hasHeader: false, mapping: { didPattern: 0, description: 1, didRoute: 2, extension: 3 }, options: {} }, { id: null, username: "bench", role: "admin" });
  if (!created.ok) throw new Error("bench job not created");
  for (;;) {
    const job = await getJob(db, created.jobId);
    if (job?.status === "completed") break;
    if (job?.status !== "running") throw new Error(`bench job ${job?.status}: ${job?.pauseReason ?? ""}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const result = await db.execute(sql`
    select count(*)::int as n, extract(epoch from max(finished_at) - min(finished_at))::float as seconds
    from job_rows where job_id = ${created.jobId} and state = 'done'`);
  const [row] = (result as unknown as { rows: { n: number; seconds: number }[] }).rows;
  if (!row || row.n !== JOB_ROWS) throw new Error(`bench job finished ${row?.n ?? 0} of ${JOB_ROWS} rows`);
  return (row.n - 1) / row.seconds;
}

/**
 * Browses with every session: WARM_UP_MS first, then until `during` resolves; page times in ms
 * (whole document) for each of the two spans apart. Each session is its own autocannon instance
 * with one connection, a page a second, and the sessions start 1/SESSIONS s apart: one instance
 * with 20 connections ticks them all on one timer, so the 20 pages of each second arrived in the
 * same millisecond, a lockstep no 20 people browse in.
 */
async function browse(base: string, cookies: string[], pages: string[], during: () => Promise<void>) {
  const warmUpSpan = new PageTimes();
  const timedSpan = new PageTimes();
  let span = warmUpSpan;
  const onResponse = (statusCode: number, responseTime: number, page: string) => span.add(statusCode, responseTime, page);
  const sessions = cookies.map((cookie, index) => browseAs(base, cookie, pages, (index * 1_000) / (SESSIONS * PAGES_PER_SECOND), onResponse));
  try {
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
    span = timedSpan;
    await during();
  } finally {
    for (const session of sessions) session.stop();
  }
  await Promise.all(sessions.map((session) => session.done));
  return { warmUp: warmUpSpan.summary(), timed: timedSpan.summary() };
}

/** The answers of one span of browsing: their count, errors and percentiles, whole and per page. */
class PageTimes {
  private readonly samples: number[] = [];
  private readonly byPage = new Map<string, number[]>();
  private errors = 0;

  add(statusCode: number, responseTime: number, page: string): void {
    if (statusCode !== 200) this.errors += 1;
    this.samples.push(responseTime);
    this.byPage.set(page, [...(this.byPage.get(page) ?? []), responseTime]);
  }

  summary() {
    const sorted = [...this.samples].sort((a, b) => a - b);
    const p95ByPage = Object.fromEntries([...this.byPage].map(([page, times]) => [page, percentile([...times].sort((a, b) => a - b), 0.95)]));
    return { count: sorted.length, errors: this.errors, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), p95ByPage };
  }
}

/** One session walking through the pages, `PAGES_PER_SECOND` a second, from `delayMs` on. */
function browseAs(base: string, cookie: string, pages: string[], delayMs: number, onResponse: (statusCode: number, responseTime: number, page: string) => void) {
  let instance: autocannon.Instance | undefined;
  let stopped = false;
  let page = Math.floor(Math.random() * pages.length);
  const done = new Promise<void>((resolve, reject) => {
    setTimeout(() => {
      if (stopped) return resolve();
      instance = autocannon({
        url: base,
        connections: 1,
        connectionRate: PAGES_PER_SECOND,
        duration: 3_600,
        requests: [
          {
            setupRequest(request) {
              page = (page + 1) % pages.length;
              return { ...request, method: "GET", path: pages[page]!, headers: { ...request.headers, cookie } };
            },
          },
        ],
      }, (error) => (error ? reject(error) : resolve()));
      // One connection, one request at a time: an answer is for the page set up last.
      instance.on("response", (_client, statusCode, _bytes, responseTime) => onResponse(statusCode, responseTime, pages[page]!));
    }, delayMs);
  });
  return {
    done,
    stop() {
      stopped = true;
      instance?.stop();
    },
  };
}
