"use client";

import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { lookupCallBatchAction } from "@/app/(dashboard)/calls/actions";
import { callAction } from "@/components/ui/call-action";
import { Button, Card, Field } from "@/components/ui";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ActionError } from "@/lib/actions/result";
import { mergeResults, nextSort, planBatch, sortRows, type BatchPlan, type BatchSort, type SortKey, type TableRow } from "@/lib/calls/batch-table";
import { chunks } from "@/lib/calls/bounded";
import { batchCsv, exportFileName } from "@/lib/calls/export";
import { summarizeBatch, type BatchRow } from "@/lib/calls/outcome";
import type { BatchTextInput } from "@/lib/calls/schemas";
import { BATCH_CHUNK_SIZE, BATCH_MAX_IDS, splitBatchText } from "@/lib/calls/call-id";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { BatchResultsTable } from "./batch-results-table";
import { downloadText } from "./download";
import { countOf } from "@/lib/text/plural";

const DASHBOARD_UNREACHABLE = "The dashboard server could not be reached; these IDs were not looked up.";

/** Rows that could not be looked up because the request for their chunk failed. */
function failedRows(callIds: readonly string[], message: string): BatchRow[] {
  return callIds.map((callId) => ({ callId, state: "failed", message }));
}

/** Refusals that will not get better on the next chunk: stop instead of repeating them. */
function stopsTheBatch(error: ActionError): boolean {
  return error.kind === "unauthorized" || error.kind === "forbidden";
}

function planSummary(plan: BatchPlan): string {
  const parts = [`${countOf(plan.pasted, "call ID")} pasted`];
  if (plan.duplicates > 0) parts.push(`${countOf(plan.duplicates, "duplicate")} looked up once`);
  if (plan.invalid > 0) parts.push(`${plan.invalid} invalid, not sent to VICIdial`);
  parts.push(`${plan.toSend.length} to look up`);
  return parts.join(" · ");
}

const resolver = lazyZodResolver(() => import("@/lib/calls/schemas").then((m) => m.batchTextSchema));

/**
 * Batch lookup: the pasted IDs are checked here first (invalid ones are marked and never sent),
 * then the distinct valid ones go to the server BATCH_CHUNK_SIZE at a time, one request after
 * another; the server looks each chunk up with bounded concurrency. The progress bar moves per
 * chunk, and Stop takes effect at the next chunk.
 */
export function BatchLookup({ blockedReason }: { blockedReason?: string }) {
  const { register, handleSubmit, formState } = useForm<BatchTextInput>({ resolver, defaultValues: { text: "" } });
  const [plan, setPlan] = useState<BatchPlan | null>(null);
  const [rows, setRows] = useState<TableRow[]>([]);
  const [done, setDone] = useState(0);
  const [running, setRunning] = useState(false);
  const [sort, setSort] = useState<BatchSort>(null);
  const [finishedSummary, setFinishedSummary] = useState<string | null>(null);
  const stopRequested = useRef(false);

  const run = async ({ text }: BatchTextInput) => {
    const next = planBatch(splitBatchText(text));
    setPlan(next);
    setRows(next.rows);
    setDone(0);
    setSort(null);
    setFinishedSummary(null);
    stopRequested.current = false;
    if (next.toSend.length === 0) {
      const message = "None of the pasted call IDs is valid; nothing was sent to VICIdial.";
      setFinishedSummary(message);
      toast.error(message);
      return;
    }

    setRunning(true);
    let current = next.rows;
    const finished: BatchRow[] = next.rows.filter((row): row is BatchRow => row.state !== "pending");
    const record = (results: BatchRow[]) => {
      finished.push(...results);
      current = mergeResults(current, results);
      setRows(current);
    };

    const queue = chunks(next.toSend, BATCH_CHUNK_SIZE);
    for (const [index, chunk] of queue.entries()) {
      if (stopRequested.current) {
        record(failedRows(queue.slice(index).flat(), "Not looked up: the batch was stopped."));
        break;
      }
      const result = await callAction(lookupCallBatchAction, { callIds: chunk }, { unreachableMessage: DASHBOARD_UNREACHABLE });
      if (result.ok) {
        record(result.data.rows);
      } else {
        const message = result.error.message;
        record(failedRows(chunk, message));
        if (stopsTheBatch(result.error)) {
          toast.error(message);
          record(failedRows(queue.slice(index + 1).flat(), "Not looked up: the batch stopped."));
          break;
        }
      }
      setDone((n) => n + chunk.length);
    }
    setRunning(false);
    const summary = `Batch lookup finished: ${summarizeBatch(finished)}`;
    setFinishedSummary(summary);
    toast.success(summary);
  };

  const shown = sort ? sortRows(rows, sort.key, sort.dir) : rows;
  const exportable = shown.filter((row): row is BatchRow => row.state !== "pending");

  return (
    <div className="space-y-6">
      <Card title="Call IDs to look up">
        <form onSubmit={(event) => void handleSubmit(run)(event)} noValidate className="space-y-4" aria-label="Batch call lookup">
          {blockedReason && (
            <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200">
              VICIdial&apos;s API user cannot look up calls: {blockedReason}
            </p>
          )}
          <Field
            label="Call IDs"
            error={formState.errors.text?.message}
            hint={`One per line or separated by commas, up to ${BATCH_MAX_IDS}. Spaces and quotes around each ID are removed; duplicates are looked up once.`}
          >
            {(p) => <textarea {...p} {...register("text")} rows={8} spellCheck={false} className={`${p.className} font-mono`} disabled={running} />}
          </Field>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" loading={running} disabled={blockedReason !== undefined}>
              Look up all
            </Button>
            {running && (
              <Button variant="secondary" onClick={() => (stopRequested.current = true)}>
                Stop
              </Button>
            )}
          </div>
        </form>
      </Card>

      {plan && (
        <section aria-labelledby="batch-results" className="space-y-4">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <div>
              <h2 id="batch-results" className="text-lg font-semibold">
                Results
              </h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">{planSummary(plan)}</p>
            </div>
            <Button
              variant="secondary"
              disabled={running || exportable.length === 0}
              onClick={() => downloadText(exportFileName(`call-lookup-${exportable.length}-calls`, "csv"), "text/csv", batchCsv(exportable))}
            >
              Download CSV
            </Button>
          </div>
          {plan.toSend.length > 0 && <ProgressBar label="Looked up" value={done} max={plan.toSend.length} />}
          <p role="status" className="text-sm font-medium">
            {finishedSummary}
          </p>
          <BatchResultsTable rows={shown} sort={sort} onSort={(key: SortKey) => setSort((current) => nextSort(current, key))} />
        </section>
      )}
    </div>
  );
}
