"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { cn } from "./cn";

/**
 * The one modal: the native <dialog> (focus trap, Escape, inert background, focus handed back
 * when it closes), shown while `open`. `onOpen` runs each time it opens (clear what the last
 * opening left, start a read); Escape asks `onDismiss`, and is ignored while `busy`.
 */
export function Modal({
  open,
  onOpen,
  onDismiss,
  busy = false,
  labelledBy,
  wide = false,
  children,
}: {
  open: boolean;
  onOpen?: () => void;
  onDismiss: () => void;
  busy?: boolean;
  /** The id of its title. */
  labelledBy: string;
  wide?: boolean;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opening = useRef(onOpen);
  useEffect(() => {
    opening.current = onOpen;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      opening.current?.();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onDismiss();
      }}
      className={cn(
        "m-auto w-full rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100",
        wide ? "max-w-2xl" : "max-w-md",
      )}
    >
      {children}
    </dialog>
  );
}
