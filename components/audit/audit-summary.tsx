import type { EntryDescription } from "@/lib/audit/changes";

/**
 * What an entry did, in words: the action's name and, below it, what changed ("Route: In-group
 * TEST_IN → Extension 8300") or the message. Used by the audit list and every history panel.
 * Takes the words made on the server (describeEntry), so a panel in the browser does not ship
 * every resource's field labels.
 */
export function AuditSummary({ description: { label, details } }: { description: EntryDescription }) {
  return (
    <>
      <span className="font-medium">{label}</span>
      {details.length > 0 && (
        <ul className="mt-0.5 space-y-0.5 text-xs text-slate-600 dark:text-slate-400">
          {details.map((line, i) => (
            <li key={i} className="break-words">
              {line}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
