"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { countOf } from "@/lib/text/plural";
import { Button } from "./button";
import { ConfirmDialog } from "./confirm-dialog";
import { ErrorCallout } from "./error-callout";
import { SELECTED } from "./row-checkbox";
import { useAction } from "./use-action";

/**
 * Selecting rows of a server-rendered list: each row's checkbox belongs (by its `form`
 * attribute) to the empty form this bar renders, so the table stays a server component and the
 * selection is read from the form when a choice is made. A choice starts a job and opens it.
 */
export interface BulkChoice {
  label: string;
  /** Asks first, naming how many rows it will change. */
  destructive?: boolean;
  run: (keys: string[]) => Promise<ActionResult<{ jobId: string }>>;
}

function runChoice(_prev: unknown, { choice, keys }: { choice: BulkChoice; keys: string[] }) {
  return choice.run(keys);
}

function checkboxes(formId: string): HTMLInputElement[] {
  return Array.from(document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${formId}"][name="${SELECTED}"]`));
}

/** The header's checkbox: selects or clears every row of the page. */
export function SelectPageCheckbox({ formId, label }: { formId: string; label: string }) {
  const [state, setState] = useState<"none" | "some" | "all">("none");
  useEffect(() => {
    const update = () => {
      const boxes = checkboxes(formId);
      const checked = boxes.filter((b) => b.checked).length;
      setState(checked === 0 ? "none" : checked === boxes.length ? "all" : "some");
    };
    document.addEventListener("change", update);
    return () => document.removeEventListener("change", update);
  }, [formId]);
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={state === "all"}
      ref={(el) => {
        if (el) el.indeterminate = state === "some";
      }}
      onChange={(event) => {
        for (const box of checkboxes(formId)) box.checked = event.target.checked;
        document.dispatchEvent(new Event("change"));
      }}
      className="h-4 w-4 rounded border-slate-300 dark:border-slate-600"
    />
  );
}

export function BulkBar({ formId, noun, nouns, choices }: { formId: string; noun: string; nouns: string; choices: BulkChoice[] }) {
  const router = useRouter();
  const [count, setCount] = useState(0);
  const [asking, setAsking] = useState<BulkChoice | null>(null);
  const {
    run: start,
    pending: busy,
    error,
  } = useAction(runChoice, {
    onSuccess: (data) => {
      setAsking(null);
      router.push(`/jobs/${data.jobId}`);
    },
    onFailure: () => setAsking(null),
  });

  useEffect(() => {
    const update = () => setCount(checkboxes(formId).filter((b) => b.checked).length);
    document.addEventListener("change", update);
    return () => document.removeEventListener("change", update);
  }, [formId]);

  const run = (choice: BulkChoice) =>
    void start({
      choice,
      keys: checkboxes(formId)
        .filter((b) => b.checked)
        .map((b) => b.value),
    });

  return (
    <div role="region" aria-label={`Selected ${nouns}`} className="mb-3 flex flex-wrap items-center gap-2">
      <form id={formId} onSubmit={(event) => event.preventDefault()} />
      <span className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {count === 0 ? `Select ${nouns} to change several at once` : `${countOf(count, noun, nouns)} selected`}
      </span>
      {choices.map((choice) => (
        <Button
          key={choice.label}
          size="sm"
          variant={choice.destructive ? "danger" : "secondary"}
          disabled={count === 0 || busy}
          onClick={() => (choice.destructive ? setAsking(choice) : run(choice))}
        >
          {choice.label}
        </Button>
      ))}
      {error && <ErrorCallout title="Nothing was started" error={error} />}
      <ConfirmDialog
        open={asking !== null}
        title={`${asking?.label ?? ""}: ${countOf(count, noun, nouns)}?`}
        confirmLabel={asking?.label ?? "Confirm"}
        busy={busy}
        onConfirm={() => asking && run(asking)}
        onCancel={() => setAsking(null)}
      >
        This starts a job that sends one request per {noun} to VICIdial. It cannot be undone as a whole.
      </ConfirmDialog>
    </div>
  );
}
