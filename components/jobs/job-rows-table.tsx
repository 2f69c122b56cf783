"use client";

import { Link } from "@/components/ui/link";
import { Card, EmptyState, Pagination, Table, Td, Th, withParams, type SearchParams } from "@/components/ui";
import { cn } from "@/components/ui/cn";
import { ROW_FILTER_LABELS, type JobProgress, type JobRowPage, type RowFilter } from "@/lib/jobs/views";
import { RowStateBadge } from "./job-status-badge";

const SHOWN_FILTERS: RowFilter[] = ["all", "failed", "problems", "exists", "pending"];

/**
 * Every row's result, a page at a time from the server, filtered by state. The filter and the
 * page live in the URL, so a view of the failures can be bookmarked or shared. `job` and `rows`
 * come from one snapshot (useJobSnapshot), so the filter counts match the rows shown.
 */
export function JobRowsTable({ job, rows, filter, params }: { job: JobProgress; rows: JobRowPage; filter: RowFilter; params: SearchParams }) {
  const basePath = `/jobs/${job.id}`;
  const counts: Partial<Record<RowFilter, number>> = {
    all: job.total,
    failed: job.counts.failed,
    problems: job.counts.failed + job.counts.skipped,
    exists: job.counts.exists,
    pending: job.remaining,
  };

  return (
    <Card title="Rows">
      <nav aria-label="Filter rows" className="mb-3 flex flex-wrap gap-2">
        {SHOWN_FILTERS.map((key) => (
          <Link
            key={key}
            href={withParams(basePath, params, { state: key === "all" ? undefined : key, page: undefined })}
            aria-current={key === filter ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-sm",
              key === filter
                ? "border-brand-600 bg-brand-600 text-white"
                : "border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800",
            )}
          >
            {ROW_FILTER_LABELS[key]} ({counts[key] ?? 0})
          </Link>
        ))}
      </nav>
      {rows.total === 0 ? (
        <EmptyState title={filter === "all" ? "No rows" : `No rows: ${ROW_FILTER_LABELS[filter].toLowerCase()}`}>
          {filter === "failed" || filter === "problems" ? "Nothing has failed so far." : "Choose another filter to see the other rows."}
        </EmptyState>
      ) : (
        <>
          <Table caption="Results per row">
            <thead>
              <tr>
                <Th className="w-16">Row</Th>
                <Th>Item</Th>
                <Th>Result</Th>
                <Th>Message</Th>
              </tr>
            </thead>
            <tbody>
              {rows.rows.map((row) => (
                <tr key={row.seq}>
                  <Td className="tabular-nums">{row.phase === 0 ? row.seq : ""}</Td>
                  <Td className="font-mono text-xs">{row.label}</Td>
                  <Td>
                    <RowStateBadge state={row.state} />
                    {row.uncertain && row.state === "pending" && <span className="ml-1 text-xs text-slate-500">(unknown, checking in VICIdial before resending)</span>}
                  </Td>
                  <Td className="max-w-xl">
                    <span className="break-words">{row.message ?? ""}</span>
                    {row.raw && (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-xs font-medium text-slate-500">Details</summary>
                        <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-950">{row.raw}</pre>
                      </details>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={rows.page} pageSize={rows.pageSize} total={rows.total} params={params} basePath={basePath} />
        </>
      )}
    </Card>
  );
}
