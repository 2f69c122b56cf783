"use client";

import { lazy, Suspense, type ComponentType, type JSX, type ReactNode } from "react";

/** What `onDemand` gives: the component, and a call that starts loading its code early. */
export type OnDemand<P extends object> = ((props: P) => JSX.Element) & { preload: () => void };

/**
 * A part the user has to ask for (a dialog, an inline editor): its code loads when it is first
 * shown, not with the page. `preload` starts the load sooner, from the pointer or focus reaching
 * what opens it, so it is usually there by the click. While it loads, `fallback` stands in; if
 * it cannot load (the dashboard unreachable), that is said in its place.
 */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>, fallback: ReactNode = null): OnDemand<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  const start = () => (loading ??= load());
  const Loaded = lazy(() =>
    start().then(
      (component) => ({ default: component }),
      () => ({ default: NotLoaded as ComponentType<P> }),
    ),
  );
  function Shown(props: P) {
    return (
      <Suspense fallback={fallback}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return Object.assign(Shown, { preload: () => void start().catch(() => undefined) });
}

/** The props that start loading a part's code as the pointer or focus reaches what opens it. */
export function preloadOn(part: { preload: () => void }) {
  return { onPointerEnter: part.preload, onFocus: part.preload };
}

function NotLoaded() {
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      The dashboard could not be reached to open this. Check your connection and reload the page.
    </p>
  );
}
