import { clusterReadsConfigured } from "@/lib/cluster/status";
import { AddExistingForm } from "./add-existing-form";

const SUMMARIES = {
  did: "Add an existing DID to the list",
  phone: "Add an existing phone to the list",
  alias: "Add an existing phone alias to the list",
} as const;

/** Without cluster reads only: with them, the sync lists everything VICIdial holds. */
export function AddExistingSection({ kind }: { kind: keyof typeof SUMMARIES }) {
  if (clusterReadsConfigured()) return null;
  return (
    <details className="mb-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <summary className="cursor-pointer text-sm font-medium">{SUMMARIES[kind]}</summary>
      <div className="mt-4">
        <AddExistingForm kind={kind} />
      </div>
    </details>
  );
}
