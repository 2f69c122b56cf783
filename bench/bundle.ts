import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_PATH } from "@/e2e/support/chromium";
import { asc } from "drizzle-orm";
import { installDatabase, type Db } from "@/lib/db";
import { auditLog } from "@/lib/db/schema/audit";
import { scratchDatabase } from "@/lib/db/scratch";
import { createJobFromFile } from "@/lib/jobs/create";
import { getJob, pauseJob } from "@/lib/jobs/store";
import { startSimulator } from "@/lib/simulator";
import { DASHBOARD_PAGES } from "../e2e/support/pages";
import { startDashboard } from "../e2e/support/server";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../process-tests/support/postgres";
import { CookieJar, signIn } from "../process-tests/support/session";
import { DIST_DIR, dashboardSettings } from "../process-tests/support/stack";
import type { BenchResult } from "./run";
import { round } from "./stats";

/**
 * First-load JavaScript per route, as a browser downloads it: the production build in
 * NEXT_DIST_DIR served by `npm start` (which gzips), Chromium, a signed-in admin (the role that
 * sees every page and control), a fresh browser context per route so the cache is cold. The
 * figure is the sum of the bytes on the wire (gzip-encoded body size) of every script the page
 * loads until the network is idle: the HTML's script tags, the client chunks React asks for
 * while hydrating, and anything loaded right after (next/dynamic widgets that render at once).
 * Not counted: what is only fetched on a later action (a chunk imported when a form is first
 * validated or a file is picked), and Next's speculative prefetches of the pages that links
 * point to (those requests are refused here; they belong to the next page, not this one).
 * Goal: at most 150 KB on every route.
 */
const GOAL_KB = 150;

export async function bundleBench(): Promise<BenchResult> {
  if (!existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
    throw new Error(`No production build in ${DIST_DIR}: run "NEXT_DIST_DIR=${DIST_DIR} npx next build" first.`);
  }
  // PostgreSQL (shared with this process, to make a job and read an audit id for their pages).
  let pg: ThrowawayPostgres | undefined;
  let server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!server) {
    pg = startThrowawayPostgres();
    server = pg.url;
  }
  const database = await scratchDatabase({ prefix: "vicidash_bundle", server });
  installDatabase(database);
  const sim = await startSimulator({ port: 0 });
  const password = `Bench-${randomBytes(9).toString("base64url")}`;
  const dashboard = await startDashboard(dashboardSettings({ databaseUrl: database.location, simulatorUrl: sim.url, adminPassword: password }));
  let browser: Browser | undefined;
  try {
    const jar = new CookieJar();
    const error = await signIn(dashboard.url, jar, "admin", password);
    if (error) throw new Error(`admin sign-in failed: ${error}`);
    const routes: [string, string][] = [...DASHBOARD_PAGES.map((page): [string, string] => [page.path, page.path]), ...(await recordPages(database.db))];
    // The seed's records are there once the first cluster pass has run.
    await waitForPage(dashboard.url, jar, "/dids/7275550100");

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--no-sandbox", "--disable-gpu"] });
    const metrics: Record<string, number> = {};
    const origin = new URL(dashboard.url);
    const cookies = jar
      .header()
      .split("; ")
      .map((pair) => pair.split("="))
      .map(([name, ...value]) => ({ name: name!, value: value.join("="), domain: origin.hostname, path: "/" }));
    metrics["kb_/login"] = await firstLoadKb(browser, dashboard.url, "/login", []);
    for (const [name, route] of routes) metrics[`kb_${name}`] = await firstLoadKb(browser, dashboard.url, route, cookies);
    const largest = Math.max(...Object.values(metrics));
    return {
      metrics: { ...metrics, kb_largest_route: largest },
      goals: Object.keys(metrics).map((metric) => ({ metric, atMost: GOAL_KB })).concat({ metric: "kb_largest_route", atMost: GOAL_KB }),
    };
  } finally {
    await browser?.close();
    await dashboard.stop();
    await sim.close();
    installDatabase(undefined);
    await database.close();
    pg?.destroy();
  }
}

/** A DID job of these DIDs, started as the admin. */
async function didJob(patterns: string[]): Promise<string> {
  const text = patterns.map((pattern) => `${pattern},Bundle,EXTEN,8300`).join("\n");
  const created = await createJobFromFile("dids", { text, hasHeader: false, mapping: { didPattern: 0, description: 1, didRoute: 2, extension: 3 }, options: {} }, { id: null, username: "admin", role: "admin" });
  if (!created.ok) throw new Error("bench job not created");
  return created.jobId;
}

/**
 * A finished two-row job, a paused one (its page polls, as a running job's does) and an audit
 * entry, for /jobs/[id] and /audit/[id]: [name, path].
 */
async function recordPages(db: Db): Promise<[string, string][]> {
  const jobId = await didJob(["9995550101", "9995550102"]);
  const paused = await didJob(Array.from({ length: 500 }, (_, i) => `9995552${String(i).padStart(3, "0")}`));
  if (!(await pauseJob(db, paused, "Paused for the bundle bench"))) throw new Error("the bench's second job finished before it could be paused");
  for (;;) {
    const job = await getJob(db, jobId);
    if (job?.status === "completed") break;
    if (job?.status !== "running") throw new Error(`bench job ${job?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const [entry] = await db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id)).limit(1);
  if (!entry) throw new Error("the bench job left no audit entry");
  return [
    ["/jobs/[id]", `/jobs/${jobId}`],
    ["/jobs/[id] (under way)", `/jobs/${paused}`],
    ["/audit/[id]", `/audit/${entry.id}`],
  ];
}

async function waitForPage(base: string, jar: CookieJar, pathname: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`${base}${pathname}`, { redirect: "manual", headers: { cookie: jar.header() } });
    if (res.status === 200) return;
    if (Date.now() > deadline) throw new Error(`${pathname} answered ${res.status}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Gzip KB of every script one cold load of `route` downloads (see the comment at the top). */
async function firstLoadKb(browser: Browser, base: string, route: string, cookies: { name: string; value: string; domain: string; path: string }[]): Promise<number> {
  const context = await browser.newContext();
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.route("**/*", (request) => (request.request().headers()["next-router-prefetch"] ? request.abort() : request.continue()));
    const scripts: Promise<number>[] = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() !== "script") return;
      scripts.push(
        (async () => {
          const encoding = await (await request.response())?.headerValue("content-encoding");
          const size = (await request.sizes()).responseBodySize;
          // The server leaves bodies under 1 KB uncompressed (a dynamic import's loader stub, say).
          if (encoding !== "gzip" && size >= 1024) throw new Error(`${request.url()} was sent without gzip (${encoding ?? "identity"})`);
          return size;
        })(),
      );
    });
    const response = await page.goto(`${base}${route}`, { waitUntil: "load" });
    const expected = route === "/no-such-page" ? 404 : 200;
    if (response?.status() !== expected) throw new Error(`${route} answered ${response?.status()}, not ${expected}`);
    if (new URL(page.url()).pathname !== route.split("?")[0]) throw new Error(`${route} went to ${page.url()}`);
    await page.waitForLoadState("networkidle");
    const bytes = (await Promise.all(scripts)).reduce((sum, size) => sum + size, 0);
    return round(bytes / 1024, 1);
  } finally {
    await context.close();
  }
}
