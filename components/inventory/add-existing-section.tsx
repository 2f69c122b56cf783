import { clusterReadsEnabled } from "@/lib/cluster/reader";
import { AddExistingForm } from "./add-existing-form";

const SUMMARIES = {
  did: "Add an existing DID to the list",
  phone: "Add an existing phone to the list",
  alias: "Add an existing phone alias to the list",
} as const;

/** Without cluster reads only: with them, the sync lists everything VICIdial holds. */
export function AddExistingSection({ kind }: { kind: keyof typeof SUMMARIES }) {
  let reads = false;
  try {
    reads = clusterReadsEnabled();
  } catch {
    // A reader that cannot be set up reads nothing: the lists then rely on this form as before.
  }
  if (reads) return null;
  return (
    <details className="mb-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <summary className="cursor-pointer text-sm font-medium">{SUMMARIES[kind]}</summary>
      <div className="mt-4">
        <AddExistingForm kind={kind} />
      </div>
    </details>
  );
}
