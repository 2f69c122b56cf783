import { Link } from "@/components/ui/link";
import { Card, EmptyState, Table, Td, Th } from "@/components/ui";
import { Time } from "@/components/ui/time";
import { cidGroupsWithIdleEntries } from "@/lib/cid-groups/inventory";
import { didsRoutedToInactivePhones, unknownTargetRoutes } from "@/lib/overview/routing";
import { ROUTE_LABELS, type DidRoute } from "@/lib/dids/fields";
import { SectionLink } from "./section-link";

/** CID groups whose last read found entries without a call today: candidates to retire. */
export async function IdleCidEntriesCard() {
  const groups = await cidGroupsWithIdleEntries();
  return (
    <Card title="CID groups with entries nobody uses" actions={<SectionLink href="/cid-groups">All CID groups</SectionLink>}>
      {groups.length === 0 ? (
        <EmptyState title="No unused entries seen">
          Each time a group is opened, the dashboard notes which of its entries had no call today (VICIdial&apos;s calls-today count). Open a group to check it.
        </EmptyState>
      ) : (
        <Table caption="CID groups with entries that had no call today">
          <thead>
            <tr>
              <Th>Group</Th>
              <Th className="text-right">Entries with no call today</Th>
              <Th>As of</Th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.id}>
                <Td>
                  <Link href={`/cid-groups/${encodeURIComponent(group.id)}`} className="font-mono text-brand-600 hover:underline dark:text-brand-100">
                    {group.id}
                  </Link>
                </Td>
                <Td className="text-right tabular-nums">
                  {group.idleEntryCount} of {group.entryCount}
                </Td>
                <Td>
                  <Time value={group.lastReadAt} relative />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}

/** DIDs that ring an inactive phone, and an honest word on the targets the dashboard cannot check. */
export async function DidTargetsCard() {
  const [inactive, unknown] = await Promise.all([didsRoutedToInactivePhones(), unknownTargetRoutes()]);
  const unknownTotal = unknown.reduce((sum, r) => sum + r.n, 0);
  return (
    <Card title="DIDs routed to inactive targets" actions={<SectionLink href="/dids">All DIDs</SectionLink>}>
      {inactive.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No DID rings a phone that is marked inactive here.</p>
      ) : (
        <Table caption="DIDs that ring an inactive phone">
          <thead>
            <tr>
              <Th>DID</Th>
              <Th>Rings phone</Th>
              <Th>Description</Th>
            </tr>
          </thead>
          <tbody>
            {inactive.map((did) => (
              <tr key={did.didPattern}>
                <Td>
                  <Link href={`/dids/${encodeURIComponent(did.didPattern)}`} className="font-mono text-brand-600 hover:underline dark:text-brand-100">
                    {did.didPattern}
                  </Link>
                </Td>
                <Td className="font-mono">
                  {did.phoneExtension}
                  {did.serverIp ? ` on ${did.serverIp}` : ""}
                </Td>
                <Td>{did.description ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {unknownTotal > 0 && (
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400" data-testid="unknown-targets">
          Not checked: {unknown.map((r) => `${r.n} to ${(ROUTE_LABELS[r.route as DidRoute] ?? r.route).toLowerCase()} targets`).join(", ")}. Whether an in-group, call menu, extension,
          voicemail box or agent is active is known only to VICIdial&apos;s database, which this dashboard does not read yet; phones are checked against the phones managed here.
        </p>
      )}
    </Card>
  );
}
