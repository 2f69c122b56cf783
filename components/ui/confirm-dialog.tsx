"use client";

import { useId, useState, type ReactNode } from "react";
import { Button } from "./button";
import { Modal } from "./modal";
import { Input } from "./field";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** When set, the confirm button stays disabled until this exact text is typed. */
  typeToConfirm?: string;
  destructive?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Confirmation before anything destructive, in the one modal (modal.tsx: the native <dialog>,
 * not a hand-rolled overlay).
 */
export function ConfirmDialog({ open, title, children, confirmLabel, typeToConfirm, destructive = true, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  const [typed, setTyped] = useState("");
  const titleId = useId();
  const inputId = useId();

  const blocked = typeToConfirm !== undefined && typed !== typeToConfirm;
  return (
    <Modal open={open} onOpen={() => setTyped("")} onDismiss={onCancel} busy={busy} labelledBy={titleId}>
      <form
        method="dialog"
        className="space-y-4 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          if (!blocked && !busy) onConfirm();
        }}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children && <div className="space-y-2 text-sm text-slate-700 dark:text-slate-300">{children}</div>}
        {typeToConfirm !== undefined && (
          <div className="space-y-1">
            <label htmlFor={inputId} className="block text-sm font-medium">
              Type <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{typeToConfirm}</code> to confirm
            </label>
            <Input id={inputId} value={typed} autoComplete="off" onChange={(e) => setTyped(e.target.value)} />
          </div>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant={destructive ? "danger" : "primary"} disabled={blocked} loading={busy}>
            {confirmLabel}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
