import { Button, Card, Table, Td, Th } from "@/components/ui";
import type { CellError, ColumnSpec, DryRun } from "@/lib/jobs/prepare";

/** The problems listed at most; the count says how many more there are. */
const SHOWN_ERRORS = 200;

/**
 * The dry run's verdict: counts, every problem by row and cell (with the closest value VICIdial
 * keeps, one click to take it, or all at once), then what was cleaned or deserves a warning.
 */
export function DryRunReport({
  dry,
  columns,
  rowNouns,
  onUseSuggestions,
}: {
  dry: DryRun;
  columns: readonly ColumnSpec[];
  rowNouns: string;
  onUseSuggestions: (changes: readonly CellError[]) => void;
}) {
  const suggested = dry.errors.filter((error) => error.suggestion !== undefined);
  const labelOf = (key: string | undefined) => columns.find((column) => column.key === key)?.label ?? "Whole row";
  const settingProblems = Object.entries(dry.fieldErrors).filter(([key]) => key.startsWith("options."));
  const mappingProblems = Object.entries(dry.fieldErrors).filter(([key]) => key.startsWith("mapping."));
  const invalid = dry.total - dry.valid;
  return (
    <Card title="Dry run">
      <div className="space-y-4" aria-live="polite">
        {dry.fileError ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {dry.fileError}
          </p>
        ) : mappingProblems.length > 0 ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Choose a file column for every required field above.
          </p>
        ) : (
          <p role="status" className="text-sm">
            <strong>{dry.total}</strong> {dry.total === 1 ? "row" : "rows"} in the file: <strong>{dry.valid}</strong> ready
            {invalid > 0 ? (
              <>
                , <strong className="text-red-700 dark:text-red-400">{invalid}</strong> with errors (they will be skipped)
              </>
            ) : null}
            . Nothing was sent to VICIdial.
            {dry.valid === 0 && ` No ${rowNouns} can be sent: fix the file and check again.`}
          </p>
        )}
        {settingProblems.length > 0 && (
          <ul role="alert" className="list-inside list-disc text-sm text-red-700 dark:text-red-400">
            {settingProblems.map(([key, message]) => (
              <li key={key}>{message}</li>
            ))}
          </ul>
        )}
        {dry.errors.length > 0 && (
          <>
            <Table caption="Problems found in the dry run">
              <thead>
                <tr>
                  <Th className="w-16">Row</Th>
                  <Th>Column</Th>
                  <Th>Value</Th>
                  <Th>Problem</Th>
                </tr>
              </thead>
              <tbody>
                {dry.errors.slice(0, SHOWN_ERRORS).map((error, index) => (
                  <tr key={index}>
                    <Td className="tabular-nums">{error.row}</Td>
                    <Td>{labelOf(error.column)}</Td>
                    <Td className="font-mono text-xs">{error.value ?? ""}</Td>
                    <Td>
                      {error.message}
                      {error.suggestion !== undefined && (
                        <Button size="sm" variant="secondary" className="ml-2 mt-1" onClick={() => onUseSuggestions([error])} aria-label={`Row ${error.row}: use “${error.suggestion}”`}>
                          Use “{error.suggestion}”
                        </Button>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
            {suggested.length > 1 && (
              <Button variant="secondary" onClick={() => onUseSuggestions(suggested)}>
                Use the {suggested.length} suggested values
              </Button>
            )}
            {dry.errors.length > SHOWN_ERRORS && (
              <p className="text-sm text-slate-600 dark:text-slate-400">…and {dry.errors.length - SHOWN_ERRORS} more problems.</p>
            )}
          </>
        )}
        {dry.notes.length > 0 && (
          <Table caption="Cleaned or worth a look (these rows will be sent)">
            <thead>
              <tr>
                <Th className="w-16">Row</Th>
                <Th>Column</Th>
                <Th>In the file</Th>
                <Th>Note</Th>
              </tr>
            </thead>
            <tbody>
              {dry.notes.slice(0, SHOWN_ERRORS).map((note, index) => (
                <tr key={index}>
                  <Td className="tabular-nums">{note.row}</Td>
                  <Td>{labelOf(note.column)}</Td>
                  <Td className="font-mono text-xs">{note.value}</Td>
                  <Td className={note.tone === "warning" ? "text-amber-800 dark:text-amber-300" : undefined}>{note.message}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </Card>
  );
}
