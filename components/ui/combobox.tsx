"use client";

import { useDeferredValue, useId, useRef, useState, type ChangeEvent, type ComponentProps, type KeyboardEvent, type Ref } from "react";
import { cn } from "./cn";
import { useOptions } from "./use-options";

/** One choice: the value sent (id), the name people know it by, and one more fact where useful. */
export interface ComboboxOption {
  id: string;
  name: string;
  detail?: string | null;
}

type InputProps = Omit<ComponentProps<"input">, "ref" | "role" | "list">;

export interface ComboboxProps extends InputProps {
  /** The choices matching what was typed ("" for the first ones), read on the server. */
  loadOptions: (query: string) => Promise<ComboboxOption[]>;
  /** Names the options' cache entry: one per source (`["reference", "in_group"]`). */
  queryKey: readonly unknown[];
  /** What the options are, for the listbox's name ("In-groups"). */
  optionsLabel: string;
  /**
   * Picker mode: a chosen option goes to the caller instead of into the input (a list of logins).
   * Without it the option's id becomes the input's value, as if typed.
   */
  onPick?: (option: ComboboxOption) => void;
  ref?: Ref<HTMLInputElement>;
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/**
 * A text input that offers known values as the user types: arrows move through them, Enter
 * takes one, Escape closes the list, and anything else typed stays as typed (VICIdial may hold
 * values the dashboard does not know). Each option shows its id and its name. Works registered
 * with react-hook-form (uncontrolled) or controlled; the label is the surrounding Field's.
 */
export function Combobox({ loadOptions, queryKey, optionsLabel, onPick, ref, className, onChange, onKeyDown, onBlur, onFocus, ...input }: ComboboxProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [text, setText] = useState(String(input.value ?? input.defaultValue ?? ""));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  /** Arrowed into the list: it stays open even when the text already names an option. */
  const [browsing, setBrowsing] = useState(false);
  const query = useDeferredValue(text.trim());
  // Also while closed with a value, to name the value already in the field.
  const lookup = useOptions([...queryKey, query], () => loadOptions(query), open || text.trim() !== "");
  const options = lookup.options;
  const typed = text.trim().toLowerCase();
  const match = typed ? options.find((option) => option.id.toLowerCase() === typed) : undefined;
  // A value typed in full needs no list over the rest of the form; its name shows below instead.
  // A picker that adds what is picked (onPick) keeps it listed: picking it is how it gets added.
  const shown = open && options.length > 0 && (!match || browsing || onPick !== undefined);
  const listbox = `${id}-options`;

  const close = () => {
    setOpen(false);
    setActive(-1);
    setBrowsing(false);
  };

  const choose = (option: ComboboxOption) => {
    const element = inputRef.current;
    if (onPick) {
      onPick(option);
      setText("");
    } else if (element) {
      // As if typed: react-hook-form and controlled parents both read the change from the element.
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
      setter?.call(element, option.id);
      onChange?.({ target: element, currentTarget: element, type: "change" } as unknown as ChangeEvent<HTMLInputElement>);
      setText(option.id);
    }
    close();
  };

  // The list's own keys first; everything else (Enter on typed text, say) is the caller's.
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setBrowsing(true);
      if (!open) setOpen(true);
      else if (options.length > 0) setActive((i) => (i + 1) % options.length);
    } else if (event.key === "ArrowUp" && shown) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === "Enter" && shown && active >= 0 && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    } else {
      onKeyDown?.(event);
      // The caller took Enter (added what was typed, say): the list has done its part.
      if (event.key === "Enter" && event.defaultPrevented) close();
    }
  };

  return (
    <div className="relative">
      <input
        {...input}
        ref={(element) => {
          inputRef.current = element;
          setRef(ref, element);
        }}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listbox}
        aria-activedescendant={shown && active >= 0 ? `${listbox}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        className={className}
        onChange={(event) => {
          onChange?.(event);
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
          setBrowsing(false);
        }}
        onFocus={(event) => {
          onFocus?.(event);
          setText(event.target.value);
          setOpen(true);
        }}
        onBlur={(event) => {
          onBlur?.(event);
          close();
        }}
        onKeyDown={keyDown}
      />
      {shown && (
        <ul
          id={listbox}
          role="listbox"
          aria-label={optionsLabel}
          className="absolute z-20 mt-1 max-h-64 w-full min-w-64 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {options.map((option, index) => (
            <li
              key={option.id}
              id={`${listbox}-${index}`}
              role="option"
              aria-selected={index === active}
              // Chosen on mousedown, so the input's blur does not close the list first.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
              className={cn("cursor-pointer px-3 py-1.5", index === active ? "bg-brand-600 text-white" : "hover:bg-slate-100 dark:hover:bg-slate-800")}
            >
              <span className="font-mono font-medium">{option.id}</span>
              {/* A real space, so the option reads "TEST_IN Test inbound group", not one run-on word. */}{" "}
              <span className={cn("ml-1", index === active ? "text-white/80" : "text-slate-600 dark:text-slate-400")}>
                {option.name}
                {option.detail ? ` · ${option.detail}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!onPick && match && !shown && (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {match.name}
          {match.detail ? ` · ${match.detail}` : ""}
        </p>
      )}
      {lookup.failed && open && <p className="mt-1 text-xs text-slate-500">The known values could not be read just now; type the value by hand.</p>}
    </div>
  );
}
