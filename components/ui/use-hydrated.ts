import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * False in the server HTML and until React has taken over the page. Submit buttons wait for it:
 * a form sent before then would go as a plain browser POST, bypassing the client-side handler.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
