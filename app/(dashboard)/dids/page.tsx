import { DidBulkBar } from "@/components/dids/did-bulk-bar";
import { clusterReadsConfigured } from "@/lib/cluster/status";
import { AddExistingSection } from "@/components/inventory/add-existing-section";
import { ClusterStaleBanner } from "@/components/cluster/stale-banner";
import { DidTable } from "@/components/dids/did-table";
import { Button, ButtonLink, EmptyState, FilterBar, flattenSearchParams, PageHeader } from "@/components/ui";
import { apiCapability } from "@/lib/connection/capabilities";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { didListQuerySchema, listDids } from "@/lib/dids/inventory";
import { DID_ROUTES, ROUTE_LABELS } from "@/lib/dids/schemas";
import { ExportLink } from "@/components/ui/export-link";

export const metadata = { title: "DIDs" };

const control =
  "block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

export default async function DidsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("/dids");
  const params = flattenSearchParams(await searchParams);
  const query = didListQuerySchema.parse(params);
  const [{ rows, total, previous, next }, addCapability] = await Promise.all([listDids(query), apiCapability("dids.add")]);
  const filtered = Boolean(query.q || query.route || query.active);
  const mayWrite = can(user.role, "dids.write");

  const addButton = mayWrite ? (
    addCapability.allowed ? (
      <ButtonLink href="/dids/new">Add DID</ButtonLink>
    ) : (
      <span className="flex flex-col items-end gap-1">
        <Button disabled title={addCapability.reason}>
          Add DID
        </Button>
        <span className="text-xs text-slate-600 dark:text-slate-400">VICIdial&apos;s API user cannot add DIDs: {addCapability.reason}</span>
      </span>
    )
  ) : null;

  return (
    <>
      <PageHeader
        title="DIDs"
        description={
          clusterReadsConfigured()
            ? "Inbound numbers and where VICIdial routes them: every DID VICIdial holds, read from its database, changed through its API."
            : "Inbound numbers and where VICIdial routes them. The list holds the DIDs this dashboard has added, copied or changed, and those added to it by hand."
        }
        actions={
          <>
            <ExportLink href="/dids/export.csv" params={params} />
            {addButton}
          </>
        }
      />
      <FilterBar basePath="/dids" params={params}>
        <div className="space-y-1">
          <label htmlFor="did-search" className="block text-sm font-medium">
            Search
          </label>
          <input id="did-search" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Pattern or description" className={`${control} w-64`} />
        </div>
        <div className="space-y-1">
          <label htmlFor="did-route" className="block text-sm font-medium">
            Route
          </label>
          <select id="did-route" name="route" defaultValue={query.route ?? ""} className={control}>
            <option value="">Any route</option>
            {DID_ROUTES.map((route) => (
              <option key={route} value={route}>
                {ROUTE_LABELS[route]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="did-active" className="block text-sm font-medium">
            Active
          </label>
          <select id="did-active" name="active" defaultValue={query.active ?? ""} className={control}>
            <option value="">Active or not</option>
            <option value="Y">Active</option>
            <option value="N">Inactive</option>
          </select>
        </div>
      </FilterBar>
      <ClusterStaleBanner />
      {mayWrite && <AddExistingSection kind="did" />}

      {rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No DIDs match" action={<ButtonLink href="/dids" variant="secondary">Clear search and filters</ButtonLink>}>
            Nothing in the list matches this search and these filters.
          </EmptyState>
        ) : (
          <EmptyState title="No DIDs known yet" action={addButton}>
            <p>
              VICIdial&apos;s API cannot list DIDs, so this list holds the DIDs added, copied or changed through this dashboard, each recorded once
              VICIdial confirmed it.
            </p>
            {mayWrite && <p className="mt-2">Add a DID to start the list.</p>}
          </EmptyState>
        )
      ) : (
        <>
          {mayWrite && <DidBulkBar canDelete={can(user.role, "dids.delete")} />}
          <DidTable rows={rows} total={total} previous={previous} next={next} params={{ ...params, sort: query.sort, dir: query.dir }} selectable={mayWrite} />
        </>
      )}
    </>
  );
}
