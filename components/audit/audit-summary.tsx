import { actionLabel } from "@/lib/audit/actions";
import { entrySummary, type ChangeSource } from "@/lib/audit/changes";

/**
 * What an entry did, in words: the action's name and, below it, what changed ("Route: In-group
 * TEST_IN → Extension 8300") or the message. Used by the audit list and every history panel.
 */
export function AuditSummary({ entry, showAction = true }: { entry: ChangeSource & { message?: string | null }; showAction?: boolean }) {
  const lines = entrySummary(entry);
  const label = actionLabel(entry.action);
  const details = lines.length === 1 && lines[0] === label ? [] : lines;
  return (
    <>
      {showAction && <span className="font-medium">{label}</span>}
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
