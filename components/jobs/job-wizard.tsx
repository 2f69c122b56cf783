"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { useForm, type UseFormReturn } from "react-hook-form";
import { useActionForm } from "@/components/ui/use-action";
import { startAgentJobAction, startCidJobAction, startDidCopyJobAction, startDidJobAction } from "@/app/(dashboard)/jobs/actions";
import { registerShown } from "@/components/ui/register-shown";
import { Button, Card, Checkbox, ErrorCallout, Field, Select } from "@/components/ui";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";
import { JOB_KIND_INFO, MAX_JOB_ROWS, type FileJobKind } from "@/lib/jobs/kinds";
import type { ColumnMapping, DryRun } from "@/lib/jobs/prepare";
import { fileColumnNames, guessMapping, looksLikeHeader, type ColumnSpec } from "@/lib/jobs/prepare/columns";
import { TIME_ZONES } from "@/lib/phones/time-zones";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { DryRunReport } from "./dry-run-report";
import { rememberMapping, rememberedMapping } from "./mapping-memory";
import { countOf } from "@/lib/text/plural";

type OptionValues = Record<string, string>;

/**
 * The CSV parser (papaparse) and the dry run (every job kind's schemas, with zod) load when the
 * wizard first needs them, a file picked or pasted or the settings checked, not with the page.
 */
const loadCsv = () => import("@/lib/jobs/csv");
const loadPrepare = () => import("@/lib/jobs/prepare");

/** The kind's file layout (from its job spec, read on the server): the columns and their order without a header. */
export interface WizardLayout {
  columns: readonly ColumnSpec[];
  positional: readonly string[];
}

export interface WizardChoices {
  /** CID groups the dashboard knows. */
  groups: string[];
  /** Servers of known phones. */
  servers: string[];
  /** Known DIDs, to copy from. */
  dids: string[];
}

const STARTERS: Record<FileJobKind, (prev: unknown, input: never) => Promise<ActionResult<{ jobId: string }>>> = {
  dids: startDidJobAction,
  "did-copy": startDidCopyJobAction,
  cid: startCidJobAction,
  agents: startAgentJobAction,
};

function defaultsFor(kind: FileJobKind, choices: WizardChoices): OptionValues {
  switch (kind) {
    case "cid":
      return { groupId: "" };
    case "did-copy":
      return { sourceDidPattern: "", description: "" };
    case "agents":
      return { serverIp: choices.servers[0] ?? "", protocol: "SIP", localGmt: "-5.00", aliasMode: "none", aliasId: "", aliasName: "" };
    case "dids":
      return {};
  }
}

/**
 * A new bulk job: settings, the file (uploaded or pasted), which file column is which, a dry run
 * that checks every row with the single forms' schemas without sending anything, then the start,
 * after a confirmation that gives the counts.
 */
