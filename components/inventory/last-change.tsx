import { Link } from "@/components/ui/link";
import type { ReactElement } from "react";
import { Badge } from "@/components/ui";
import { Time } from "@/components/ui/time";
import type { LastChange } from "@/lib/inventory/last-change";

/** "Last changed <when> by <who>, in the dashboard / outside the dashboard", with the record's audit entries one click away. */
export function LastChangeLine({ change, showAuditLink }: { change: LastChange; showAuditLink: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      {change.where === "unknown" ? (
        <span>
          Listed <Time value={change.at} /> by {change.by}; when VICIdial last changed it is not known
        </span>
      ) : (
        <span>
          Last changed <Time value={change.at} /> by {change.by}
        </span>
      )}
      {change.where === "dashboard" && <Badge>In the dashboard</Badge>}
      {change.where === "outside" && <Badge tone="amber">Outside the dashboard</Badge>}
      {showAuditLink && (
        <Link href={change.auditHref} className="text-sm underline">
          Its audit entries
        </Link>
      )}
    </span>
  );
}

/** A setting of a record whose settings were never read from VICIdial: unknown, never shown as empty. */
export function Unknown() {
  return <span className="italic text-slate-500 dark:text-slate-400">unknown</span>;
}

/** The value as the detail lists show it: unknown while the record's settings are not known. */
export function knownValue<T>(settingsKnown: boolean, value: T): T | ReactElement {
  return settingsKnown || (value !== null && value !== undefined && value !== "") ? value : <Unknown />;
}

/** Said once above the details of such a record. */
export function SettingsUnknownNote({ what }: { what: string }) {
  return (
    <p className="mb-4 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-800/40 dark:text-slate-300">
      VICIdial has this {what}, but its settings have not been read from VICIdial: each shows as unknown until someone sets it here (or the cluster sync reads
      them). Editing and deleting work as usual.
    </p>
  );
}
