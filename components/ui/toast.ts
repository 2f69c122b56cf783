"use client";

import { toast as sonner, type ExternalToast } from "sonner";

/**
 * The dashboard's toasts: sonner's, with one rule added in one place. An error toast is about
 * the last attempt; once something succeeds (or the user tries again) it is stale, so it goes
 * instead of staying beside the success toast as if the success had failed too.
 */
const openErrors = new Set<string | number>();

function forget(id: string | number | undefined) {
  if (id !== undefined) openErrors.delete(id);
}

/** Clears the error toasts still on screen: call when a form is sent again. */
export function dismissErrorToasts(): void {
  for (const id of openErrors) sonner.dismiss(id);
  openErrors.clear();
}

type Message = Parameters<typeof sonner.success>[0];

export const toast = {
  success(message: Message, data?: ExternalToast) {
    dismissErrorToasts();
    return sonner.success(message, data);
  },
  error(message: Message, data?: ExternalToast) {
    const id = sonner.error(message, {
      ...data,
      onDismiss: (t) => {
        forget(t.id);
        data?.onDismiss?.(t);
      },
      onAutoClose: (t) => {
        forget(t.id);
        data?.onAutoClose?.(t);
      },
    });
    openErrors.add(id);
    return id;
  },
  warning: sonner.warning,
  info: sonner.info,
  dismiss: sonner.dismiss,
};
