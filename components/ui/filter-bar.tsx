import type { ReactNode } from "react";
import { buttonClass } from "./button";
import type { SearchParams } from "./url-state";

/**
 * Search and filters as a plain GET form: works without JavaScript, and the resulting URL is the
 * bookmarkable view. Sorting survives a new search; the page resets.
 */
export function FilterBar({ basePath, params, children }: { basePath: string; params: SearchParams; children: ReactNode }) {
  return (
    <form role="search" action={basePath} method="get" className="mb-4 flex flex-wrap items-end gap-3">
      {children}
      {params.sort && <input type="hidden" name="sort" value={params.sort} />}
      {params.dir && <input type="hidden" name="dir" value={params.dir} />}
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
      <a href={basePath} className={buttonClass("ghost")}>
        Clear
      </a>
    </form>
  );
}
