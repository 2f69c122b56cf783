import { buttonClass } from "./button";

/**
 * "Export CSV" for a list: the export route with the page's own URL parameters (search, filters,
 * sort), so the file holds exactly the rows the filters select, on every page. A plain link:
 * the export is a file download, not a page for the client router.
 */
export function ExportLink({ href, params, label = "Export CSV" }: { href: string; params: Record<string, string | undefined>; label?: string }) {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[0] !== "page" && e[1] !== undefined && e[1] !== "")).toString();
  return (
    <a href={query ? `${href}?${query}` : href} download className={buttonClass("secondary")}>
      {label}
    </a>
  );
}
