import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { dids } from "@/lib/db/schema";
import { didListQuerySchema, listDids } from "@/lib/dids/inventory";
import type { BenchResult } from "./run";
import { withFilledBenchDatabase } from "./database";
import { round, summarize } from "./stats";

/**
 * The DID list's query (count + one sorted page) over 100,000 DIDs (PGlite, or PostgreSQL: see
 * database.ts), for the views a supervisor actually opens: the first page, a search, filters, a
 * computed sort, a deep page and the last one. A view with `depth` starts after the row that many
 * rows down its order, reached by paging with Next first (untimed), as a user gets there. Each
 * view runs `repeat` times after one warm-up; median and p99 in milliseconds.
 */
interface View {
  params: Record<string, string>;
  depth?: number;
  /** Page backwards from that row (Previous) instead of forwards. */
  backwards?: boolean;
}

const VIEWS: Record<string, View> = {
  first_page: { params: {} },
  search_pattern_sorted_by_change: { params: { q: "5551", sort: "updated", dir: "desc" }, depth: 50 },
  search_description_in_route: { params: { q: "sales", route: "IN_GROUP", sort: "description" } },
  filter_inactive_by_changer: { params: { active: "N", sort: "by", dir: "desc" } },
  sort_by_target_deep_page: { params: { sort: "target" }, depth: 50_000 },
  sort_by_description_deep_previous: { params: { sort: "description", dir: "desc" }, depth: 60_000, backwards: true },
  sort_by_route_last_page: { params: { sort: "route", last: "1" } },
  search_without_match: { params: { q: "no such did" } },
};

export async function didsList(options: { rows?: number; repeat?: number } = {}): Promise<BenchResult> {
  const rows = options.rows ?? 100_000;
  const repeat = options.repeat ?? 20;
  return withFilledBenchDatabase(
    (db) => fillDids(db, rows),
    async (db, fillSeconds) => {
      const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(dids);
      const metrics: Record<string, number> = { rows: count, fill_seconds: fillSeconds, ...(await didListViews(repeat)) };
      return { metrics, goals: didListGoals() };
    },
  );
}

/** Each view's median and p99 in milliseconds over the DIDs the app's database holds now. */
export async function didListViews(repeat: number): Promise<Record<string, number>> {
  const metrics: Record<string, number> = {};
  for (const [name, view] of Object.entries(VIEWS)) {
    const query = didListQuerySchema.parse(await viewParams(view));
    await listDids(query);
    const samples: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const started = performance.now();
      await listDids(query);
      samples.push(performance.now() - started);
    }
    const { median, p99 } = summarize(samples);
    metrics[`${name}_median_ms`] = round(median, 1);
    metrics[`${name}_p99_ms`] = round(p99, 1);
  }
  return metrics;
}

/** A view's URL parameters, with the cursor of the row `depth` rows down (found with Next, 100 at a time). */
async function viewParams(view: View): Promise<Record<string, string>> {
  if (!view.depth) return view.params;
  let after: string | undefined;
  for (let seen = 0; seen < view.depth; ) {
    const page = await listDids(didListQuerySchema.parse({ ...view.params, size: "100", ...(after ? { after } : {}) }));
    const take = Math.min(page.rows.length, view.depth - seen);
    seen += take;
    after = page.rows[take - 1]?.didPattern;
    if (!page.next) break;
  }
  if (!after) return view.params;
  return { ...view.params, ...(view.backwards ? { before: after } : { after }) };
}

/** Issue 18: every list query (count and page) at most 30 ms median, deep pages included. */
export function didListGoals(prefix = ""): { metric: string; atMost: number }[] {
  return Object.keys(VIEWS).map((name) => ({ metric: `${prefix}${name}_median_ms`, atMost: 30 }));
}

/** `rows` DIDs generated in the database: a realistic mix of routes, targets, descriptions and changers. */
export async function fillDids(db: Db, rows: number): Promise<void> {
  await db.execute(sql`
    insert into dids (did_pattern, did_id, description, active, route, extension, voicemail_ext, group_id, menu_id, record_call, updated_by, updated_at)
    select
      case when i % 10 = 0 then '+1' else '' end || (2000000000::bigint + i::bigint * 7919)::text,
      i,
      (array['Sales line', 'Support desk', 'Billing queue', 'After hours', 'Spanish sales', 'Callback line'])[1 + i % 6] || ' ' || i,
      case when i % 9 = 0 then 'N' else 'Y' end,
      (array['IN_GROUP', 'IN_GROUP', 'IN_GROUP', 'EXTEN', 'CALLMENU', 'VOICEMAIL', 'AGENT', 'PHONE'])[1 + i % 8],
      (8000 + i % 900)::text,
      (9000 + i % 50)::text,
      (array['SALES_IN', 'SUPPORT_IN', 'BILLING_IN', 'SPANISH_IN'])[1 + i % 4],
      (array['MAIN_MENU', 'AFTER_HOURS'])[1 + i % 2],
      (array['N', 'Y', 'Y_QUEUESTOP'])[1 + i % 3],
      'user' || (i % 25),
      now() - (i % 100000) * interval '37 seconds'
    from generate_series(1, ${rows}) as i
    on conflict do nothing`);
  // As the cluster import leaves an imported table (lib/cluster/sync/full-pass.ts), and as
  // PostgreSQL's autovacuum does after this many inserts: analyzed, and its pages all-visible.
  await db.execute(sql`vacuum (analyze) dids`);
}
