import { DetailList } from "@/components/ui";
import { fieldLabel } from "@/lib/audit/changes";

const shown = (value: unknown) => (value === null ? "cleared" : Array.isArray(value) ? value.join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value));

/** What the user asked for (the action's parameters, already redacted), one labelled value each. */
export function AuditParams({ resource, params }: { resource: string; params: Record<string, unknown> | null }) {
  const entries = Object.entries(params ?? {}).filter(([, value]) => value !== undefined && value !== "");
  if (entries.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No parameters.</p>;
  return <DetailList items={entries.map(([key, value]) => ({ label: fieldLabel(resource, key), value: <span className="break-all">{shown(value)}</span> }))} />;
}
