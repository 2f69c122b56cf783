"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button, ErrorCallout, Input, Skeleton, Table, Td, Th } from "@/components/ui";
import { CopyButton } from "@/components/ui/copy-button";
import { Modal } from "@/components/ui/modal";
import { useAction } from "@/components/ui/use-action";
import type { UndoOutcome } from "@/lib/undo/action-result";
import type { UndoChoice, UndoPlan, UndoResource, UndoStep } from "@/lib/undo/types";
import { UNDO_ACTIONS } from "./undo-actions";

const UNREACHABLE = "The dashboard could not be reached. Check your connection; the audit log shows whether the undo was made.";

const OPS: Record<UndoStep["op"], string> = { revert: "Change back", delete: "Delete", recreate: "Re-create" };

/**
 * The undo of one audit entry: what it will do, checked now against the object; if something
 * changed since, each field with its three values and the choice (undo anyway, only what did not
 * change, or cancel). Deleting asks for the usual typed confirmation. New phone passwords are
 * shown once, here.
 */
export function UndoDialog({ entryId, resource, open, onClose }: { entryId: number; resource: UndoResource; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const titleId = useId();
  const confirmId = useId();
  const [plan, setPlan] = useState<UndoPlan | null>(null);
  const [typed, setTyped] = useState("");
  const [done, setDone] = useState<UndoOutcome | null>(null);
  const actions = UNDO_ACTIONS[resource];
  const preview = useAction(actions.preview, { successToast: false, errorToast: false, unreachableMessage: UNREACHABLE, onSuccess: setPlan });
  const undo = useAction(actions.undo, {
    unreachableMessage: UNREACHABLE,
    onSuccess: (outcome) => {
      router.refresh();
      if (outcome.passwords.length > 0) setDone(outcome);
      else onClose();
    },
  });
  const { run: previewRun } = preview;
  const { clearError: clearUndoError } = undo;
  const error = preview.error ?? undo.error;
  const busy = preview.pending || undo.pending;

  const opened = () => {
    setPlan(null);
    clearUndoError();
    setDone(null);
    setTyped("");
    void previewRun({ entryId });
  };

  const run = (choice?: UndoChoice) => void undo.run({ entryId, choice, confirm: plan?.confirmText === undefined ? undefined : typed });

  const needsTyping = plan?.confirmText !== undefined && typed !== plan.confirmText;
  return (
    <Modal open={open} onOpen={opened} onDismiss={onClose} busy={busy} labelledBy={titleId} wide>
      <div className="space-y-4 p-5 text-sm">
        <h2 id={titleId} className="text-lg font-semibold">
          Undo entry {entryId}
        </h2>
        {done ? (
          <Passwords outcome={done} />
        ) : !plan && !error ? (
          <div aria-label="Checking the current state" className="space-y-2">
            <Skeleton className="h-4 w-3/4" />
            <Skeleton className="h-4 w-1/2" />
          </div>
        ) : (
          plan && <PlanView plan={plan} />
        )}
        {error && <ErrorCallout error={error} />}
        {plan && !done && plan.confirmText !== undefined && (
          <div className="space-y-1">
            <label htmlFor={confirmId} className="block font-medium">
              Type <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{plan.confirmText}</code> to confirm
            </label>
            <Input id={confirmId} value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
          </div>
        )}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {done ? "Close" : "Cancel"}
          </Button>
          {plan && !done && !plan.conflicts && (
            <Button variant={plan.confirmText ? "danger" : "primary"} disabled={needsTyping} loading={busy} onClick={() => run()}>
              Undo
            </Button>
          )}
          {plan && !done && plan.conflicts && (
            <>
              <Button variant="secondary" disabled={needsTyping} loading={busy} onClick={() => run("unchanged")}>
                Undo only unchanged fields
              </Button>
              <Button variant="danger" disabled={needsTyping} loading={busy} onClick={() => run("anyway")}>
                Undo anyway
              </Button>
            </>
          )}
        </div>
      </div>
    </Modal>
  );
}

function PlanView({ plan }: { plan: UndoPlan }) {
  return (
    <div className="space-y-3">
      <p>{plan.summary}.</p>
      {plan.conflicts && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
          Changed since this entry: the fields marked below no longer hold what the change left.
        </p>
      )}
      {plan.steps.map((step) => (
        <section key={step.key} aria-label={step.key} className="space-y-1">
          <h3 className="font-medium">
            {OPS[step.op]} {step.key}
            {step.blocked && <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">— skipped: {step.blocked}</span>}
          </h3>
          {step.fields.length > 0 && (
            <Table caption={`Fields of ${step.key}`}>
              <thead>
                <tr>
                  <Th>Field</Th>
                  <Th>{step.op === "delete" ? "Recorded" : "The change set"}</Th>
                  <Th>Now</Th>
                  {step.op === "revert" && <Th>Undo puts back</Th>}
                </tr>
              </thead>
              <tbody>
                {step.fields.map((field) => (
                  <tr key={field.field} className={field.changed ? "bg-amber-50 dark:bg-amber-950" : undefined}>
                    <Td>
                      {field.label}
                      {field.changed && <span className="ml-1 text-xs font-semibold text-amber-800 dark:text-amber-300">(changed since)</span>}
                    </Td>
                    <Td>{field.after || "—"}</Td>
                    <Td>{field.current || "—"}</Td>
                    {step.op === "revert" && <Td>{field.before || "—"}</Td>}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {step.notes.map((note) => (
            <p key={note} className="text-xs text-slate-600 dark:text-slate-400">
              {note}
            </p>
          ))}
        </section>
      ))}
    </div>
  );
}

function Passwords({ outcome }: { outcome: UndoOutcome }) {
  return (
    <div className="space-y-2">
      <p role="status">The phone was re-created with new passwords. They are shown only now: copy them before closing.</p>
      {outcome.passwords.map((p) => (
        <dl key={p.key} className="grid grid-cols-[auto_1fr_auto] items-center gap-2">
          <dt className="font-medium">{p.key} phone password</dt>
          <dd>
            <code>{p.phonePass}</code>
          </dd>
          <dd>
            <CopyButton value={p.phonePass} label={`Copy the phone password of ${p.key}`} />
          </dd>
          <dt className="font-medium">{p.key} registration password</dt>
          <dd>
            <code>{p.registrationPassword}</code>
          </dd>
          <dd>
            <CopyButton value={p.registrationPassword} label={`Copy the registration password of ${p.key}`} />
          </dd>
        </dl>
      ))}
    </div>
  );
}
