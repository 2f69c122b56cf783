"use client";

import { lazy, Suspense, useEffect, useId, useRef, useState, type ComponentType, type JSX } from "react";
import { noteEarlyInput, readCaret, readEarlyInput, replayEarlyInput, restoreCaret, type Caret, type EarlyInput } from "./early-input";
import { UNTIL_HYDRATED } from "./submit-button";

/**
 * A client component (a form, a CID group's entries) whose code loads at the user's first sign of
 * interest in it (the pointer over it, focus, a touch, a key or a change inside it) instead of
 * with the page: a form brings react-hook-form (13 KB gzip) and its own code, more than a page
 * may add under the 150 KB goal. The server renders it in full, so it is on screen at once and
 * usable as plain HTML while its code loads; after a client-side navigation (no server HTML to
 * show) it loads at once. Until it is live: a submit is held and sent again once it is (never as
 * a plain browser GET), a button's click is held and made again, and what was typed or chosen
 * is handed to it (react-hook-form writes its defaults into the fields when it takes over).
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
        if (!inside(event) || waiting.live) return;
        if (event.type === "input" || event.type === "change") waiting.note(event.target);
        waiting.wake();
      };
      const hold = (event: Event) => {
        if (waiting.live || !inside(event)) return;
        event.preventDefault();
        waiting.heldSubmit = { form: event.target as HTMLFormElement, submitter: (event as SubmitEvent).submitter };
        waiting.wake();
      };
      // A button's click (a switch, "Delete", "Edit") would do nothing yet: it is made again once
      // live. A submit button's click goes on, to be held as a submit.
      const holdClick = (event: Event) => {
        if (waiting.live || !inside(event) || !(event.target instanceof Element)) return;
        const button = event.target.closest("button");
        if (!button || button.type === "submit") return;
        event.preventDefault();
        waiting.heldClick = button;
        waiting.wake();
      };
      waiting.arm(element);
      // The page can take a submit now (it is held until the form is live): see SubmitButton.
      // The server may stream the form in after the page went live (its boundary still pending
      // here), so buttons that arrive later are enabled as they arrive.
      const enableSubmits = () => {
        for (const button of element.querySelectorAll<HTMLButtonElement>(`button[${UNTIL_HYDRATED}]`)) button.disabled = false;
      };
      enableSubmits();
      const arrivals = new MutationObserver(() => (waiting.live ? arrivals.disconnect() : enableSubmits()));
      arrivals.observe(element, { childList: true, subtree: true });
      const wakers = ["pointerover", "pointerdown", "focusin", "touchstart", "keydown", "input", "change"] as const;
      for (const type of wakers) window.addEventListener(type, wake, { capture: true, passive: true });
      window.addEventListener("submit", hold, { capture: true });
      window.addEventListener("click", holdClick, { capture: true });
      return () => {
        arrivals.disconnect();
        for (const type of wakers) window.removeEventListener(type, wake, { capture: true });
        window.removeEventListener("submit", hold, { capture: true });
        window.removeEventListener("click", holdClick, { capture: true });
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

/** One server-rendered instance waiting for interest. */
class Waiting<P> {
  live = false;
  heldSubmit: { form: HTMLFormElement; submitter: HTMLElement | null } | undefined;
  heldClick: HTMLButtonElement | undefined;
  private early: EarlyInput = new Map();
  private caret: Caret | undefined;
  private woken: (() => void) | undefined;
  readonly Lazy: ComponentType<P>;

  constructor(load: () => Promise<ComponentType<P>>) {
    const interest = new Promise<void>((resolve) => (this.woken = resolve));
    this.Lazy = lazy(async () => {
      await interest;
      const component = await load();
      // React takes the form over next: keep where the user is typing.
      this.caret = readCaret();
      return { default: component };
    });
  }

  /** The page is live around the form: what was typed before now, and each change from now on, is kept. */
  arm(element: HTMLElement) {
    this.early = readEarlyInput(element);
  }

  note(target: EventTarget | null) {
    noteEarlyInput(this.early, target);
  }

  wake() {
    this.woken?.();
  }

  takeOver(element: HTMLElement | null) {
    this.live = true;
    if (element) replayEarlyInput(element, this.early);
    restoreCaret(this.caret);
    const held = this.heldSubmit;
    this.heldSubmit = undefined;
    if (held?.form.isConnected) held.form.requestSubmit(held.submitter && held.form.contains(held.submitter) ? held.submitter : undefined);
    const click = this.heldClick;
    this.heldClick = undefined;
    if (click?.isConnected && !click.disabled) click.click();
  }
}
