"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A combobox's choices for what was typed, read through `load` and kept 30 s per key, so going
 * back to a prefix or to another form with the same source asks the server once. While a new
 * read is on its way the previous choices stay listed, as with React Query's keepPreviousData.
 * React Query itself is not used here: it would ship with every form page (about 10 KB gzip)
 * for this one read. A failed read is tried once more before `failed` is reported.
 */
const FRESH_MS = 30_000;
const cache = new Map<string, { at: number; read: Promise<unknown> }>();

function cachedRead<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.read as Promise<T>;
  const read = load().catch(() => load());
  cache.set(key, { at: Date.now(), read });
  // A failure is not kept: the next keystroke asks again.
  read.catch(() => cache.delete(key));
  return read;
}

export function useOptions<T>(key: readonly unknown[], load: () => Promise<T[]>, enabled: boolean): { options: T[]; failed: boolean } {
  const id = JSON.stringify(key);
  const [state, setState] = useState<{ options: T[]; failed: boolean }>({ options: [], failed: false });
  // The newest loader, without restarting the read when the caller passes a new inline function.
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    cachedRead(id, () => latest.current()).then(
      (options) => live && setState({ options, failed: false }),
      () => live && setState((previous) => ({ ...previous, failed: true })),
    );
    return () => {
      live = false;
    };
  }, [id, enabled]);
  return state;
}
