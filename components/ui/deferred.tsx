"use client";

import { lazy, Suspense, useEffect, useId, useRef, useState, type ComponentType, type JSX } from "react";

/**
 * A client component (a form) whose code loads at the user's first sign of interest in it (the
 * pointer over it, focus or a touch inside it) instead of with the page: a form brings
 * react-hook-form (13 KB gzip) and its own code, more than a page may add under the 150 KB goal.
 * The server renders it in full, so the form is on screen at once and usable as plain HTML while
 * its code loads; after a client-side navigation (no server HTML to show) it loads at once.
 * Until it is live: a submit is held and sent again once it is (never as a plain browser GET),
 * and what was typed or chosen is handed to it (react-hook-form writes its defaults into the
 * fields when it takes over).
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  const Eager = lazy(async () => ({ default: await load() }));
  return function Deferred(props: P) {
    const id = useId();
    const box = useRef<HTMLDivElement>(null);
    // Hydrating: the server's HTML of this very wrapper is on the page already.
    const [waiting] = useState(() => (typeof document !== "undefined" && document.querySelector(`[data-deferred="${CSS.escape(id)}"]`) ? new Waiting(load) : null));
    const Component = waiting ? waiting.Lazy : Eager;

    useEffect(() => {
      const element = box.current;
      if (!waiting || !element) return;
      // On the window, capturing: React stops every event aimed into a part it has not taken
      // over yet at the document, so listeners on the element itself would never hear them.
      const inside = (event: Event) => event.target instanceof Node && element.contains(event.target);
      const wake = (event: Event) => {
        if (inside(event)) waiting.wake(element);
      };
      const hold = (event: Event) => {
        if (waiting.live || !inside(event)) return;
        event.preventDefault();
        waiting.heldSubmit = { form: event.target as HTMLFormElement, submitter: (event as SubmitEvent).submitter };
        waiting.wake(element);
      };
      const wakers = ["pointerover", "pointerdown", "focusin", "touchstart", "keydown"] as const;
      for (const type of wakers) window.addEventListener(type, wake, { capture: true, passive: true });
      window.addEventListener("submit", hold, { capture: true });
      return () => {
        for (const type of wakers) window.removeEventListener(type, wake, { capture: true });
        window.removeEventListener("submit", hold, { capture: true });
      };
    }, [waiting]);

    return (
      <div ref={box} data-deferred={id} className="contents">
        <Suspense fallback={null}>
          <Component {...props} />
          {waiting && <Live onLive={() => waiting.takeOver(box.current)} />}
        </Suspense>
      </div>
    );
  };
}

/** Rendered beside the component inside the boundary: its effect runs once the component is live. */
function Live({ onLive }: { onLive: () => void }) {
  const done = useRef(onLive);
  useEffect(() => done.current(), []);
  return null;
}

type Early = Map<string, string | boolean>;

/** One server-rendered instance waiting for interest. */
class Waiting<P> {
  live = false;
  heldSubmit: { form: HTMLFormElement; submitter: HTMLElement | null } | undefined;
  private early: Early = new Map();
  private woken: (() => void) | undefined;
  private element: HTMLElement | undefined;
  readonly Lazy: ComponentType<P>;

  constructor(load: () => Promise<ComponentType<P>>) {
    const interest = new Promise<void>((resolve) => (this.woken = resolve));
    this.Lazy = lazy(async () => {
      await interest;
      const component = await load();
      // Read just before React takes over the fields, so nothing typed meanwhile is lost.
      if (this.element) this.early = changedFields(this.element);
      return { default: component };
    });
  }

  wake(element: HTMLElement) {
    this.element = element;
    this.woken?.();
  }

  takeOver(element: HTMLElement | null) {
    this.live = true;
    if (element) restore(element, this.early);
    const held = this.heldSubmit;
    this.heldSubmit = undefined;
    if (held?.form.isConnected) held.form.requestSubmit(held.submitter && held.form.contains(held.submitter) ? held.submitter : undefined);
  }
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function controls(root: HTMLElement): Control[] {
  return Array.from(root.querySelectorAll<Control>("input[name], select[name], textarea[name]"));
}

/** The named fields whose value differs from the HTML's own default: what the user changed. */
function changedFields(root: HTMLElement): Early {
  const changed: Early = new Map();
  for (const element of controls(root)) {
    if (element instanceof HTMLSelectElement) {
      const initial = Array.from(element.options).find((option) => option.defaultSelected) ?? element.options[0];
      if (initial && element.value !== initial.value) changed.set(element.name, element.value);
    } else if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) {
      if (element.type === "checkbox" && element.checked !== element.defaultChecked) changed.set(element.name, element.checked);
      if (element.type === "radio" && element.checked && !element.defaultChecked) changed.set(element.name, element.value);
    } else if (element.type !== "hidden" && element.type !== "file" && element.value !== element.defaultValue) {
      changed.set(element.name, element.value);
    }
  }
  return changed;
}

/** Gives the values back as if typed or clicked, so the form's own change handlers take them. */
function restore(root: HTMLElement, early: Early) {
  for (const element of controls(root)) {
    if (!early.has(element.name)) continue;
    const value = early.get(element.name);
    if (element instanceof HTMLInputElement && element.type === "checkbox") {
      if (element.checked !== value) element.click();
    } else if (element instanceof HTMLInputElement && element.type === "radio") {
      if (element.value === value && !element.checked) element.click();
    } else if (typeof value === "string" && element.value !== value) {
      const prototype = Object.getPrototypeOf(element) as object;
      Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(element, value);
      element.dispatchEvent(new Event("input", { bubbles: true }));
      element.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
}
