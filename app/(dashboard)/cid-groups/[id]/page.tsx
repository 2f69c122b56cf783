import { dehydrate, QueryClient } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AddToListButton } from "@/components/cid-groups/add-to-list-button";
import { entriesKey, historyKey } from "@/components/cid-groups/keys";
import { RemoveGroupButton } from "@/components/cid-groups/remove-group-button";
import { flattenSearchParams, PageHeader } from "@/components/ui";
import { CidGroupLive } from "@/components/forms";
import { fromVicidial } from "@/lib/actions/from-vicidial";
import { recentChanges } from "@/lib/audit/recent";
import { requirePage } from "@/lib/auth/guard";
import { can, type Role } from "@/lib/auth/permissions";
import { vicidialSource } from "@/lib/auth/source";
import { apiCapability, type ApiCapability } from "@/lib/connection/capabilities";
import { getCidGroup } from "@/lib/cid-groups/inventory";
import { groupIdSchema } from "@/lib/cid-groups/schemas";
import { readWholeGroup } from "@/lib/cid-groups/live-entries";
import { LastChangeLine } from "@/components/inventory/last-change";
import { lastChange } from "@/lib/inventory/last-change";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  return { title: `CID group ${(await params).id}` };
}

/** The live read, and when it was made (the query cache keeps the newer of two reads). */
async function readLive(groupId: string, source: string) {
  const live = await readWholeGroup(groupId, source);
  return { live, readAt: Date.now() };
}

/** The group's recent changes, and when they were read (as for the live read). */
async function readHistory(groupId: string, role: Role) {
  const history = await recentChanges("cid", groupId, role);
  return { history, historyReadAt: Date.now() };
}

/** One group's live entries: read from VICIdial on every open, never from the dashboard's copy. */
export default async function CidGroupPage({ params, searchParams }: Props) {
  const user = await requirePage("/cid-groups/[id]");
  const id = groupIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const groupId = id.data;
  const filter = flattenSearchParams(await searchParams);
  const canWrite = can(user.role, "cid.write");

  const [{ live, readAt }, known, capability, { history, historyReadAt }] = await Promise.all([
    readLive(groupId, vicidialSource(user.username)),
    getCidGroup(groupId),
    canWrite ? apiCapability("cid.modify") : Promise.resolve<ApiCapability>({ allowed: true }),
    readHistory(groupId, user.role),
  ]);
  if (!live.ok && live.code === "NOT_FOUND") notFound();
  const change = known ? await lastChange("cid", known.id, known) : null;
  // Handed to the browser's query cache, replacing whatever an earlier visit left there.
  const queries = new QueryClient();
  if (live.ok) queries.setQueryData(entriesKey(groupId), live.data, { updatedAt: readAt });
  queries.setQueryData(historyKey(groupId), history, { updatedAt: historyReadAt });

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/cid-groups" className="text-brand-600 hover:underline dark:text-brand-500">
          CID groups
        </Link>
      </nav>
      <PageHeader
        title={`CID group ${groupId}`}
        description="The caller IDs VICIdial uses per area code or state for this CID group (or campaign), read live from VICIdial."
        actions={
          canWrite &&
          (known ? <RemoveGroupButton groupId={known.id} afterRemove="/cid-groups" /> : <AddToListButton groupId={groupId} disabledReason={capability.allowed ? undefined : capability.reason} />)
        }
      />
      {change && (
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
          <LastChangeLine change={change} showAuditLink={can(user.role, "audit.view.own")} />
        </p>
      )}
      {!known && (
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">This group exists in VICIdial but is not on the dashboard&apos;s list of CID groups.</p>
      )}
      <CidGroupLive
        groupId={groupId}
        reads={dehydrate(queries)}
        initialError={live.ok ? undefined : fromVicidial(live).error}
        filter={{ areacode: filter.areacode, q: filter.q }}
        rights={{ canWrite, disabledReason: capability.allowed ? undefined : capability.reason }}
      />
    </>
  );
}
