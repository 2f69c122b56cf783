/** One JSON value of an entry (parameters, before, after), readable and already redacted. */
export function AuditJson({ label, value }: { label: string; value: unknown }) {
  return (
    <section>
      <h3 className="text-sm font-semibold">{label}</h3>
      {value === null || value === undefined ? (
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">None</p>
      ) : (
        <pre className="mt-1 max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-100 p-3 font-mono text-xs dark:bg-slate-800">
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </section>
  );
}
