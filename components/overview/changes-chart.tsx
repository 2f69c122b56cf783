import { BarChart } from "@/components/charts/bar-chart";
import { Card } from "@/components/ui";
import type { AuditScope } from "@/lib/audit/scope";
import { auditPerDay } from "@/lib/overview/activity";
import { OVERVIEW_DAYS } from "@/lib/overview/sections";
import { formatDayLabel } from "@/lib/time/format";
import { SectionLink } from "./section-link";

/** Supervisors: how many DID and CID changes went through each day. */
export async function DidCidChangesCard({ zone, scope }: { zone: string; scope: AuditScope }) {
  const { days, series } = await auditPerDay({ keys: ["did", "cid"] as const, by: "resource", days: OVERVIEW_DAYS, zone, scope });
  const didTotal = series.did.reduce((a, b) => a + b, 0);
  const cidTotal = series.cid.reduce((a, b) => a + b, 0);
  return (
    <Card title={`DID and CID changes, last ${OVERVIEW_DAYS} days`} actions={<SectionLink href="/audit?resource=did">DID changes in the audit log</SectionLink>}>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        {didTotal} DID {didTotal === 1 ? "change" : "changes"} and {cidTotal} CID group {cidTotal === 1 ? "change" : "changes"} made through the dashboard, counted on your calendar days ({zone}).
      </p>
      <BarChart
        title={`DID and CID changes per day, last ${OVERVIEW_DAYS} days`}
        summary={`${didTotal} DID changes and ${cidTotal} CID changes in all`}
        categories={days}
        categoryLabels={days.map(formatDayLabel)}
        series={[
          { key: "did", label: "DID changes", values: series.did, fill: "fill-brand-600 dark:fill-brand-500", swatch: "bg-brand-600 dark:bg-brand-500" },
          { key: "cid", label: "CID changes", values: series.cid, fill: "fill-amber-500 dark:fill-amber-400", swatch: "bg-amber-500 dark:bg-amber-400" },
        ]}
      />
    </Card>
  );
}

/** Provisioning: phones added per day, one at a time or by bulk job. */
export async function PhonesPerDayCard({ zone, scope }: { zone: string; scope: AuditScope }) {
  const { days, series } = await auditPerDay({ keys: ["phone.add"] as const, by: "action", days: OVERVIEW_DAYS, zone, scope });
  const total = series["phone.add"].reduce((a, b) => a + b, 0);
  const whose = scope.kind === "own" ? "you added" : "added";
  return (
    <Card title={`Phones added, last ${OVERVIEW_DAYS} days`} actions={<SectionLink href="/phones">All phones</SectionLink>}>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        {total} {total === 1 ? "phone" : "phones"} {whose} through the dashboard, one at a time or by bulk job ({zone} days).
      </p>
      <BarChart
        title={`Phones ${whose} per day, last ${OVERVIEW_DAYS} days`}
        summary={`${total} in all`}
        categories={days}
        categoryLabels={days.map(formatDayLabel)}
        series={[{ key: "phones", label: "Phones added", values: series["phone.add"], fill: "fill-green-600 dark:fill-green-500", swatch: "bg-green-600 dark:bg-green-500" }]}
      />
    </Card>
  );
}
