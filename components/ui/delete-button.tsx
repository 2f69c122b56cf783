"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "./button";
import type { ServerAction } from "./call-action";
import { ConfirmDialog } from "./confirm-dialog";
import { ErrorCallout } from "./error-callout";
import { useAction } from "./use-action";

interface DeleteButtonProps<I> {
  /** The button's text and, unless confirmLabel says otherwise, the dialog's confirm. */
  label: string;
  confirmLabel?: string;
  /** The dialog's title. */
  title: string;
  /** What must be typed to confirm (the record's ID), where a slip would cost. */
  confirmText?: string;
  /** The dialog's body: what happens, in plain words. */
  children: ReactNode;
  action: ServerAction<I, unknown>;
  input: I;
  /** Where to go once the delete is done; absent: the page is read again. */
  redirectTo?: string;
  /** The list a record's page goes back to when VICIdial says the record is already gone. */
  listPath?: string;
  blockedReason?: string;
  /** How the blocked reason is said beside the button. */
  blockedNote?: (reason: string) => ReactNode;
  /**
   * Where a refusal shows besides its toast: "above" (default) the button, the dialog closed;
   * "dialog": inside the dialog, which stays open (try again or cancel); "toast": nowhere else
   * (a button in a table row).
   */
  refusal?: "above" | "dialog" | "toast";
  variant?: "danger" | "ghost";
  size?: "sm";
  ariaLabel?: string;
}

const defaultNote = (reason: string) => <p className="text-sm text-slate-600 dark:text-slate-400">Not available: {reason}.</p>;

/**
 * A delete (or a removal from a list) behind a confirmation, typed where asked. A refusal is
 * shown in plain words with VICIdial's line behind "Details", and nothing moves.
 */
export function DeleteButton<I>(props: DeleteButtonProps<I>) {
  const { label, title, confirmText, children, action, input, redirectTo, blockedReason, refusal = "above" } = props;
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { run, pending, error, clearError } = useAction(action, {
    listPath: props.listPath ?? redirectTo,
    onSuccess: () => {
      setOpen(false);
      if (redirectTo) router.push(redirectTo);
      else router.refresh();
    },
    onFailure: () => {
      if (refusal !== "dialog") setOpen(false);
    },
  });

  const button = (
    <Button
      variant={props.variant ?? "danger"}
      size={props.size}
      disabled={blockedReason !== undefined}
      title={blockedReason}
      aria-label={props.ariaLabel}
      onClick={() => {
        clearError();
        setOpen(true);
      }}
    >
      {label}
    </Button>
  );
  const dialog = (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={props.confirmLabel ?? label}
      typeToConfirm={confirmText}
      busy={pending}
      onConfirm={() => void run(input)}
      onCancel={() => {
        setOpen(false);
        clearError();
      }}
    >
      {children}
      {refusal === "dialog" && error && <ErrorCallout error={error} />}
    </ConfirmDialog>
  );
  const note = blockedReason !== undefined && (props.blockedNote ?? defaultNote)(blockedReason);

  if (refusal !== "above") {
    return (
      <>
        {button}
        {note}
        {dialog}
      </>
    );
  }
  return (
    <div className="space-y-3">
      {error && <ErrorCallout error={error} />}
      <div className="flex flex-wrap items-center gap-3">
        {button}
        {note}
      </div>
      {dialog}
    </div>
  );
}
