import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { phones } from "@/lib/db/schema";
import { listPhones, phoneCursor, phoneListQuery, type PhoneListQuery } from "@/lib/phones/inventory";
import type { BenchResult } from "./run";
import { withFilledBenchDatabase } from "./database";
import { round, summarize } from "./stats";

/**
 * The phone list's query (capped count + one keyset page) over 100,000 phones (PGlite, or
 * PostgreSQL: see database.ts): the first page, a search, a filter, deep pages in two sorts and
 * the last page. Beside each deep page, the OFFSET query the list ran before keyset paging, at the
 * same depth, for comparison. Each view runs `repeat` times after one warm-up; medians in ms.
 */
interface View {
  params: Record<string, string>;
  /** Starts after the row that many rows down the view's order (reached with Next, untimed). */
  depth?: number;
}

const VIEWS: Record<string, View> = {
  first_page: { params: {} },
  search_name: { params: { q: "desk" } },
  filter_server_sorted_by_name: { params: { server: "10.10.1.3", sort: "name", dir: "desc" } },
  sort_by_extension_deep_page: { params: {}, depth: 50_000 },
  sort_by_cid_deep_page: { params: { sort: "cid" }, depth: 80_000 },
  sort_by_updated_last_page: { params: { sort: "updated", last: "1" } },
};

/** The column and direction of each view's old OFFSET order, for the "before" figures of deep pages. */
const OFFSET_ORDER: Record<string, string> = {
  sort_by_extension_deep_page: "extension asc nulls last, extension asc, server_ip asc",
  sort_by_cid_deep_page: "outbound_cid asc nulls last, extension asc, server_ip asc",
};

export async function phonesList(options: { rows?: number; repeat?: number } = {}): Promise<BenchResult> {
  const rows = options.rows ?? 100_000;
  const repeat = options.repeat ?? 20;
  return withFilledBenchDatabase(
    (db) => fillPhones(db, rows),
    async (db, fillSeconds) => {
      const metrics: Record<string, number> = { rows, fill_seconds: fillSeconds };
      for (const [name, view] of Object.entries(VIEWS)) {
        const query = await viewQuery(view);
        metrics[`${name}_median_ms`] = await median(repeat, () => listPhones(query));
        const order = OFFSET_ORDER[name];
        if (order && view.depth) {
          // The list before keyset paging: the page by OFFSET and the full count.
          const offsetPage = () => Promise.all([db.execute(sql.raw(`select * from phones order by ${order} limit 25 offset ${view.depth}`)), db.execute(sql`select count(*) from phones`)]);
          metrics[`${name}_by_offset_median_ms`] = await median(repeat, offsetPage);
        }
      }
      return { metrics, goals: Object.keys(VIEWS).map((name) => ({ metric: `${name}_median_ms`, atMost: 30 })) };
    },
  );
}

async function median(repeat: number, run: () => Promise<unknown>): Promise<number> {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return round(summarize(samples).median, 1);
}

/** A view's query, at the row `depth` rows down its order (found with Next, 500 at a time). */
async function viewQuery(view: View): Promise<PhoneListQuery> {
  const query = phoneListQuery(view.params);
  if (!view.depth) return query;
  let after: string | undefined;
  for (let seen = 0; seen < view.depth; ) {
    const page = await listPhones({ ...query, pageSize: 500, position: after ? { after } : {} });
    const take = Math.min(page.rows.length, view.depth - seen);
    seen += take;
    const row = page.rows[take - 1];
    after = row && phoneCursor(row);
    if (!page.next) break;
  }
  return after ? { ...query, position: { after } } : query;
}

/** `rows` phones on 40 servers: a realistic mix of protocols, names, caller IDs (a tenth unknown) and changers. */
export async function fillPhones(db: Db, rows: number): Promise<void> {
  await db.execute(sql`
    insert into ${phones} (server_ip, extension, login, protocol, full_name, voicemail_id, outbound_cid, active, updated_by, updated_at)
    select
      '10.10.1.' || (i % 40),
      (1000 + i)::text,
      'ph' || (1000 + i),
      (array['SIP', 'SIP', 'PJSIP', 'IAX2'])[1 + i % 4],
      case when i % 10 = 0 then null else (array['Front desk', 'Sales', 'Support', 'Billing', 'Agent'])[1 + i % 5] || ' ' || i end,
      case when i % 3 = 0 then null else (1000 + i)::text end,
      case when i % 10 = 1 then null else (7270000000::bigint + i * 13)::text end,
      case when i % 9 = 0 then 'N' else 'Y' end,
      'it' || (i % 12),
      now() - i * interval '41 seconds'
    from generate_series(1, ${rows}) as i
    on conflict do nothing`);
  await db.execute(sql`analyze ${phones}`);
}
