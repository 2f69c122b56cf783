import { clusterReadsConfigured } from "@/lib/cluster/status";
import { AddExistingSection } from "@/components/inventory/add-existing-section";
import { Unknown } from "@/components/inventory/last-change";
import { ClusterStaleBanner } from "@/components/cluster/stale-banner";
import { Link } from "@/components/ui/link";
import { Button, ButtonLink, EmptyState, Field, FilterBar, flattenSearchParams, KeysetPagination, PageHeader, SortTh, Table, Td } from "@/components/ui";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { apiCapability, type ApiCapability } from "@/lib/connection/capabilities";
import { aliasListQuery, listAliases } from "@/lib/aliases/inventory";
import { splitLogins } from "@/lib/aliases/schemas";
import { Time } from "@/components/ui/time";
import { ExportLink } from "@/components/ui/export-link";

export const metadata = { title: "Phone aliases" };

const BASE = "/aliases";

export default async function AliasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("/aliases");
  const params = flattenSearchParams(await searchParams);
  const query = aliasListQuery(params);
  const canWrite = can(user.role, "phones.write");
  const [{ rows, total, previous, next }, addCapability] = await Promise.all([
    listAliases(query),
    canWrite ? apiCapability("aliases.add") : Promise.resolve<ApiCapability>({ allowed: true }),
  ]);
  const sortParams = { ...params, sort: query.sort };
  const th = (label: string, column: string) => <SortTh label={label} column={column} params={sortParams} basePath={BASE} />;
  const addButton = addCapability.allowed ? (
    <ButtonLink href="/aliases/new">Add alias</ButtonLink>
  ) : (
    <span className="flex items-center gap-2">
      <Button disabled title={addCapability.reason}>
        Add alias
      </Button>
      <span className="text-sm text-slate-600 dark:text-slate-400">Not available: {addCapability.reason}</span>
    </span>
  );

  return (
    <>
      <PageHeader
        title="Phone aliases"
        description={
          clusterReadsConfigured()
            ? "One login that rings several phones: every phone alias VICIdial holds, read from its database."
            : "One login that rings several phones. These are the aliases this dashboard knows: those added or changed here, and those added to the list by hand."
        }
        actions={
          <>
            <ExportLink href="/aliases/export.csv" params={params} />
            {canWrite && addButton}
          </>
        }
      />
      <FilterBar basePath={BASE} params={sortParams}>
        <Field label="Search">{(p) => <input {...p} name="q" type="search" defaultValue={params.q ?? ""} placeholder="Alias ID, name or login" />}</Field>
      </FilterBar>
      <ClusterStaleBanner />
      {canWrite && <AddExistingSection kind="alias" />}
      {rows.length === 0 ? (
        params.q ? (
          <EmptyState title="No alias matches this search">
            <Link href={BASE} className="underline">
              Show every alias
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No phone aliases yet" action={canWrite && addCapability.allowed ? addButton : undefined}>
            {canWrite ? "Add an alias to ring several phones through one login." : "Aliases appear here once an IT (provisioning) user or an admin adds them."}
          </EmptyState>
        )
      ) : (
        <>
          <Table caption="Phone aliases the dashboard knows">
            <thead>
              <tr>
                {th("Alias ID", "id")}
                {th("Name", "name")}
                {th("Phone logins", "logins")}
                {th("Last changed", "updated")}
              </tr>
            </thead>
            <tbody>
              {rows.map((alias) => (
                <tr key={alias.aliasId}>
                  <Td>
                    <Link href={`${BASE}/${encodeURIComponent(alias.aliasId)}`} className="font-medium text-brand-600 hover:underline dark:text-brand-500">
                      {alias.aliasId}
                    </Link>
                  </Td>
                  <Td>{alias.settingsKnown || alias.aliasName ? alias.aliasName : <Unknown />}</Td>
                  <Td className="font-mono text-xs">{alias.settingsKnown || alias.phoneLogins ? splitLogins(alias.phoneLogins).join(", ") : <Unknown />}</Td>
                  <Td className="whitespace-nowrap">
                    <Time value={alias.updatedAt} />
                    <span className="block text-xs text-slate-500 dark:text-slate-400">by {alias.updatedBy}</span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <KeysetPagination shown={rows.length} total={total} previous={previous} next={next} params={sortParams} basePath={BASE} />
        </>
      )}
    </>
  );
}
