import "server-only";
import { route } from "@/lib/actions/route";
import type { Permission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { csvLines, exportFileName } from "./csv";

/** How many rows one export pulls from the list query at a time, and at most. */
export const EXPORT_BATCH = 500;
export const EXPORT_MAX_ROWS = 100_000;

export interface ListExport<R> {
  /** The file name's first part: "dids". */
  list: string;
  permission: Permission;
  columns: readonly string[];
  /** One page of the list with the page's filters, as the page itself reads it; `previous` is the last row of the batch before (a keyset list's cursor). */
  page: (params: Record<string, string>, page: number, pageSize: number, user: CurrentUser, previous: R | undefined) => Promise<R[]>;
  record: (row: R) => unknown[];
}

/**
 * A list as CSV with the filters of the URL it was asked from: the same list query as the page,
 * a batch at a time, streamed, behind route()'s checks with the list's permission.
 */
export function listExportRoute<R>(spec: ListExport<R>) {
  return route({ access: spec.permission }, async (request, { user }) => {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    for (const position of ["page", "after", "before", "last"]) delete params[position];

    const encoder = new TextEncoder();
    let page = 0;
    let sent = 0;
    let done = false;
    let previous: R | undefined;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (done) return controller.close();
        page += 1;
        const rows = await spec.page(params, page, EXPORT_BATCH, user, previous);
        previous = rows.at(-1);
        sent += rows.length;
        done = rows.length < EXPORT_BATCH || sent >= EXPORT_MAX_ROWS;
        controller.enqueue(encoder.encode(csvLines(spec.columns, rows.map(spec.record), { header: page === 1 })));
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${exportFileName(spec.list)}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
