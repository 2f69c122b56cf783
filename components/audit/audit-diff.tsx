import { Table, Td, Th } from "@/components/ui";
import type { FieldChange } from "@/lib/audit/changes";

const empty = <span className="text-slate-400">—</span>;

/** The field-by-field diff of one entry: each changed field with its value before and after. */
export function AuditDiff({ changes, caption }: { changes: FieldChange[]; caption: string }) {
  if (changes.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No field changed in this entry.</p>;
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Field</Th>
          <Th>Before</Th>
          <Th>After</Th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.key}>
            <th scope="row" className="border-b border-slate-100 px-3 py-2 text-left align-top font-medium dark:border-slate-800/60">
              {change.label}
            </th>
            <Td className="break-words">
              {change.before === null ? empty : <del className="rounded bg-red-50 px-1 no-underline dark:bg-red-950/40">{change.before}</del>}
            </Td>
            <Td className="break-words">
              {change.after === null ? empty : <ins className="rounded bg-green-50 px-1 no-underline dark:bg-green-950/40">{change.after}</ins>}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
