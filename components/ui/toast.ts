"use client";

import type { ExternalToast, toast as sonnerToast } from "sonner";

/**
 * The dashboard's toasts: sonner's, with one rule added in one place. An error toast is about
 * the last attempt; once something succeeds (or the user tries again) it is stale, so it goes
 * instead of staying beside the success toast as if the success had failed too.
 *
 * Sonner is loaded with the first toast (toast-host.tsx mounts its Toaster then), not with
 * every page: most page views show none. Ids are made here so callers still get one at once.
 */
type Sonner = typeof sonnerToast;
type Message = Parameters<Sonner["success"]>[0];

const openErrors = new Set<string | number>();
let lastId = 0;
let wanted = false;
let showHost: (() => void) | undefined;
let mounted: (sonner: Sonner) => void = () => undefined;
const ready = new Promise<Sonner>((resolve) => (mounted = resolve));

/** The host (toast-host.tsx) registers how to mount the Toaster; it does so when first asked. */
export function onToastWanted(show: () => void): () => void {
  showHost = show;
  if (wanted) show();
  return () => {
    showHost = undefined;
  };
}

/** Called by the loaded Toaster once it listens: the toasts asked for meanwhile are shown. */
export function toasterMounted(sonner: Sonner): void {
  mounted(sonner);
}

function withSonner(run: (sonner: Sonner) => void): void {
  if (!wanted) {
    wanted = true;
    showHost?.();
  }
  void ready.then(run);
}

function show(kind: "success" | "error" | "warning" | "info", message: Message, data?: ExternalToast): string | number {
  const id = data?.id ?? `toast-${++lastId}`;
  withSonner((sonner) => sonner[kind](message, { ...data, id }));
  return id;
}

function forget(id: string | number | undefined) {
  if (id !== undefined) openErrors.delete(id);
}

/** Clears the error toasts still on screen: call when a form is sent again. */
export function dismissErrorToasts(): void {
  if (openErrors.size === 0) return;
  const ids = [...openErrors];
  openErrors.clear();
  withSonner((sonner) => ids.forEach((id) => sonner.dismiss(id)));
}

export const toast = {
  success(message: Message, data?: ExternalToast) {
    dismissErrorToasts();
    return show("success", message, data);
  },
  error(message: Message, data?: ExternalToast) {
    const id = show("error", message, {
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
  warning: (message: Message, data?: ExternalToast) => show("warning", message, data),
  info: (message: Message, data?: ExternalToast) => show("info", message, data),
  dismiss(id?: string | number) {
    if (wanted) withSonner((sonner) => sonner.dismiss(id));
  },
};
