import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import type { ListTotal } from "@/lib/db/paging";
import { withParams, type SearchParams } from "./url-state";

export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="data-table w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

/** Header and body cells take their look from the table (`.data-table` in app/globals.css). */
export function Th({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <th scope="col" className={className}>
      {children}
    </th>
  );
}

export function Td({ children, className }: { children?: ReactNode; className?: string }) {
  return <td className={className}>{children}</td>;
}

/** The URL changes that go back to a list's first page, offset or keyset. */
const FIRST_PAGE: SearchParams = { page: undefined, after: undefined, before: undefined, last: undefined };

/**
 * A column header that sorts the server-side list: a link that keeps every other URL parameter,
 * toggles the direction and resets to page 1, so a sorted view can be bookmarked.
 */
export function SortTh({ label, column, params, basePath }: { label: string; column: string; params: SearchParams; basePath: string }) {
  const active = params.sort === column;
  const dir = active && params.dir !== "desc" ? "desc" : "asc";
  const ariaSort = active ? (params.dir === "desc" ? "descending" : "ascending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort}>
      <Link href={withParams(basePath, params, { sort: column, dir, ...FIRST_PAGE })} className="inline-flex items-center gap-1 hover:underline">
        {label}
        <span aria-hidden className="text-xs">
          {active ? (params.dir === "desc" ? "▼" : "▲") : "↕"}
        </span>
      </Link>
    </th>
  );
}

export function Pagination({ page, pageSize, total, params, basePath }: { page: number; pageSize: number; total: number; params: SearchParams; basePath: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const link = (p: number, label: string, disabled: boolean) =>
    disabled ? (
      <span aria-disabled className="rounded-md px-3 py-1.5 text-slate-400">
        {label}
      </span>
    ) : (
      <Link href={withParams(basePath, params, { page: p === 1 ? undefined : String(p) })} className="rounded-md px-3 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800">
        {label}
      </Link>
    );
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
      <p>
        {from}–{to} of {total.toLocaleString("en-US")}
      </p>
      <div className="flex items-center gap-1">
        {link(page - 1, "Previous", page <= 1)}
        <span>
          Page {page} of {pages}
        </span>
        {link(page + 1, "Next", page >= pages)}
      </div>
    </nav>
  );
}

/** How many rows a list holds as shown: "1,234"; past a capped count "about 100,000" (an estimate) or "more than 1,000". */
export function totalLabel(total: ListTotal): string {
  return `${total.exact ? "" : total.estimated ? "about " : "more than "}${total.count.toLocaleString("en-US")}`;
}

/**
 * Paging for a keyset list (lib/db/paging.ts): First, Previous, Next, Last, each a link that keeps
 * the search, filters and sort; the cursors are the neighbouring rows' keys. No page numbers: a
 * keyset page does not know how many rows lie before it (counting them would cost what an offset does).
 */
export function KeysetPagination({
  shown,
  total,
  previous,
  next,
  params,
  basePath,
}: {
  shown: number;
  total: ListTotal;
  previous?: string;
  next?: string;
  params: SearchParams;
  basePath: string;
}) {
  const link = (changes: SearchParams, label: string, disabled: boolean) =>
    disabled ? (
      <span aria-disabled className="rounded-md px-3 py-1.5 text-slate-400">
        {label}
      </span>
    ) : (
      <Link href={withParams(basePath, params, { ...FIRST_PAGE, ...changes })} className="rounded-md px-3 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800">
        {label}
      </Link>
    );
  return (
    <nav aria-label="Pagination" className="mt-3 flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
      <p>
        {shown.toLocaleString("en-US")} shown of {totalLabel(total)}
      </p>
      <div className="flex items-center gap-1">
        {link({}, "First", previous === undefined)}
        {link({ before: previous }, "Previous", previous === undefined)}
        {link({ after: next }, "Next", next === undefined)}
        {link({ last: "1" }, "Last", next === undefined)}
      </div>
    </nav>
  );
}
