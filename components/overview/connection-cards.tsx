import { Link } from "@/components/ui/link";
import { AuditTable } from "@/components/audit/audit-table";
import { Badge, Card, DetailList, Table, Td, Th } from "@/components/ui";
import { Time, VicidialTime } from "@/components/ui/time";
import { listAudit } from "@/lib/audit/queries";
import type { AuditScope } from "@/lib/audit/scope";
import { can, type Role } from "@/lib/auth/permissions";
import { connectionStatus } from "@/lib/connection/status";
import { inventoryCounts } from "@/lib/inventory/counts";

const credentialWords = {
  ok: "The API login works",
  incorrect: "VICIdial refused the API login: check VICIDIAL_API_USER and VICIDIAL_API_PASS",
  locked: "VICIdial has locked the API user after too many failed logins (15 minutes)",
  ip_blocked: "VICIdial does not allow API calls from this server's IP address",
  unknown: "Not checked: VICIdial did not answer",
} as const;

/** Admins: the VICIdial connection, what the dashboard manages, and what the API user may do. */
export async function ConnectionCards({ role }: { role: Role }) {
  const [status, counts] = await Promise.all([connectionStatus(), inventoryCounts()]);
  const tiles = [
    { label: "DIDs", value: counts.dids, href: "/dids", show: can(role, "dids.view") },
    { label: "Phones", value: counts.phones, href: "/phones", show: can(role, "phones.view") },
    { label: "Phone aliases", value: counts.aliases, href: "/aliases", show: can(role, "phones.view") },
    { label: "CID groups", value: counts.cidGroups, href: "/cid-groups", show: can(role, "cid.view") },
  ].filter((t) => t.show);
  return (
    <>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="VICIdial connection" className="lg:col-span-2">
          <div className="mb-4 flex flex-wrap items-center gap-2">
            {status.reachable ? <Badge tone="green">Reachable</Badge> : <Badge tone="red">Unreachable</Badge>}
            {status.simulated && <Badge tone="blue">Built-in simulator (demo data)</Badge>}
          </div>
          {!status.reachable && status.error && (
            <p role="alert" className="mb-4 text-sm text-red-700 dark:text-red-400">
              {status.error.message}
            </p>
          )}
          <DetailList
            items={[
              { label: "API endpoint", value: <code className="text-xs">{status.endpoint}</code> },
              { label: "Version", value: status.version },
              { label: "Build", value: status.build },
              { label: "Server time zone (GMT offset)", value: status.timeZone },
              { label: "Server time", value: status.serverTime ? <VicidialTime value={status.serverTime} label={false} /> : null },
              { label: "API login", value: credentialWords[status.credentials] },
            ]}
          />
          <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">Checked <Time value={status.checkedAt} relative /></p>
        </Card>
        <Card title="Managed here">
          <ul className="grid grid-cols-2 gap-3">
            {tiles.map((t) => (
              <li key={t.label}>
                <Link href={t.href} className="block rounded-md border border-slate-200 p-3 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800">
                  <span className="block text-2xl font-semibold">{t.value.toLocaleString("en-US")}</span>
                  <span className="text-sm text-slate-600 dark:text-slate-400">{t.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <div className="mt-6">
        <Card title="What the VICIdial API user may do">
          {status.capabilities.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">Not known until VICIdial answers and accepts the API login.</p>
          ) : (
            <Table caption="VICIdial API user capabilities">
              <thead>
                <tr>
                  <Th>Capability</Th>
                  <Th>Allowed</Th>
                  <Th>Why</Th>
                </tr>
              </thead>
              <tbody>
                {status.capabilities.map((c) => (
                  <tr key={c.key}>
                    <Td>{c.label}</Td>
                    <Td>{c.allowed ? <Badge tone="green">Yes</Badge> : <Badge tone="red">No</Badge>}</Td>
                    <Td className="text-slate-600 dark:text-slate-400">{c.reason ?? ""}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {status.rightsFrom && (
            <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
              {status.rightsFrom === "database"
                ? "Read from the API user's record in VICIdial's database."
                : "Checked by asking VICIdial's API at start, when the settings change, on “Check again” and at most hourly; each check leaves lines in VICIdial's API log."}
            </p>
          )}
        </Card>
      </div>
    </>
  );
}

/** Admins: the latest changes, sign-ins left out. */
export async function RecentChangesCard({ scope }: { scope: AuditScope }) {
  const recent = await listAudit({}, scope, { pageSize: 8 });
  return (
    <Card title="Recent changes" actions={<Link href="/audit" className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-100">Open the audit log</Link>}>
            {recent.rows.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">Nothing yet. Changes made through the dashboard appear here with who made them.</p>
            ) : (
              <AuditTable rows={recent.rows} caption="Recent changes" />
            )}
    </Card>
  );
}
