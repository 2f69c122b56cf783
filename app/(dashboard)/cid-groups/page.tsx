import { ClusterStaleBanner } from "@/components/cluster/stale-banner";
import { Link } from "@/components/ui/link";
import { AddGroupForm } from "@/components/forms";
import { RemoveGroupButton } from "@/components/cid-groups/remove-group-button";
import { Card, EmptyState, Field, FilterBar, flattenSearchParams, KeysetPagination, PageHeader, SortTh, Table, Td, Th } from "@/components/ui";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { apiCapability, type ApiCapability } from "@/lib/connection/capabilities";
import { cidGroupListQuery, listCidGroups } from "@/lib/cid-groups/inventory";
import { Time } from "@/components/ui/time";

export const metadata = { title: "CID groups" };

const BASE = "/cid-groups";

export default async function CidGroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePage("/cid-groups");
  const params = flattenSearchParams(await searchParams);
  const query = cidGroupListQuery(params);
  const canWrite = can(user.role, "cid.write");
  const [{ rows, total, previous, next }, capability] = await Promise.all([
    listCidGroups(query),
    canWrite ? apiCapability("cid.modify") : Promise.resolve<ApiCapability>({ allowed: true }),
  ]);
  const sortParams = { ...params, sort: query.sort };

  return (
    <>
      <PageHeader
        title="CID groups"
        description="The CID groups and campaigns whose area-code caller ID lists this dashboard manages. VICIdial's API cannot list or create CID groups, so a group appears here once someone adds its ID; entry counts are from the last time the entries were read."
      />
      {canWrite && (
        <Card title="Add a CID group to this list" className="mb-6">
          <AddGroupForm disabledReason={capability.allowed ? undefined : capability.reason} />
        </Card>
      )}
      <FilterBar basePath={BASE} params={sortParams}>
        <Field label="Search group ID">{(p) => <input {...p} name="q" type="search" defaultValue={params.q ?? ""} />}</Field>
      </FilterBar>
      <ClusterStaleBanner />
      {rows.length === 0 ? (
        params.q ? (
          <EmptyState title="No CID group matches this search">
            <Link href={BASE} className="underline">
              Show every group
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No CID groups on the list yet">
            {canWrite
              ? "Add the ID of a CID group or campaign that exists in VICIdial with the form above; its entries can then be managed here."
              : "A supervisor or admin adds CID groups to this list."}
          </EmptyState>
        )
      ) : (
        <>
          <Table caption="CID groups the dashboard knows">
            <thead>
              <tr>
                <SortTh label="Group ID" column="id" params={sortParams} basePath={BASE} />
                <SortTh label="Entries (last read)" column="entries" params={sortParams} basePath={BASE} />
                <SortTh label="Last read" column="lastRead" params={sortParams} basePath={BASE} />
                <SortTh label="Added or changed" column="updated" params={sortParams} basePath={BASE} />
                {canWrite && (
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((group) => (
                <tr key={group.id}>
                  <Td>
                    <Link href={`${BASE}/${encodeURIComponent(group.id)}`} className="font-medium text-brand-600 hover:underline dark:text-brand-500">
                      {group.id}
                    </Link>
                  </Td>
                  <Td>{group.entryCount ?? <span className="text-slate-500 dark:text-slate-400">Not read yet</span>}</Td>
                  <Td>{group.lastReadAt ? <Time value={group.lastReadAt} relative /> : "Never"}</Td>
                  <Td>
                    <Time value={group.updatedAt} /> <span className="text-slate-500 dark:text-slate-400">by {group.updatedBy}</span>
                  </Td>
                  {canWrite && (
                    <Td className="text-right">
                      <RemoveGroupButton groupId={group.id} />
                    </Td>
                  )}
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