export function JobWizard({ kind, choices, layout: spec }: { kind: FileJobKind; choices: WizardChoices; layout: WizardLayout }) {
  const router = useRouter();
  const info = JOB_KIND_INFO[kind];
  const [resolver] = useState(() => lazyZodResolver<OptionValues, Record<string, unknown>>(() => loadPrepare().then((m) => m.JOB_SPECS[kind].optionsSchema as never)));
  const form = useForm<OptionValues, unknown, Record<string, unknown>>({ resolver, defaultValues: defaultsFor(kind, choices) });
  const [text, setText] = useState("");
  /** The file's lines as last parsed; `parsed.current` is the newest, for a parse that lands after another. */
  const [lines, setLines] = useState<string[][]>([]);
  const parsed = useRef<{ lines: string[][]; hasHeader: boolean }>({ lines: [], hasHeader: false });
  const [fileName, setFileName] = useState<string | null>(null);
  const [hasHeader, setHasHeader] = useState(false);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [checked, setChecked] = useState<{ dry: DryRun; options: Record<string, unknown> } | null>(null);
  const [confirming, setConfirming] = useState(false);

  const {
    run: send,
    pending: starting,
    error,
    clearError,
  } = useActionForm(form, STARTERS[kind], {
    fields: Object.keys(form.getValues()),
    prefix: "options.",
    onSuccess: (data) => {
      rememberMapping(kind, mapping, lines, hasHeader);
      router.push(`/jobs/${data.jobId}`);
    },
    onFailure: () => setConfirming(false),
  });
  const columnNames = fileColumnNames(lines, hasHeader);
  const sample = (hasHeader ? lines[1] : lines[0]) ?? [];

  /**
   * New text: the header and the mapping are guessed again only when the file's shape changed.
   * The text shows at once (the textarea is controlled); its lines follow once the parser is in.
   */
  async function takeText(next: string, name: string | null) {
    const previousName = fileName;
    setText(next);
    setFileName(name);
    setChecked(null);
    const nextLines = (await loadCsv()).parseCsv(next).lines;
    const header = looksLikeHeader(nextLines[0], spec.columns);
    const shape = (l: readonly (readonly string[])[], h: boolean) => `${h}|${l[0]?.length ?? 0}|${h ? l[0]?.join("|") : ""}`;
    const before = parsed.current;
    let nextHeader = before.hasHeader;
    if (shape(nextLines, header) !== shape(before.lines, before.hasHeader) || name !== previousName) {
      nextHeader = header;
      setHasHeader(header);
      setMapping(rememberedMapping(kind, nextLines, header, spec.columns) ?? guessMapping(nextLines, header, spec.columns, spec.positional));
    }
    parsed.current = { lines: nextLines, hasHeader: nextHeader };
    setLines(nextLines);
  }

  function changeHeader(next: boolean) {
    parsed.current = { ...parsed.current, hasHeader: next };
    setHasHeader(next);
    setMapping(rememberedMapping(kind, lines, next, spec.columns) ?? guessMapping(lines, next, spec.columns, spec.positional));
    setChecked(null);
  }

  function changeMapping(key: string, value: string) {
    const next = { ...mapping, [key]: value === "" ? null : Number(value) };
    setMapping(next);
    rememberMapping(kind, next, lines, hasHeader);
    setChecked(null);
  }

  /**
   * Takes the dry run's suggested values (the closest text VICIdial keeps) into the file's
   * cells, then checks the rows again with the same settings.
   */
  async function takeSuggestions(changes: readonly { row: number; column?: string; suggestion?: string }[]) {
    if (!checked) return;
    const [{ linesToCsv }, { dryRun }] = await Promise.all([loadCsv(), loadPrepare()]);
    const next = lines.map((line) => [...line]);
    for (const change of changes) {
      const cell = change.column === undefined ? undefined : mapping[change.column];
      const line = next[(hasHeader ? 1 : 0) + change.row - 1];
      if (line && cell !== null && cell !== undefined && change.suggestion !== undefined) line[cell] = change.suggestion;
    }
    const nextText = linesToCsv(next);
    setText(nextText);
    parsed.current = { ...parsed.current, lines: next };
    setLines(next);
    setChecked({ dry: dryRun(kind, { text: nextText, hasHeader, mapping, options: checked.options }), options: checked.options });
  }

  const check = form.handleSubmit(async (options) => {
    clearError();
    const { dryRun } = await loadPrepare();
    const dry = dryRun(kind, { text, hasHeader, mapping, options });
    for (const [key, message] of Object.entries(dry.fieldErrors)) {
      if (key.startsWith("options.")) form.setError(key.slice("options.".length), { type: "dry-run", message });
    }
    setChecked({ dry, options });
  });

  async function start() {
    if (checked) await send({ text, hasHeader, mapping, options: checked.options } as never);
  }

  const dry = checked?.dry;
  const skipped = dry ? dry.total - dry.valid : 0;
  const extra = dry ? dry.toSend - dry.valid : 0;
  return (
    <div className="space-y-6">
      {error && <ErrorCallout error={error} />}
      <form onSubmit={check} noValidate aria-label="New bulk job" className="space-y-6">
        <Card title="1. Settings">
          <OptionFields kind={kind} form={form} choices={choices} onChange={() => setChecked(null)} />
        </Card>

        <Card title="2. File">
          <div className="space-y-4">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              A CSV file (comma or tab separated) of at most {MAX_JOB_ROWS.toLocaleString("en-US")} rows; a header row is optional.
            </p>
            <Field label="CSV file" hint={fileName ? `Loaded ${fileName}` : undefined}>
              {(p) => (
                <input
                  {...p}
                  type="file"
                  accept=".csv,.txt,text/csv,text/plain"
                  onChange={async (event) => {
                    const file = event.target.files?.[0];
                    if (file) await takeText(await file.text(), file.name);
                  }}
                />
              )}
            </Field>
            <Field label="Or paste the rows">
              {(p) => (
                <textarea
                  {...p}
                  value={text}
                  onChange={(event) => void takeText(event.target.value, null)}
                  rows={8}
                  spellCheck={false}
                  className={`${p.className} font-mono text-xs`}
                  placeholder={spec.positional.join(",")}
                />
              )}
            </Field>
          </div>
        </Card>

        <Card title="3. Columns">
          {lines.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">Load or paste the file first; then choose which file column holds what.</p>
          ) : (
            <div className="space-y-4">
              <Checkbox label="The first row is a header" checked={hasHeader} onChange={(event) => changeHeader(event.target.checked)} />
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                {spec.columns.map((column) => (
                  <Field
                    key={column.key}
                    label={column.label}
                    required={column.required}
                    hint={column.hint}
                    error={dry?.fieldErrors[`mapping.${column.key}`]}
                  >
                    {(p) => (
                      <Select {...p} value={mapping[column.key] ?? ""} onChange={(event) => changeMapping(column.key, event.target.value)}>
                        <option value="">Not in the file</option>
                        {columnNames.map((name, index) => (
                          <option key={index} value={index}>
                            {name}
                            {sample[index] ? ` (e.g. ${sample[index]})` : ""}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                ))}
              </div>
            </div>
          )}
        </Card>

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={lines.length === 0}>
            Check rows (dry run)
          </Button>
          <span className="text-sm text-slate-600 dark:text-slate-400">Nothing is sent to VICIdial until you start the job.</span>
        </div>
      </form>

      {dry && <DryRunReport dry={dry} columns={spec.columns} rowNouns={info.rowNouns} onUseSuggestions={takeSuggestions} />}

      {dry?.ready && (
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={() => setConfirming(true)}>Start job</Button>
          <span className="text-sm text-slate-600 dark:text-slate-400">
            {countOf(dry.valid, info.rowNoun, info.rowNouns)} will be sent{skipped > 0 ? `; ${countOf(skipped, "row")} with errors will be skipped` : ""}.
          </span>
        </div>
      )}

      <ConfirmDialog
        open={confirming}
        title="Start this job?"
        confirmLabel="Start job"
        destructive={false}
        busy={starting}
        onCancel={() => setConfirming(false)}
        onConfirm={start}
      >
        {dry && (
          <>
            <p>
              {countOf(dry.valid, info.rowNoun, info.rowNouns)} will be sent to VICIdial
              {extra > 0 ? `, then ${countOf(extra, "alias")}` : ""}.
            </p>
            {skipped > 0 && (
              <p>
                {countOf(skipped, "row")} with errors will be skipped.
              </p>
            )}
            <p>The job keeps running if you close this page; you can pause or cancel it, but what VICIdial has done is not undone.</p>
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}

function OptionFields({ kind, form, choices, onChange }: { kind: FileJobKind; form: UseFormReturn<OptionValues, unknown, Record<string, unknown>>; choices: WizardChoices; onChange: () => void }) {
  const { formState, watch } = form;
  const register = registerShown(form);
  const errors = formState.errors;
  const field = (name: string) => register(name, { onChange });
  const message = (name: string) => errors[name]?.message;

  const list = (id: string, values: string[]): ReactNode => (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );

  switch (kind) {
    case "dids":
      return (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each row is one new DID: a DID pattern and a route are required, the route&apos;s target (extension, in-group, call menu…) too; every other column is
          optional.
        </p>
      );
    case "cid":
      return (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="CID group" required error={message("groupId")} hint="The CID group (or campaign) the entries are added to">
            {(p) => <input {...p} {...field("groupId")} list="job-cid-groups" autoComplete="off" />}
          </Field>
          {list("job-cid-groups", choices.groups)}
        </div>
      );
    case "did-copy":
      return (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="DID to copy" required error={message("sourceDidPattern")} hint="Every new DID takes this DID's route and settings">
            {(p) => <input {...p} {...field("sourceDidPattern")} list="job-dids" autoComplete="off" />}
          </Field>
          {list("job-dids", choices.dids)}
          <Field label="Description of the new DIDs" error={message("description")} hint="Optional; empty keeps the copied DID's description">
            {(p) => <input {...p} {...field("description")} autoComplete="off" />}
          </Field>
        </div>
      );
    case "agents": {
      const aliasMode = watch("aliasMode");
      return (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="Server IP" required error={message("serverIp")} hint="The VICIdial server the phones are made on">
            {(p) => <input {...p} {...field("serverIp")} list="job-servers" autoComplete="off" inputMode="decimal" />}
          </Field>
          {list("job-servers", choices.servers)}
          <Field label="Protocol" required error={message("protocol")}>
            {(p) => (
              <Select {...p} {...field("protocol")}>
                {["SIP", "IAX2", "Zap", "EXTERNAL"].map((value) => (
                  <option key={value}>{value}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Time zone" required error={message("localGmt")}>
            {(p) => (
              <Select {...p} {...field("localGmt")}>
                {TIME_ZONES.map((zone) => (
                  <option key={zone.value} value={zone.value}>
                    {zone.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Aliases" error={message("aliasMode")} hint="An alias rings several phones by one name">
            {(p) => (
              <Select {...p} {...field("aliasMode")}>
                <option value="none">No alias</option>
                <option value="per-row">The alias named in each row (Alias column)</option>
                <option value="single">One alias over all the phones</option>
              </Select>
            )}
          </Field>
          {aliasMode === "single" && (
            <>
              <Field label="Alias ID" required error={message("aliasId")}>
                {(p) => <input {...p} {...field("aliasId")} autoComplete="off" />}
              </Field>
              <Field label="Alias name" required error={message("aliasName")}>
                {(p) => <input {...p} {...field("aliasName")} autoComplete="off" />}
              </Field>
            </>
          )}
          <p className="text-sm text-slate-600 sm:col-span-2 lg:col-span-3 dark:text-slate-400">
            Each phone gets two generated passwords (phone login and SIP registration). When the job is over you download them as a sheet; the dashboard keeps it (encrypted) until you confirm it was saved, or for a day (SHEET_KEEP_HOURS) at most.
          </p>
        </div>
      );
    }
  }
}
