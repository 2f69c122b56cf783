"use client";

import { useEffect, useRef } from "react";

/**
 * Reads at once and then every `everyMs` (null: once only) while the component is mounted; a
 * change of `everyMs` starts over with a read. `read` gets `live()`, false once the component
 * is gone or the poll restarted, so a late answer is dropped. The shell's VICIdial badge and
 * the overview's sync card poll with this rather than React Query, which would ship with every
 * page for two polls.
 */
export function usePoll(read: (live: () => boolean) => Promise<unknown>, everyMs: number | null, options: { onlyWhenVisible?: boolean } = {}): void {
  const latest = useRef(read);
  useEffect(() => {
    latest.current = read;
  });
  const onlyWhenVisible = options.onlyWhenVisible ?? false;
  useEffect(() => {
    let live = true;
    const isLive = () => live;
    void latest.current(isLive);
    const timer =
      everyMs === null
        ? undefined
        : setInterval(() => {
            if (!onlyWhenVisible || document.visibilityState === "visible") void latest.current(isLive);
          }, everyMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [everyMs, onlyWhenVisible]);
}
