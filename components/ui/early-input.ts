/**
 * What a user typed or chose in a server-rendered form before React took it over. When its code
 * goes live, react-hook-form writes each field's default into the element, silently undoing a
 * choice made meanwhile: read what changed before, note each change until then, give them back
 * just after.
 */
export type EarlyInput = Map<string, string | boolean>;

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * How a field is found again: its name, or its id for a field outside the form's data (a
 * picker's search box). React gives the server's id to the live element too (useId).
 */
function fieldKey(element: Control): string {
  return element.name || (element.id ? `#${element.id}` : "");
}

function controls(root: HTMLElement): Control[] {
  return Array.from(root.querySelectorAll<Control>("input, select, textarea")).filter((element) => fieldKey(element) !== "");
}

/** Whether the field's value differs from the HTML's own default: the user changed it. */
function changedFromHtml(element: Control): boolean {
  if (element instanceof HTMLSelectElement) {
    const initial = Array.from(element.options).find((option) => option.defaultSelected) ?? element.options[0];
    return initial !== undefined && element.value !== initial.value;
  }
  if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) return element.checked !== element.defaultChecked;
  return element.type !== "hidden" && element.value !== element.defaultValue;
}

/** The named fields under `root` the user changed from the HTML's defaults. */
export function readEarlyInput(root: HTMLElement): EarlyInput {
  const early: EarlyInput = new Map();
  for (const element of controls(root)) if (changedFromHtml(element)) noteEarlyInput(early, element);
  return early;
}

/** Keeps the value the user just gave `target`, if it is a field that can be found again. */
export function noteEarlyInput(early: EarlyInput, target: EventTarget | null): void {
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) return;
  const key = fieldKey(target);
  if (!key) return;
  if (target instanceof HTMLInputElement && target.type === "checkbox") early.set(key, target.checked);
  else if (target instanceof HTMLInputElement && target.type === "radio") {
    if (target.checked) early.set(key, target.value);
  } else if (target.type !== "file") early.set(key, target.value);
}

/**
 * Gives the values back as if typed or clicked, so the form's own change handlers take them.
 * React fires onChange only for a value it has not seen, and it may have seen this one while
 * taking the field over: each field is first set the other way through React's own setter.
 */
export function replayEarlyInput(root: HTMLElement, early: EarlyInput): void {
  for (const element of controls(root)) {
    const key = fieldKey(element);
    if (!early.has(key)) continue;
    const value = early.get(key);
    if (element instanceof HTMLInputElement && element.type === "checkbox") {
      element.checked = !value;
      element.click();
    } else if (element instanceof HTMLInputElement && element.type === "radio") {
      if (element.value !== value) continue;
      element.checked = false;
      element.click();
    } else if (typeof value === "string") {
      if (!(element instanceof HTMLSelectElement)) element.value = "";
      // The prototype's setter: React's own would record the value as seen.
      const prototype = Object.getPrototypeOf(element) as object;
      Object.getOwnPropertyDescriptor(prototype, "value")?.set?.call(element, value);
      element.dispatchEvent(new Event("input", { bubbles: true }));
      element.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
}

/** Where the user is in the text field they are in: its selection, and the value it was made in. */
export interface Caret {
  element: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  start: number | null;
  end: number | null;
  direction: "forward" | "backward" | "none" | null;
}

export function readCaret(): Caret | undefined {
  const element = document.activeElement;
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return undefined;
  try {
    return { element, value: element.value, start: element.selectionStart, end: element.selectionEnd, direction: element.selectionDirection };
  } catch {
    return undefined; // an input type without a selection (a checkbox)
  }
}

/**
 * Puts the selection back where the user had it. Taking a textarea over moves its caret to the
 * start, so a select-all followed by typing would put the new text before the old.
 */
export function restoreCaret(caret: Caret | undefined): void {
  if (!caret || document.activeElement !== caret.element || caret.element.value !== caret.value || caret.start === null || caret.end === null) return;
  caret.element.setSelectionRange(caret.start, caret.end, caret.direction ?? undefined);
}
